/**
 * What every part of the provider shares: the resolved options, the audit log, the fault
 * switchboard, the current language, and how results are made.
 */
import { checkTime } from '../core/clock.js';
import { hashPassword, type PasswordHash } from '../core/password-hash.js';
import { randomDigits } from '../core/random.js';
import { AuditLog } from './audit.js';
import { createFaultSwitchboard, type FaultKind, type FaultSwitchboard } from './faults.js';
import { formatMessage, formatTime, type Language, type MessageKey } from './messages.js';
import type { ResolvedProviderOptions } from './provider-options.js';

/** A refusal: a normal result, in the provider's language, with a stable key for programs. */
export type Refusal = {
  ok: false;
  messageKey: MessageKey;
  message: string;
  /** Set when a fault of the service refused the call (nothing was changed). */
  fault?: FaultKind;
  /** For maintenance: the announced end (ms), or null when none was announced. */
  until?: number | null;
  /** For throttled code checks during setup and recovery: when the next attempt is allowed (ms). */
  retryAt?: number;
};

/** The state one provider's parts share (not part of the public API). */
export class ProviderContext {
  readonly o: ResolvedProviderOptions;
  readonly audit: AuditLog;
  readonly faults: FaultSwitchboard;
  language: Language;
  /** This provider's password checks in flight, per account key (see recordPasswordAttempt in provider/password.ts). */
  readonly passwordChecks = new Map<string, Set<Promise<void>>>();
  #dummy: Promise<PasswordHash> | undefined;

  constructor(options: ResolvedProviderOptions) {
    this.o = options;
    this.language = options.language;
    this.audit = new AuditLog(options.auditLimit, options.onAudit);
    this.faults = createFaultSwitchboard(options.clock);
  }

  now(): number {
    return checkTime(this.o.clock.now(), 'clock.now()');
  }

  message(key: MessageKey, params: Record<string, string | number> = {}): string {
    return formatMessage(this.language, key, params);
  }

  refuse(
    key: MessageKey,
    extra: Omit<Refusal, 'ok' | 'messageKey' | 'message'> = {},
    params: Record<string, string | number> = {},
  ): Refusal {
    return { ok: false, messageKey: key, message: this.message(key, params), ...extra };
  }

  /**
   * A hash of a random password with this provider's cost, made once: checking a password of an
   * unknown (or locked) account against it costs the same work as a real check, so response time
   * does not tell whether an account exists.
   */
  dummyHash(): Promise<PasswordHash> {
    this.#dummy ??= hashPassword(randomDigits(20, this.o.random), this.o.hashing, this.o.random);
    return this.#dummy;
  }

  /**
   * The fault check every user-facing call starts with. Returns the refusal when a fault is in
   * force (after the time-out delay, for a time-out), or null. Nothing in the Store is touched.
   */
  async faultRefusal(operation: string, username: string | null): Promise<Refusal | null> {
    const fault = this.faults.active(this.now());
    if (fault === null) return null;
    if (fault.kind === 'timeout') await this.o.wait(this.o.timeoutMs);
    this.audit.record(this.now(), 'fault', username, { operation, fault: fault.kind });
    if (fault.kind === 'maintenance') {
      if (fault.until === null) return this.refuse('fault.maintenanceOpenEnded', { fault: 'maintenance', until: null });
      return this.refuse(
        'fault.maintenance',
        { fault: 'maintenance', until: fault.until },
        { until: formatTime(this.language, fault.until, this.o.timeZone) },
      );
    }
    return this.refuse(fault.kind === 'outage' ? 'fault.outage' : 'fault.timeout', { fault: fault.kind });
  }
}
