/**
 * Removes expired login tickets from the Store. An account's own expired tickets go when it is
 * issued a new one (account-tokens.ts); this sweep takes those of accounts that never log in again,
 * and the account records left with nothing to keep. Each instance sweeps at most once per ticket
 * lifetime of simulated time, when it issues a ticket.
 */
import type { Store } from '../sim/store.js';
import { pruneAccountTokens } from './account-tokens.js';

/** Sweeps the tickets under `prefix` that expired by `now`, at most once per `intervalMs`. */
export class TicketSweeper {
  #next = -Infinity;

  constructor(
    private readonly store: Store,
    private readonly prefix: string,
    private readonly intervalMs: number,
  ) {}

  /** Sweeps when the last sweep is `intervalMs` ago (or the clock was set back); resolves when done. */
  async maybeSweep(now: number): Promise<void> {
    if (now < this.#next && now >= this.#next - this.intervalMs) return;
    this.#next = now + this.intervalMs;
    for (const key of await this.store.keys(this.prefix)) {
      const ticket = await this.store.get<{ expiresAt: number }>(key);
      // Checked again inside the update: only a ticket still expired is removed.
      if (ticket !== undefined && ticket.expiresAt <= now)
        await this.store.update<{ expiresAt: number }>(key, (t) =>
          t !== undefined && t.expiresAt <= now ? undefined : t,
        );
    }
    await pruneAccountTokens(this.store, now);
  }
}
