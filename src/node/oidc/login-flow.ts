/**
 * The sign-in pages of the front: the simulated Ügyfélkapu+ login, step by step, through the
 * provider's own public flows (verifyPassword, then sendEmailCode / verifySecondFactor, and
 * changePassword for an expired password), so every refusal, throttle, lockout, activation delay,
 * fault and password-age rule is the provider's. A refusal is shown as the provider words it (the
 * one generic refusal for every reason a prober could use); the reason stays in the audit log.
 *
 * Routes, all under `/oidc/login/<uid>` (the interaction oidc-provider started; its signed cookie
 * ties the uid to one browser): GET shows the current step; POST `/password`, `/code`,
 * `/email-code`, `/password-change` and `/abort` take the forms.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { errors as OidcErrors } from 'oidc-provider';
import type { Clock } from '../../core/clock.js';
import { isTotpLabError } from '../../core/errors.js';
import { refusalStatus } from '../../server/route.js';
import type { Refusal } from '../../sim/context.js';
import { checkLanguage, isLanguage, type Language } from '../../sim/language.js';
import { formatMessage } from '../../sim/messages.js';
import type { Provider as Service } from '../../sim/provider.js';
import { readUsername } from '../../sim/provider/credentials.js';
import type { Store } from '../../sim/store.js';
import { finishSignIn, grantConsent } from './finish.js';
import {
  codeStage,
  dropLoginState,
  newLoginState,
  readLoginState,
  saveLoginState,
  spendCodeTry,
  type LoginState,
} from './login-state.js';
import { fieldOf, readForm, redirect, sendPage, type FormProblem } from './page-io.js';
import { PAGE_TEXTS, languageOf } from './page-texts.js';
import { codePage, errorPage, passwordChangePage, passwordPage, type LoginPageContext, type Notice } from './pages.js';
import { resultText, type SaidResult } from './result-text.js';
import { LOGIN_PATH } from './configuration.js';

/** What the pages work with. */
export interface LoginDeps {
  oidc: Provider;
  errors: typeof OidcErrors;
  service: Service;
  store: Store;
  clock: Clock;
  acr: string;
  language: Language;
}

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** One request to the pages. */
type Visit = {
  deps: LoginDeps;
  req: IncomingMessage;
  res: ServerResponse;
  uid: string;
  details: Interaction;
  state: LoginState;
  page: LoginPageContext;
  now: number;
};

const FORMS = new Set(['password', 'code', 'email-code', 'password-change', 'abort']);

/** Answers a request for `/oidc/login/<uid>[/<action>]`. */
export async function serveLogin(
  deps: LoginDeps,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  action: string,
  query: URLSearchParams,
): Promise<void> {
  const asked = query.get('lang');
  const fallback = isLanguage(asked) ? asked : deps.language;
  const method = req.method ?? 'GET';
  if (action === '' ? method !== 'GET' && method !== 'HEAD' : !FORMS.has(action) || method !== 'POST')
    return sendPage(
      res,
      action === '' || FORMS.has(action) ? 405 : 404,
      errorPage(fallback, 'invalid_request', undefined),
    );
  let details: Interaction;
  try {
    details = await deps.oidc.interactionDetails(req, res);
  } catch (error) {
    if (!(error instanceof deps.errors.OIDCProviderError)) throw error;
    return sendPage(res, error.statusCode, errorPage(fallback, error.error, error.error_description));
  }
  // The cookie names another sign-in than the address: an old tab or a copied link.
  if (details.uid !== uid) return sendPage(res, 400, errorPage(fallback, 'invalid_request', 'interaction mismatch'));
  const now = deps.clock.now();
  const stored = await readLoginState(deps.store, uid);
  const state = stored ?? newLoginState(languageOf(details.params['ui_locales'], deps.language), now);
  if (isLanguage(asked)) state.language = asked;
  const clientId = String(details.params['client_id']);
  const client = (await deps.oidc.Client.find(clientId))?.clientName ?? clientId;
  const page = { language: state.language, base: LOGIN_PATH + uid, client, notices: [] };
  const visit: Visit = { deps, req, res, uid, details, state, page, now };
  if (details.prompt.name === 'consent') return grantConsent(deps.oidc, req, res, details);
  if (action === '') return show(visit, 200);
  if (action === 'abort') return abort(visit);
  const form = await readForm(req);
  if (!(form instanceof URLSearchParams)) return formProblem(visit, form);
  if (action === 'password') return passwordStep(visit, form);
  if (action === 'code') return codeStep(visit, form);
  if (action === 'email-code') return emailCodeStep(visit);
  return passwordChangeStep(visit, form);
}

/** Renders the current stage with the notices kept for it (shown once) and `extra` ones. */
async function show(v: Visit, status: number, extra: Notice[] = []): Promise<void> {
  const s = v.state;
  if (s.stage === 'code' && (v.now >= s.codeUntil || s.triesLeft <= 0)) startOver(v);
  const page = { ...v.page, notices: [...extra, ...s.notices] };
  const hint = typeof v.details.params['login_hint'] === 'string' ? (v.details.params['login_hint'] as string) : '';
  const html =
    s.stage === 'code'
      ? codePage(page, s.factor)
      : s.stage === 'change'
        ? passwordChangePage(page)
        : passwordPage(page, s.username ?? hint.slice(0, 128));
  await saveLoginState(v.deps.store, v.uid, { ...s, notices: [] });
  sendPage(v.res, status, html);
}

