/**
 * One probe run's shared state: the accounts it holds (each either clean or spoiled by a refusal,
 * and the last step it had accepted), the requests it has made, and time. A refused code may start
 * a verifier's throttling, so an account that saw a refusal is not used again for a measurement
 * that expects acceptance; an account that accepted step s is used only for steps after s.
 */
import type { Clock } from '../core/clock.js';
import { stepAt } from '../core/code.js';
import { randomDigits, type RandomSource } from '../core/random.js';
import { codeForStep, type Account } from './account.js';
import type { AccountSource } from './account-source.js';
import { ProbeBudgetError } from './errors.js';
import type { Answer, Target } from './target.js';
import type { ProbeAttempt } from './types.js';

/** An account in the pool. */
export interface PoolAccount {
  account: Account;
  /** The last step it accepted (absolute), or -Infinity. */
  lastAccepted: number;
  /** True once it refused a code: its verifier may be throttling it. */
  spoiled: boolean;
}

export interface SessionOptions {
  clock: Clock;
  wait: (ms: number) => Promise<void>;
  random: RandomSource;
  maxRequests: number;
  maxAccounts: number;
  maxSteps: number;
}

export class ProbeSession {
  requests = 0;
  readonly pool: PoolAccount[] = [];
  readonly startedAt = performance.now();
  private slowestMs = 50;

  constructor(
    readonly target: Target,
    readonly source: AccountSource,
    readonly o: SessionOptions,
  ) {}

  /** True when the clock can be moved on instead of waited for (a manual clock). */
  get clockMoves(): boolean {
    return typeof (this.o.clock as { advance?: unknown }).advance === 'function';
  }

  /** The probe's current step for an account. */
  stepNow(account: Account): number {
    return stepAt(this.o.clock.now(), account.info.period);
  }

  /**
   * A clean account that has accepted nothing at or after `step` (null: any clean account), or a
   * new one; null when no more accounts can be had.
   */
  async take(step: number | null): Promise<PoolAccount | null> {
    const found = this.pool.find((p) => !p.spoiled && (step === null || p.lastAccepted < step));
    return found ?? (await this.fresh());
  }

  /** A new account, or null when the source has no more (one given account) or the limit is reached. */
  async fresh(): Promise<PoolAccount | null> {
    if (this.pool.length >= this.o.maxAccounts || (this.source.single && this.pool.length > 0)) return null;
    const account = await this.source.next(this.pool.length + 1);
    if (this.pool.length === 0) this.target.checkFields(Object.keys(account.fields));
    const entry: PoolAccount = { account, lastAccepted: -Infinity, spoiled: false };
    this.pool.push(entry);
    return entry;
  }

  /** The account's code for step `step` (absolute). */
  code(p: PoolAccount, step: number): string {
    return codeForStep(p.account, step);
  }

  /** A random code that no step near now has: certainly wrong. */
  wrongCode(p: PoolAccount): string {
    const now = this.stepNow(p.account);
    const near = new Set<string>();
    for (let d = -this.o.maxSteps - 3; d <= this.o.maxSteps + 3; d++) near.add(this.code(p, now + d));
    let code = randomDigits(p.account.info.digits, this.o.random);
    // The next code up, if the random one is near (a random source stuck on one value cannot loop).
    while (near.has(code)) code = String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');
    return code;
  }

  /**
   * Sends `typed` for the account and records it in `evidence`.
   * @param step the absolute step `typed` belongs to, or null for a code of no step
   * @throws {ProbeBudgetError} when the request budget is spent
   */
  async send(p: PoolAccount, typed: string, step: number | null, evidence: ProbeAttempt[]): Promise<Answer> {
    if (this.requests >= this.o.maxRequests)
      throw new ProbeBudgetError(`the budget of ${this.o.maxRequests} requests is spent`);
    this.requests++;
    const sentAt = performance.now();
    const relative = step === null ? null : step - this.stepNow(p.account);
    const answer = await this.target.attempt(typed, p.account);
    this.slowestMs = Math.max(this.slowestMs, performance.now() - sentAt);
    if (answer.accepted) {
      if (step !== null) p.lastAccepted = Math.max(p.lastAccepted, step);
    } else p.spoiled = true;
    evidence.push({
      account: p.account.number,
      step: relative,
      sent: typed,
      accepted: answer.accepted,
      answer: answer.shown,
      atMs: Math.round(sentAt - this.startedAt),
    });
    return answer;
  }

  /**
   * The current step, after waiting for the next one when too little of this one is left for
   * `requests` more requests (so a sequence of codes is not cut by a step change). A clock that
   * moves by hand never waits.
   */
  async settle(p: PoolAccount, requests: number): Promise<number> {
    if (!this.clockMoves) {
      const periodMs = p.account.info.period * 1000;
      const needed = Math.min(periodMs / 4, 1000 + requests * this.slowestMs);
      const left = periodMs - (this.o.clock.now() % periodMs);
      if (left < needed) await this.o.wait(left + 20);
    }
    return this.stepNow(p.account);
  }

  /** Lets `ms` pass: the clock is moved on when it can be, else the probe waits. */
  async pass(ms: number): Promise<void> {
    if (this.clockMoves) (this.o.clock as Clock & { advance(ms: number): number }).advance(ms);
    else await this.o.wait(ms);
  }

  /** Milliseconds of the probe's clock. */
  now(): number {
    return this.o.clock.now();
  }

  elapsedMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }
}
