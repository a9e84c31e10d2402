// Timing helpers for the benchmarks: interleaved runs and medians, so a noisy neighbour on a small
// machine slows every subject alike instead of whichever happened to run at the time.

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Calls `fn(i)` for about `ms` milliseconds and returns calls per second. */
function rate(fn, ms) {
  const budget = BigInt(ms) * 1_000_000n;
  const start = process.hrtime.bigint();
  let n = 0;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 200; i++) fn(n++);
    elapsed = process.hrtime.bigint() - start;
  }
  return (n * 1e9) / Number(elapsed);
}

/**
 * Measures several subjects against each other: a warm-up each, then `runs` rounds in which every
 * subject runs for `ms` milliseconds in turn. Returns the median ops/s per subject name.
 * @param {Record<string, (i: number) => unknown>} subjects
 */
export function compare(subjects, { runs = 7, ms = 120 } = {}) {
  const names = Object.keys(subjects);
  for (const name of names) rate(subjects[name], 60);
  const rates = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < runs; r++) {
    for (const name of names) rates[name].push(rate(subjects[name], ms));
  }
  return Object.fromEntries(names.map((name) => [name, median(rates[name])]));
}