/** Back to the password page, saying why. */
function startOver(v: Visit): void {
  v.state.stage = 'password';
  v.state.triesLeft = 0;
  v.state.notices.push({ role: 'alert', text: PAGE_TEXTS[v.state.language].startOver });
}

const alert = (v: Visit, result: SaidResult): Notice => ({ role: 'alert', text: say(v, result) });
const say = (v: Visit, result: SaidResult) =>
  resultText(result, v.state.language, v.deps.service.language, v.deps.clock.now());

/**
 * The provider's answer, or the generic refusal when it took the input as misuse (an empty field,
 * a name too long): a page visitor gets a refusal, never an error.
 */
async function ask<T>(v: Visit, call: () => Promise<T | Refusal>): Promise<T | Refusal> {
  try {
    return await call();
  } catch (error) {
    if (!isTotpLabError(error) || error.code !== 'INVALID_ARGUMENT') throw error;
    const language = checkLanguage(v.deps.service.language);
    return { ok: false, messageKey: 'login.refused', message: formatMessage(language, 'login.refused') };
  }
}

async function passwordStep(v: Visit, form: URLSearchParams): Promise<void> {
  const username = fieldOf(form, 'username');
  const result = await ask(v, () => v.deps.service.verifyPassword({ username, password: fieldOf(form, 'password') }));
  if (!result.ok) {
    if (result.messageKey === 'password.expired') {
      // Only the right password gets here: the name is the account's.
      v.state = { ...v.state, stage: 'change', username: readUsername(username) };
      return show(v, 200, [alert(v, result)]);
    }
    v.state = { ...v.state, stage: 'password', username: username.slice(0, 128) };
    return show(v, refusalStatus(result), [alert(v, result)]);
  }
  v.state = codeStage(v.state, result.username, result.secondFactor ?? 'app', v.now);
  if (result.passwordWarning !== undefined)
    v.state.notices.push({
      role: 'status',
      text: say(v, { ...result.passwordWarning, daysLeft: result.passwordWarning.daysLeft }),
    });
  await saveLoginState(v.deps.store, v.uid, v.state);
  redirect(v.res, v.page.base);
}

async function codeStep(v: Visit, form: URLSearchParams): Promise<void> {
  const username = await spendCodeTry(v.deps.store, v.uid, v.now);
  if (username === null) {
    startOver(v);
    return show(v, 401);
  }
  const code = fieldOf(form, 'code').trim();
  const result = await ask(v, () => v.deps.service.verifySecondFactor({ username, code }));
  if (result.ok) {
    await dropLoginState(v.deps.store, v.uid);
    return finishSignIn(v.deps, v.req, v.res, v.details, username);
  }
  v.state = (await readLoginState(v.deps.store, v.uid)) ?? v.state;
  const notices = [alert(v, result)];
  if (v.state.triesLeft <= 0) startOver(v);
  return show(v, refusalStatus(result), notices);
}

async function emailCodeStep(v: Visit): Promise<void> {
  const s = v.state;
  if (s.stage !== 'code' || s.username === null || v.now >= s.codeUntil) {
    startOver(v);
    return show(v, 401);
  }
  const username = s.username;
  const result = await ask(v, () => v.deps.service.sendEmailCode({ username }));
  if (result.ok) return show(v, 200, [{ role: 'status', text: say(v, result) }]);
  return show(v, result.messageKey === 'emailCode.notSent' ? 502 : refusalStatus(result), [alert(v, result)]);
}

async function passwordChangeStep(v: Visit, form: URLSearchParams): Promise<void> {
  const s = v.state;
  if (s.stage !== 'change' || s.username === null) return show(v, 409);
  const username = s.username;
  const input = { username, password: fieldOf(form, 'password'), newPassword: fieldOf(form, 'new_password') };
  const result = await ask(v, () => v.deps.service.changePassword(input));
  if (!result.ok) return show(v, refusalStatus(result), [alert(v, result)]);
  v.state = { ...s, stage: 'password' };
  v.state.notices.push(
    { role: 'status', text: say(v, result) },
    { role: 'status', text: PAGE_TEXTS[s.language].changedSignIn },
  );
  await saveLoginState(v.deps.store, v.uid, v.state);
  redirect(v.res, v.page.base);
}

/** "Mégse": back to the relying party with access_denied (RFC 6749 §4.1.2.1). */
async function abort(v: Visit): Promise<void> {
  await dropLoginState(v.deps.store, v.uid);
  await v.deps.oidc.interactionFinished(
    v.req,
    v.res,
    { error: 'access_denied', error_description: 'End-User aborted interaction' },
    { mergeWithLastSubmission: false },
  );
}

function formProblem(v: Visit, problem: FormProblem): void {
  const description =
    problem.status === 415 ? 'the form must be sent as application/x-www-form-urlencoded' : 'the form cannot be read';
  sendPage(v.res, problem.status, errorPage(v.state.language, 'invalid_request', description));
}
