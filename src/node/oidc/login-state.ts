/**
 * Where one sign-in stands between its pages: kept in the Store under `oidc:login:<uid>`, keyed by
 * oidc-provider's interaction, which its signed cookie ties to one browser, so any instance can
 * serve the next page. After the right password the code step may be tried a few times for a few
 * minutes of simulated time, exactly as the API's login ticket allows; then it starts again.
 */
import { LOGIN_STATE_PREFIX } from '../../server/oidc-account-entries.js';
import { LOGIN_TICKET_TRIES, LOGIN_TICKET_TTL_MS } from '../../server/sessions.js';
import type { Language } from '../../sim/language.js';
import type { Store } from '../../sim/store.js';
import type { Notice } from './pages.js';

/** The stages of a sign-in: the password page, the code page, the forced password change. */
export type LoginStage = 'password' | 'code' | 'change';

export type LoginState = {
  stage: LoginStage;
  language: Language;
  /** Known once the password was right (or had expired, for the change). */
  username: string | null;
  factor: 'app' | 'email';
  /** Until when (simulated ms) the code step may be used. */
  codeUntil: number;
  triesLeft: number;
  /**
   * The account's token epoch when the code step opened (see server/account-tokens.ts): a password
   * change or a removed phone binding since then closes the step, as it ends the API's login tickets.
   */
  epoch?: number;
  /** Lines to show on the next page (a warning, a sent code's session number). */
  notices: Notice[];
  /** When the whole state goes (simulated ms), so a sweep can remove abandoned ones. */
  expiresAt: number;
};

/** How long an unfinished sign-in is kept (simulated): as long as oidc-provider's interaction. */
export const LOGIN_STATE_TTL_MS = 60 * 60_000;

const keyOf = (uid: string) => LOGIN_STATE_PREFIX + uid;

/** A fresh sign-in at the password page. */
export function newLoginState(language: Language, now: number): LoginState {
  return {
    stage: 'password',
    language,
    username: null,
    factor: 'app',
    codeUntil: 0,
    triesLeft: 0,
    notices: [],
    expiresAt: now + LOGIN_STATE_TTL_MS,
  };
}

/** The state after the right password: the code step is open, in the account's token `epoch`. */
export function codeStage(
  state: LoginState,
  username: string,
  factor: 'app' | 'email',
  now: number,
  epoch: number,
): LoginState {
  return {
    ...state,
    stage: 'code',
    username,
    factor,
    codeUntil: now + LOGIN_TICKET_TTL_MS,
    triesLeft: LOGIN_TICKET_TRIES,
    epoch,
  };
}

export async function readLoginState(store: Store, uid: string): Promise<LoginState | undefined> {
  return store.get<LoginState>(keyOf(uid));
}

export async function saveLoginState(store: Store, uid: string, state: LoginState): Promise<void> {
  await store.update<LoginState>(keyOf(uid), () => state);
}

export async function dropLoginState(store: Store, uid: string): Promise<void> {
  await store.update(keyOf(uid), () => undefined);
}

/**
 * Spends one try of the code step in one atomic update: the username when the step is open, or
 * null when it is not (expired, used up, or not reached), and then the state is back at the
 * password page.
 */
export async function spendCodeTry(store: Store, uid: string, now: number): Promise<string | null> {
  let username: string | null = null;
  await store.update<LoginState>(keyOf(uid), (state) => {
    if (state === undefined) return undefined;
    if (state.stage !== 'code' || state.username === null || now >= state.codeUntil || state.triesLeft <= 0)
      return { ...state, stage: 'password', triesLeft: 0 };
    username = state.username;
    return { ...state, triesLeft: state.triesLeft - 1 };
  });
  return username;
}
