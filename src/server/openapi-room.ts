/** The OpenAPI paths and schemas of the training room: the room view, the trainer link, a participant's inbox. */
import { type Schema, str, ms, obj } from './openapi-schema-parts.js';
import { control, op } from './openapi-operation.js';

const nullable = (schema: Schema): Schema => ({ oneOf: [{ type: 'null' }, schema] });
const faultKind: Schema = { enum: ['maintenance', 'outage', 'timeout'] };
const message = obj({
  to: str(),
  from: str(),
  subject: str(),
  text: str('plain text; it holds the code'),
  sentAt: ms('simulated time'),
  arrivedAt: ms('when it arrived (simulated time): later than sentAt with a delivery delay'),
});

export const ROOM_SCHEMAS: Record<string, Schema> = {
  RoomView: obj({
    now: ms('simulated time'),
    language: { enum: ['hu', 'en'] },
    fault: nullable(obj({ kind: faultKind, until: { type: ['number', 'null'] } })),
    accounts: {
      type: 'array',
      items: obj({
        username: str(),
        email: { type: ['string', 'null'] },
        stage: {
          enum: ['registered', 'qr-shown', 'confirmed', 'deletion-code-saved', 'active', 'locked', 'password-expired'],
        },
        factor: { enum: ['app', 'email', null] },
        activeFrom: { type: ['number', 'null'] },
        passwordFailures: { type: 'integer', minimum: 0 },
        attempts: {
          type: 'array',
          description: 'the last refusals, newest first, from the attempt trail in the store',
          items: obj({
            time: ms('simulated time'),
            event: str(),
            reason: str('the hidden reason (AttemptReason)'),
            text: str('the reason in words, in the language asked for'),
            advice: str('what to tell the participant'),
          }),
        },
      }),
    },
  }),
  TrainerLink: obj({ link: str('one-time: open the page at #trainer=<link>') }),
  TrainerSessionRequest: obj({ link: str('a trainer link') }),
  TrainerSession: obj({ trainer: { type: 'boolean' } }),
  InboxOpenRequest: obj({ username: str(), password: str() }),
  InboxOpened: obj({ ok: { const: true }, username: str() }),
  Inbox: obj({ username: str(), messages: { type: 'array', items: message } }),
};

export const ROOM_SITE_PATHS = {
  '/api/inbox/open': {
    post: op(
      "Open the participant's own inbox with the account's password (the lockout applies) → an inbox cookie (HttpOnly, SameSite=Strict, Path=/api/inbox)",
      ['site'],
      ['200', 'Opened; the inbox cookie is set', 'InboxOpened'],
      'InboxOpenRequest',
    ),
  },
  '/api/inbox': {
    get: op(
      "The mail to the inbox's account address that has arrived, in the order it arrived, from the service's mailbox (the store's, shared by every instance on it, with `serve --api`)",
      ['site'],
      ['200', 'The messages', 'Inbox'],
      undefined,
      { security: [{ inbox: [] }] },
    ),
  },
};

export const ROOM_CONTROL_PATHS = {
  '/control/room': {
    get: op(
      'The room: every account (at most 200), its stage, and its last refusals with the hidden reason and what to tell the participant',
      ['control'],
      ['200', 'The room', 'RoomView'],
      undefined,
      {
        ...control,
        parameters: [{ name: 'lang', in: 'query', required: false, schema: { enum: ['hu', 'en'] } }],
      },
    ),
  },
  '/control/trainer-link': {
    post: op('A new one-time trainer link', ['control'], ['201', 'The link', 'TrainerLink'], undefined, control),
  },
  '/control/session': {
    post: {
      ...op(
        'Exchange a one-time trainer link for a control session cookie (HttpOnly, SameSite=Strict, Path=/control); the link is spent',
        ['control'],
        ['200', 'The cookie is set', 'TrainerSession'],
        'TrainerSessionRequest',
      ),
      security: [],
    },
    get: {
      ...op('Whether this browser holds a control session', ['control'], ['200', 'The answer', 'TrainerSession']),
      security: [],
    },
    delete: {
      ...op('End the control session', ['control'], ['204', 'Ended; the cookie is cleared', '']),
      security: [],
    },
  },
};

export const ROOM_SECURITY_SCHEMES = {
  inbox: { type: 'apiKey', in: 'cookie', name: 'totp_lab_inbox' },
};

export const CONTROL_SESSION_SCHEME = {
  controlSession: { type: 'apiKey', in: 'cookie', name: 'totp_lab_control' },
};
