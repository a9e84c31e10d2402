/**
 * The site's service in a room: every call goes to `totp-lab serve --api` over fetch, and the
 * answers are the provider's own results, as the HTTP API sends them. The participant's inbox is
 * opened with their password (after registering, choosing e-mail codes or asking for one), so the
 * page can show their own mail, and only theirs.
 */
import type { KnownAccount, SiteService } from './site-service.js';
import { roomCall, type Json } from './room.js';

type Answer<K extends keyof SiteService> = SiteService[K] extends (...a: never[]) => Promise<infer R> ? R : never;

/** The service over HTTP; `inboxOpened` is called once the participant's inbox is open. */
export function roomService(trainer: boolean, inboxOpened: () => void): SiteService {
  // What this browser has seen of accounts (a participant may not ask the control API).
  const seen = new Map<string, KnownAccount>();
  const note = (username: string, account: KnownAccount) => void seen.set(username.trim(), account);
  const post = (path: string, body: unknown): Promise<never> => roomCall('POST', path, body) as Promise<never>;
  // Which account each setup is for, so a finished one can be noted.
  const setups = new Map<string, string>();
  // The login ticket of each account's last right password, for "Kód küldése e-mailben".
  const tickets = new Map<string, string>();
  const started = async (answer: Promise<Json>): Promise<never> => {
    const result = await answer;
    if (typeof result['enrollmentId'] === 'string' && typeof result['account'] === 'string')
      setups.set(result['enrollmentId'], result['account']);
    return result as never;
  };
  const openInbox = (username: string, password: string) =>
    roomCall('POST', 'api/inbox/open', { username, password }).then(inboxOpened, () => undefined);
  return {
    async register(i) {
      const result = (await post('api/register', i)) as Answer<'register'>;
      if (result.ok || result.messageKey === 'register.taken') note(i.username, { exists: true, secondFactor: 'none' });
      if (result.ok) await openInbox(i.username, i.password);
      return result;
    },
    async login(i) {
      const first = await roomCall('POST', 'api/login', { username: i.username, password: i.password });
      if (first['ok'] !== true) return first as never;
      return post('api/login/code', { loginTicket: first['loginTicket'], code: i.code });
    },
    startEnrollment: (i) => started(post('api/enrollment', i)),
    confirmEnrollment: (i) => post('api/enrollment/confirm', i),
    async finishEnrollment(i) {
      const result = (await post('api/enrollment/finish', i)) as Json;
      const account = setups.get(i.enrollmentId);
      if (result['ok'] === true && account !== undefined) {
        const activeFrom = typeof result['activeFrom'] === 'number' ? result['activeFrom'] : undefined;
        note(account, { exists: true, secondFactor: 'active', ...(activeFrom !== undefined && { activeFrom }) });
      }
      return result as never;
    },
    abandonEnrollment: (i) => post('api/enrollment/abandon', i),
    startDeviceChange: (i) => started(post('api/device-change', i)),
    redeemDeletionCode: (i) => post('api/deletion-code', i),
    async logout() {
      await roomCall('POST', 'api/logout', {});
    },
    async known(username) {
      // The trainer may ask the service; a participant knows what this browser has seen.
      if (!trainer) return seen.get(username.trim()) ?? null;
      return (await roomCall('GET', `control/accounts/${encodeURIComponent(username.trim())}`)) as never;
    },
    email: {
      async verifyPassword(i) {
        const result = await roomCall('POST', 'api/login', i);
        if (result['ok'] !== true) return result as never;
        tickets.set(i.username.trim(), String(result['loginTicket']));
        if (result['secondFactor'] === 'email') await openInbox(i.username, i.password);
        return { ...result, username: i.username.trim() } as never;
      },
      sendEmailCode: ({ username }) =>
        post('api/login/email-code', { loginTicket: tickets.get(username.trim()) ?? '' }),
      async startEmailFactor(i) {
        const result = (await post('api/email-factor', i)) as Answer<'register'>;
        if (result.ok) await openInbox(i.username, i.password);
        return result as never;
      },
      confirmEmailFactor: (i) => post('api/email-factor/confirm', i),
      changePassword: (i) => post('api/password', i),
    },
  };
}
