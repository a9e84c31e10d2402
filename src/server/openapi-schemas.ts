/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the API's bodies and answers.
 */
import { type Schema, str, ms, obj, ref, okOf } from './openapi-schema-parts.js';
import { ACCOUNT_STATUS_EMAIL_FIELDS, PASSWORD_WARNING, SECOND_FACTOR } from './openapi-email-schemas.js';

const kind: Schema = { enum: ['enrollment', 'device-change'] };
const faultKind: Schema = { enum: ['maintenance', 'outage', 'timeout'] };

/** Request bodies. */
export const REQUEST_SCHEMAS: Record<string, Schema> = {
  RegisterRequest: obj({ username: str('1 to 128 printable characters'), password: str(), email: str() }),
  PasswordRequest: obj({ username: str(), password: str() }),
  CodeRequest: obj({ loginTicket: str('from POST /api/login'), code: str('the current one-time code') }),
  EnrollmentRequest: obj(
    { username: str(), password: str(), code: str('for an e-mail account: a code just mailed (it moves to the app)') },
    ['username', 'password'],
  ),
  ConfirmRequest: obj({ enrollmentId: str(), code: str() }),
  FinishRequest: obj({
    enrollmentId: str(),
    deletionCodeSaved: { type: 'boolean', description: '"Törlőkód mentéséről gondoskodtam"' },
  }),
  AbandonRequest: obj({ enrollmentId: str() }),
  DeviceChangeRequest: obj({ username: str(), password: str(), code: str() }),
  DeletionCodeRequest: obj({ username: str(), password: str(), deletionCode: str() }),
  SetClockRequest: obj({
    time: {
      oneOf: [
        ms('ms since the epoch'),
        { type: 'string', format: 'date-time', description: 'ISO 8601 with its zone: 2025-01-16T08:00:00Z' },
      ],
    },
  }),
  AdvanceClockRequest: obj({ ms: ms('ms to move (negative: back)') }),
  FreezeClockRequest: obj({ frozen: { type: 'boolean' } }),
  StartFaultRequest: obj({ kind: faultKind, until: ms('optional end, ms since the epoch') }, ['kind']),
  StopFaultRequest: obj({ kind: faultKind }),
  ScheduleFaultRequest: obj({ kind: faultKind, from: ms('start, ms'), until: ms('end, ms') }),
  UnlockRequest: obj({ username: str() }),
};

const accountStatus = obj({
  exists: { type: 'boolean' },
  locked: { type: 'boolean' },
  passwordFailures: { type: 'integer', minimum: 0 },
  secondFactor: { enum: ['none', 'pending-activation', 'active'] },
  activeFrom: { type: ['number', 'null'] },
  pending: {
    oneOf: [{ type: 'null' }, obj({ kind, confirmed: { type: 'boolean' }, expiresAt: ms('when it expires') })],
  },
  ...ACCOUNT_STATUS_EMAIL_FIELDS,
});

const faultWindow = obj({ kind: faultKind, from: ms('start'), until: { type: ['number', 'null'] } });

/** Answers. */
export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  Error: obj({
    error: obj({ code: str('stable: BAD_JSON, UNKNOWN_FIELD, BODY_TOO_LARGE, …'), message: str('one line') }),
  }),
  Refusal: obj(
    {
      ok: { const: false },
      messageKey: str('login.refused, register.taken, fault.*, …'),
      message: str(),
      fault: faultKind,
      until: { type: ['number', 'null'] },
      retryAt: ms('when the next code may be tried (simulated time)'),
    },
    ['ok', 'messageKey', 'message'],
  ),
  Failure: { anyOf: [ref('Refusal'), ref('Error')] },
  Registered: okOf('register.ok', { username: str() }),
  LoginTicket: obj(
    {
      ok: { const: true },
      loginTicket: str('send it with the code to POST /api/login/code'),
      expiresAt: ms('simulated time'),
      secondFactor: {
        ...SECOND_FACTOR,
        description: "the code page that follows: the app's code, or (email) POST /api/login/email-code first",
      },
      passwordWarning: PASSWORD_WARNING,
    },
    ['ok', 'loginTicket', 'expiresAt', 'secondFactor'],
  ),
  LoginOk: {
    ...okOf('login.ok', { username: str(), passwordWarning: PASSWORD_WARNING }),
    required: ['ok', 'messageKey', 'message', 'username'],
  },
  Me: obj({ username: str(), account: accountStatus }),
  AccountStatus: accountStatus,
  EnrollmentStarted: {
    ...okOf('enrollment.started', {
      enrollmentId: str(),
      kind,
      keyUri: str('otpauth:// key URI'),
      secret: str('base32'),
      secretText: str('in groups of four'),
      issuer: str(),
      account: str(),
      expiresAt: ms('simulated time'),
      qr: obj({ svg: str('SVG document'), png: str('PNG, base64') }),
    }),
    required: [
      'ok',
      'messageKey',
      'message',
      'enrollmentId',
      'kind',
      'keyUri',
      'secret',
      'secretText',
      'issuer',
      'account',
      'expiresAt',
    ],
  },
  EnrollmentConfirmed: okOf('enrollment.confirmed', {
    enrollmentId: str(),
    deletionCode: str('the törlőkód, shown this once'),
  }),
  EnrollmentFinished: okOf('enrollment.finished', { kind, activeFrom: ms('when the factor starts working') }),
  EnrollmentAbandoned: okOf('enrollment.abandoned', {}),
  DeletionCodeRedeemed: okOf('deletionCode.redeemed', { username: str() }),
  PublicClock: obj({
    now: ms('simulated time'),
    frozen: { type: 'boolean' },
    fault: { oneOf: [{ type: 'null' }, faultKind] },
  }),
  ClockStatus: obj({ now: ms('simulated time'), frozen: { type: 'boolean' }, offsetMs: ms('from the real time') }),
  Faults: obj({
    active: { oneOf: [{ type: 'null' }, obj({ kind: faultKind, until: { type: ['number', 'null'] } })] },
    windows: { type: 'array', items: faultWindow },
  }),
  Unlocked: obj({ ok: { const: true }, username: str() }),
  AuditEvents: obj({
    events: {
      type: 'array',
      items: obj(
        {
          seq: { type: 'integer' },
          time: ms('simulated time'),
          type: str(),
          username: { type: ['string', 'null'] },
          reason: str(),
          operation: str(),
          fault: faultKind,
        },
        ['seq', 'time', 'type', 'username'],
      ),
    },
  }),
  ResetDone: obj({ ok: { const: true }, removedKeys: { type: 'integer', minimum: 0 } }),
};
