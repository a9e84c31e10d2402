/**
 * The Node options a busy totp-lab server runs with. Under load, what is alive at each scavenge of
 * the young generation (new records, requests in flight) is copied and promoted to the old
 * generation. With Node's default 16 MB semi-spaces, an API server holding about 110 000 accounts
 * spent a fifth of its time in scavenges; with 64 MB semi-spaces about a fifteenth
 * (docs/http-api.md#throughput). Node sets its heap sizes only when it starts: `totp-lab serve`
 * starts itself again with these, and a server that mounts the handler itself can be started with
 * them (`node --max-semi-space-size=64 …` or NODE_OPTIONS).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = Object.freeze(['--max-semi-space-size=64']);

/** The Node options a process was started with: on its command line, then in NODE_OPTIONS. */
export function nodeOptionsOf(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/).filter(Boolean)];
}

/**
 * True when `given` (see {@link nodeOptionsOf}) has no young-generation size of its own: then
 * {@link SERVER_NODE_OPTIONS} apply. A size given either way is kept.
 */
export function needsServerNodeOptions(given: readonly string[]): boolean {
  return !given.some((option) => /^--max[-_]semi[-_]space[-_]size\b/.test(option));
}
