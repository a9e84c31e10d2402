/**
 * The control API's mailbox, behind the token (it holds codes): the service's mail with each code
 * mail's fields read out (code, session number, purpose, expiry), the newest mail to one address,
 * and emptying it. With `totp-lab serve --api` the mail is kept in the Store, so every instance on
 * it reads the mail any of them sent (see control-mailbox.ts). The delivery delay (the code that
 * comes late) is read and set here too; with the Store's mailbox it is kept in the Store, so every
 * instance delays its mail alike.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { readJsonObject } from './body.js';
import type { ControlMailbox } from './control-mailbox.js';
import { HttpError, json } from './http-error.js';
import type { Route, RouteContext } from './route.js';

// Addresses are short; a longer "to" is a mistake, not an address.
const MAX_ADDRESS = 320;

function mailboxOf(c: RouteContext): ControlMailbox {
  if (c.mailbox === null)
    throw new HttpError(
      409,
      'INVALID_STATE',
      'this service sends its mail through a mailer of its own (SMTP), so no mail is kept here',
    );
  return c.mailbox;
}

/** The `to` query parameter: absent (null) unless `required`, else an address of sane length. */
function addressOf(c: RouteContext, required: boolean): string | null {
  const to = c.url.searchParams.get('to');
  if (to === null && !required) return null;
  if (to === null || to === '' || to.length > MAX_ADDRESS)
    throw new InvalidArgumentError(`"to" must be an e-mail address, got ${describeValue(to ?? undefined)}`);
  return to;
}

export const MAILBOX_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/control/mailbox',
    async run(c) {
      const mailbox = mailboxOf(c);
      const to = addressOf(c, false);
      return json(200, { messages: await mailbox.messages(to ?? undefined) });
    },
  },
  {
    method: 'GET',
    path: '/control/mailbox/latest',
    async run(c) {
      const mailbox = mailboxOf(c);
      const to = addressOf(c, true)!;
      const message = await mailbox.latest(to);
      if (message === null) throw new HttpError(404, 'NO_MAIL', `no mail to ${describeValue(to)} is kept`);
      return json(200, message);
    },
  },
  {
    method: 'DELETE',
    path: '/control/mailbox',
    async run(c) {
      return json(200, { ok: true, removedMessages: await mailboxOf(c).clear() });
    },
  },
  {
    method: 'GET',
    path: '/control/mailbox/delay',
    run: async (c) => json(200, { delayMs: await mailboxOf(c).delayMs() }),
  },
  {
    method: 'PUT',
    path: '/control/mailbox/delay',
    async run(c) {
      const mailbox = mailboxOf(c);
      const body = await readJsonObject(c.request, ['delayMs']);
      return json(200, { delayMs: await mailbox.setDelayMs(body['delayMs'] as number) });
    },
  },
];
