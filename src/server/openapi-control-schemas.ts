/** The JSON Schemas of the control API's accounts, codes, replay guard and mailbox. */
import { MAX_MAIL_DELAY_MS } from '../sim/mail-delay.js';
import { type Schema, str, ms, obj, ref } from './openapi-schema-parts.js';

const int = (description: string, minimum?: number): Schema => ({
  type: 'integer',
  description,
  ...(minimum !== undefined && { minimum }),
});
const bool = (description: string): Schema => ({ type: 'boolean', description });

/** The fields of an account in a stated state, as POST /control/accounts and a seed file take them. */
export const SEED_ACCOUNT_PROPERTIES: Record<string, Schema> = {
  username: str('1 to 128 printable characters'),
  password: str('1 to 4096 characters'),
  email: str('the address codes are mailed to; needed for the e-mail factor'),
  factor: { enum: ['app', 'email', 'none'], description: 'the second factor (default app)' },
  secret: str('the app secret, base32 (default: kept from the account replaced, else new); app only'),
  deletionCode: str('the törlőkód, its digits with any spaces or dashes (default: kept with the secret, else new)'),
  active: bool('the app binding works now (default true), or after the activation delay'),
  passwordAgeDays: { type: 'number', minimum: 0, maximum: 3660, description: 'days since it was set (default 0)' },
  locked: bool('locked by wrong passwords until POST /control/unlock (default false)'),
};

const mailFields: Record<string, Schema> = {
  to: str(),
  from: str(),
  subject: str(),
  text: str('plain text; it holds the code'),
  sentAt: ms('simulated time'),
  code: { type: ['string', 'null'], description: 'the code the mail carries; null for a mail that is not a code mail' },
  sessionNumber: { type: ['string', 'null'], pattern: '^[0-9]{3}$', description: 'the 3-digit session number' },
  purpose: {
    enum: ['login', 'factor-setup', null],
    description: 'a login code, or the confirmation of choosing e-mail',
  },
  expiresAt: { type: ['number', 'null'], description: 'sentAt plus the minutes the mail states (simulated time)' },
  arrivedAt: ms('when it arrived: sentAt plus the delivery delay it was sent with (simulated time)'),
};

const delayMs = {
  type: 'integer',
  minimum: 0,
  maximum: MAX_MAIL_DELAY_MS,
  description: 'ms of simulated time; 0: mail arrives at once',
};

export const CONTROL_REQUEST_SCHEMAS: Record<string, Schema> = {
  SeedAccountRequest: obj(SEED_ACCOUNT_PROPERTIES, ['username', 'password']),
  MailDelayRequest: obj({ delayMs }),
};

/** Answers; `accountStatus` is the account status schema the seeded account extends. */
export function controlResponseSchemas(accountStatus: Schema): Record<string, Schema> {
  const status = accountStatus as { properties: Record<string, Schema>; required: string[] };
  return {
    SeededAccount: obj(
      {
        ...status.properties,
        username: str(),
        email: { type: ['string', 'null'] },
        replaced: bool(
          'an account of that name was replaced (its tickets, sessions, OpenID Connect sign-ins and mail went with it)',
        ),
        secret: str('base32 (app only)'),
        keyUri: str('otpauth:// key URI (app only)'),
        deletionCode: {
          type: ['string', 'null'],
          description:
            'the törlőkód (app only); null when the one of the account replaced was kept (only its hash is stored)',
        },
      },
      [...status.required, 'username', 'email', 'replaced'],
    ),
    AccountCode: obj({
      username: str(),
      code: str('the app code'),
      step: int('its time step (RFC 6238 T)', 0),
      validFrom: ms('when its step starts (simulated time)'),
      validUntil: ms('when its step ends (simulated time); the window accepts it a step either side too'),
      period: int('the TOTP period in seconds', 1),
      spent: bool('the service already accepted this step or a later one: it would refuse this code as a replay'),
    }),
    LastStep: obj({
      username: str(),
      lastStep: int('the last accepted step, or -1 for none', -1),
      serverStep: int("the service's step now", 0),
      period: int('the TOTP period in seconds', 1),
    }),
    AccountRemoved: obj({
      ok: { const: true },
      username: str(),
      tickets: int('login tickets ended', 0),
      sessions: int('sessions ended', 0),
      messages: int('mail to its address removed', 0),
    }),
    Mailbox: obj({ messages: { type: 'array', items: ref('KeptMail') } }),
    KeptMail: obj(mailFields),
    MailboxCleared: obj({ ok: { const: true }, removedMessages: int('messages removed', 0) }),
    MailDelay: obj({ delayMs }),
  };
}
