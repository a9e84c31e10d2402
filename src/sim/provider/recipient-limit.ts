/**
 * The resend limit of one address, whichever accounts name it. Registration takes any address
 * unchecked, so without it N accounts registered with someone's address would send N times the
 * per-account limit to that mailbox. The count is kept in the Store, under a key derived from the
 * address (its SHA-256, so the key does not spell it out), and so holds across every instance on
 * that store.
 */
import { digest } from '../../core/hash/hash.js';
import { sha256 } from '../../core/hash/sha256.js';
import { toHex } from '../../core/hex.js';
import type { ProviderContext } from '../context.js';

const HOUR = 3_600_000;
const encoder = new TextEncoder();

/** When codes went to one address in the last hour (ms), oldest first. */
type RecipientSends = { sends: number[] };

/** Store key of the send count of an address (case does not make another mailbox). */
export function recipientKey(address: string): string {
  return `email-recipient:${toHex(digest(sha256, encoder.encode(address.trim().toLowerCase())))}`;
}

/**
 * Counts a send to `address` at `now` when the address's hourly limit allows it; otherwise returns
 * when the next send is allowed. One atomic update, so parallel sends from many accounts (and
 * instances) cannot pass the limit between them.
 */
export async function reserveRecipientSend(
  ctx: ProviderContext,
  address: string,
  now: number,
): Promise<{ ok: true } | { ok: false; retryAt: number }> {
  const limit = ctx.o.emailCode.maxSendsPerAddressPerHour;
  let retryAt: number | null = null;
  await ctx.o.store.update<RecipientSends>(recipientKey(address), (current) => {
    const sends = (current?.sends ?? []).filter((t) => t > now - HOUR && t <= now);
    retryAt = sends.length >= limit ? sends[sends.length - limit]! + HOUR : null;
    return retryAt === null ? { sends: [...sends, now] } : { sends };
  });
  const until = retryAt as number | null;
  return until === null ? { ok: true } : { ok: false, retryAt: until };
}

/** Gives back a send counted at `at` that did not happen (the account's own rules refused it). */
export async function releaseRecipientSend(ctx: ProviderContext, address: string, at: number): Promise<void> {
  await ctx.o.store.update<RecipientSends>(recipientKey(address), (current) => {
    if (current === undefined) return undefined;
    const i = current.sends.lastIndexOf(at);
    if (i < 0) return current;
    const sends = current.sends.filter((_, j) => j !== i);
    return sends.length === 0 ? undefined : { sends };
  });
}
