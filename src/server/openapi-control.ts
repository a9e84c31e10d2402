/** The OpenAPI paths of the control API's accounts (stated state, codes, replay guard) and mailbox. */
import { answer, control, op, type Operation } from './openapi-operation.js';

const username = { name: 'username', in: 'path', required: true, schema: { type: 'string' } };
const UNKNOWN_ACCOUNT = { '404': answer('There is no such account (UNKNOWN_ACCOUNT)', 'Error') };
const withControl = (extra: Operation = {}): Operation => ({ ...control, ...extra });

/** `operation` with more documented answers. */
function also(operation: Operation, more: Record<string, unknown>): Operation {
  return { ...operation, responses: { ...(operation['responses'] as object), ...more } };
}

export const ACCOUNT_CONTROL_PATHS = {
  '/control/accounts': {
    post: op(
      'Create or replace an account in a stated state (password, secret, törlőkód, factor, activation, password age, lock); the same body twice gives the same account',
      ['control'],
      [
        '201',
        'The account as GET /control/accounts/{username} shows it, with its secret, key URI and törlőkód',
        'SeededAccount',
      ],
      'SeedAccountRequest',
      control,
    ),
  },
  '/control/accounts/{username}': {
    get: op(
      'What a trainer may see about an account',
      ['control'],
      ['200', 'The status', 'AccountStatus'],
      undefined,
      withControl({ parameters: [username] }),
    ),
    delete: also(
      op(
        'Remove an account with its login tickets, sessions, OpenID Connect sign-ins and the mail to its address',
        ['control'],
        ['200', 'Removed', 'AccountRemoved'],
        undefined,
        withControl({ parameters: [username] }),
      ),
      UNKNOWN_ACCOUNT,
    ),
  },
  '/control/accounts/{username}/code': {
    get: also(
      op(
        "The app code on the service's clock with at least minRemaining seconds left in its step, else the next step's code (valid from validFrom)",
        ['control'],
        ['200', 'The code', 'AccountCode'],
        undefined,
        withControl({
          parameters: [
            username,
            {
              name: 'minRemaining',
              in: 'query',
              required: false,
              description: 'whole seconds, 0 (the default) to the period less one',
              schema: { type: 'string', pattern: '^[0-9]+$' },
            },
          ],
        }),
      ),
      { ...UNKNOWN_ACCOUNT, '409': answer('The account has no app binding (INVALID_STATE)', 'Error') },
    ),
  },
  '/control/accounts/{username}/last-step': {
    get: also(
      op(
        "The replay guard: the last accepted step of the account's app binding",
        ['control'],
        ['200', 'The guard', 'LastStep'],
        undefined,
        withControl({ parameters: [username] }),
      ),
      UNKNOWN_ACCOUNT,
    ),
    delete: also(
      op(
        'Forget the last accepted step, so a code of that step is accepted once more',
        ['control'],
        ['200', 'The guard, forgotten', 'LastStep'],
        undefined,
        withControl({ parameters: [username] }),
      ),
      UNKNOWN_ACCOUNT,
    ),
  },
};

const NO_MAILBOX = { '409': answer('Mail goes to an SMTP server, so none is kept (INVALID_STATE)', 'Error') };

export const MAILBOX_CONTROL_PATHS = {
  '/control/mailbox': {
    get: also(
      op(
        "The service's mail that has arrived, in the order it arrived, each code mail's fields read out; kept in the store and shared by every instance with serve --api (it holds codes, so it is behind the token)",
        ['control'],
        ['200', 'The messages', 'Mailbox'],
        undefined,
        withControl({
          parameters: [
            {
              name: 'to',
              in: 'query',
              required: false,
              description: 'only the mail to this address',
              schema: { type: 'string', maxLength: 320 },
            },
          ],
        }),
      ),
      NO_MAILBOX,
    ),
    delete: also(
      op('Empty the mailbox', ['control'], ['200', 'Emptied', 'MailboxCleared'], undefined, control),
      NO_MAILBOX,
    ),
  },
  '/control/mailbox/latest': {
    get: also(
      op(
        'The mail to an address that arrived last, with its code, session number, purpose and expiry',
        ['control'],
        ['200', 'The newest message', 'KeptMail'],
        undefined,
        withControl({
          parameters: [
            { name: 'to', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 320 } },
          ],
        }),
      ),
      { ...NO_MAILBOX, '404': answer('No mail to that address has arrived (NO_MAIL)', 'Error') },
    ),
  },
  '/control/mailbox/delay': {
    get: also(
      op(
        "The delivery delay: how long mail sent from now on takes to arrive, on the service's clock",
        ['control'],
        ['200', 'The delay', 'MailDelay'],
        undefined,
        control,
      ),
      NO_MAILBOX,
    ),
    put: also(
      op(
        'Set the delivery delay of mail sent from now on (kept in the store: every instance on it delays alike); mail already sent keeps its own arrival, and a code still expires counted from when it was sent',
        ['control'],
        ['200', 'The delay now', 'MailDelay'],
        'MailDelayRequest',
        control,
      ),
      NO_MAILBOX,
    ),
  },
};
