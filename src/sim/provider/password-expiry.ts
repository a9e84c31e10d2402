/**
 * When a password expires and when it is warned about, on the calendar of the provider's time
 * zone (see calendar.ts): two calendar years after it was set unless a fixed `maxAgeMs` is given;
 * warnings at calendar points before that (`warnings`), or in a window (`warnBeforeMs`).
 */
import { addCalendarDays, addCalendarMonths } from '../calendar.js';
import type { ProviderContext } from '../context.js';

const DAY = 86_400_000;

/** The warning a right password gets shortly before it expires. */
export type PasswordWarning = {
  messageKey: 'password.expiring';
  message: string;
  /** When the password expires (ms). */
  expiresAt: number;
  /** Whole days left, rounded up. */
  daysLeft: number;
};

/** Expiries already worked out, per provider: the calendar (Intl) costs more than a login's other steps. */
const expiries = new WeakMap<ProviderContext, Map<number, number>>();
const REMEMBERED = 4096;

/** When a password set at `changedAt` expires (ms), or null when password age is off. */
export function expiryOf(ctx: ProviderContext, changedAt: number): number | null {
  const policy = ctx.o.passwordPolicy;
  if (policy.maxAgeMs !== null) return policy.maxAgeMs === 0 ? null : changedAt + policy.maxAgeMs;
  let known = expiries.get(ctx);
  if (known === undefined) expiries.set(ctx, (known = new Map()));
  let expiresAt = known.get(changedAt);
  if (expiresAt === undefined) {
    expiresAt = addCalendarMonths(changedAt, 12 * policy.maxAgeYears, ctx.o.timeZone);
    if (known.size >= REMEMBERED) known.clear();
    known.set(changedAt, expiresAt);
  }
  return expiresAt;
}

/**
 * The shortest life a password can have under the policy, or null when it never expires. Below it
 * no calendar is needed, which keeps the check on every code (the lock of an expired password) cheap.
 */
function shortestLife(ctx: ProviderContext): number | null {
  const policy = ctx.o.passwordPolicy;
  if (policy.maxAgeMs !== null) return policy.maxAgeMs === 0 ? null : policy.maxAgeMs;
  // A calendar year has 365 days or more; 29 February ending on the 28th and an hour of summer
  // time take less than two days off the shortest.
  return policy.maxAgeYears * 365 * DAY - 2 * DAY;
}

/** True when `now` is at or after the expiry of a password set at `changedAt`, plus `after` ms. */
export function isPastExpiry(ctx: ProviderContext, changedAt: number, now: number, after = 0): boolean {
  const shortest = shortestLife(ctx);
  if (shortest === null || now < changedAt + shortest + after) return false;
  return now >= expiryOf(ctx, changedAt)! + after;
}

/**
 * The points before `expiresAt` at which a right password is warned, earliest first (ms). In the
 * `warnBeforeMs` window the one point is the window's start, and every right password after it is
 * warned; with `warnings`, each point is warned about once.
 */
export function warningPoints(ctx: ProviderContext, expiresAt: number): number[] {
  const { warnings, warnBeforeMs } = ctx.o.passwordPolicy;
  if (warnings === null) return warnBeforeMs === 0 ? [] : [expiresAt - warnBeforeMs];
  const zone = ctx.o.timeZone;
  return warnings
    .map((w) =>
      'months' in w ? addCalendarMonths(expiresAt, -w.months, zone) : addCalendarDays(expiresAt, -w.days, zone),
    )
    .sort((a, b) => a - b);
}

/** True when each warning point is warned about once (the `warnings` schedule), not every login. */
export function warnsOncePerPoint(ctx: ProviderContext): boolean {
  return ctx.o.passwordPolicy.warnings !== null;
}
