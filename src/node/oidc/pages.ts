/**
 * The front's HTML pages, rendered on the server: plain forms that work without JavaScript (and
 * with curl, a screen reader or Python's standard library), with fields named `username`,
 * `password`, `code` and `new_password`. Every value is escaped; the pages load nothing from
 * elsewhere and carry a Content-Security-Policy that allows only their own style sheet.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../../sim/language.js';
import { PAGE_TEXTS, type PageTexts } from './page-texts.js';

/** A line above a form: a refusal (`alert`), or something the user should know (`status`). */
export type Notice = { role: 'alert' | 'status'; text: string };

const STYLE = `body{font-family:system-ui,sans-serif;background:#f3f5f8;color:#1b1f24;margin:0}
main{max-width:26rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:6px;box-shadow:0 1px 3px #0003}
h1{font-size:1.4rem;margin-top:0}label{display:block;margin:.9rem 0 .3rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #889;border-radius:4px}
button{margin-top:1rem;padding:.55rem 1.2rem;font-size:1rem;border:0;border-radius:4px;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#e4e8ee;color:#1b1f24}.sim{font-size:.85rem;color:#555}
p[role=alert]{background:#fde8e8;border-left:4px solid #c0262d;padding:.6rem}
p[role=status]{background:#e8f1fd;border-left:4px solid #0b5cad;padding:.6rem}
.row{display:flex;gap:.6rem;flex-wrap:wrap}nav{max-width:26rem;margin:0 auto;text-align:right}`;

/** The pages' Content-Security-Policy: their one inline style sheet, by hash, and nothing else. */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every page goes out with. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the forms' posts,
  // which the listener's Origin guard refuses.
  'Referrer-Policy': 'same-origin',
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A whole page: `body` is HTML already escaped; `switchTo` links to the page in the other language. */
export function renderPage(language: Language, title: string, body: string, switchTo?: string): string {
  const t = PAGE_TEXTS[language];
  const nav =
    switchTo === undefined
      ? ''
      : `<nav><a href="${escapeHtml(switchTo)}" lang="${language === 'hu' ? 'en' : 'hu'}">${t.otherLanguage}</a></nav>`;
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${nav}<main>
<h1>${escapeHtml(title)}</h1>
<p class="sim">${escapeHtml(t.simulated)}</p>
${body}
</main></body>
</html>
`;
}

const notices = (list: readonly Notice[]) =>
  list.map((n) => `<p role="${n.role}">${escapeHtml(n.text)}</p>`).join('\n');

const field = (name: string, label: string, attributes: string) =>
  `<label for="${name}">${escapeHtml(label)}</label><input id="${name}" name="${name}" ${attributes}>`;

const cancelForm = (t: PageTexts, action: string) =>
  `<form method="post" action="${escapeHtml(action)}"><button type="submit" class="secondary">${escapeHtml(t.cancel)}</button></form>`;

/** What every login page of one interaction needs. */
export type LoginPageContext = {
  language: Language;
  /** The base path of the interaction's pages (`/oidc/login/<uid>`). */
  base: string;
  /** The relying party's name (or client_id). */
  client: string;
  notices: readonly Notice[];
};

const switchLink = (v: LoginPageContext) => `${v.base}?lang=${v.language === 'hu' ? 'en' : 'hu'}`;

/** Page one: the username and password. */
export function passwordPage(v: LoginPageContext, username = ''): string {
  const t = PAGE_TEXTS[v.language];
  const body = `<p>${escapeHtml(t.signInTo.replace('{client}', v.client))}</p>
${notices(v.notices)}
<form method="post" action="${escapeHtml(v.base)}/password">
${field('username', t.username, `autocomplete="username" required value="${escapeHtml(username)}"`)}
${field('password', t.password, 'type="password" autocomplete="current-password" required')}
<button type="submit">${escapeHtml(t.signIn)}</button>
</form>
${cancelForm(t, `${v.base}/abort`)}`;
  return renderPage(v.language, t.title, body, switchLink(v));
}

/** Page two: the code from the app, or the e-mailed code with the button that asks for it. */
export function codePage(v: LoginPageContext, factor: 'app' | 'email'): string {
  const t = PAGE_TEXTS[v.language];
  const email = factor === 'email';
  const send = email
    ? `<form method="post" action="${escapeHtml(v.base)}/email-code"><p>${escapeHtml(t.emailCodeHint)}</p>
<button type="submit" name="send" value="email-code">${escapeHtml(t.sendEmailCode)}</button></form>`
    : '';
  const body = `${notices(v.notices)}
${send}
<form method="post" action="${escapeHtml(v.base)}/code">
${field('code', email ? t.emailCode : t.appCode, 'inputmode="numeric" autocomplete="one-time-code" required')}
<button type="submit">${escapeHtml(t.continue)}</button>
</form>
${cancelForm(t, `${v.base}/abort`)}`;
  return renderPage(v.language, t.step2, body, switchLink(v));
}

/** The password change that an expired password leads to. */
export function passwordChangePage(v: LoginPageContext): string {
  const t = PAGE_TEXTS[v.language];
  const body = `${notices(v.notices)}
<p>${escapeHtml(t.expiredIntro)}</p>
<form method="post" action="${escapeHtml(v.base)}/password-change">
${field('password', t.currentPassword, 'type="password" autocomplete="current-password" required')}
${field('new_password', t.newPassword, 'type="password" autocomplete="new-password" required')}
<button type="submit">${escapeHtml(t.changePassword)}</button>
</form>
${cancelForm(t, `${v.base}/abort`)}`;
  return renderPage(v.language, t.expiredTitle, body, switchLink(v));
}

/**
 * An error the specifications name (`invalid_request`, `invalid_client`, …) shown to the browser
 * when it cannot be sent back to the relying party (an unknown client, a redirect URI not
 * registered): the code and its fixed description, never a stack trace.
 */
export function errorPage(language: Language, error: string, description: string | undefined): string {
  const t = PAGE_TEXTS[language];
  const detail = description === undefined ? '' : `: ${escapeHtml(description.slice(0, 300))}`;
  const body = `<p>${escapeHtml(t.errorIntro)}</p>\n<p role="alert"><code>${escapeHtml(error.slice(0, 100))}</code>${detail}</p>`;
  return renderPage(language, t.errorTitle, body);
}

/** RP-initiated logout: the question, with oidc-provider's form (its action and xsrf field). */
export function logoutPage(language: Language, form: string): string {
  const t = PAGE_TEXTS[language];
  const body = `${form}
<p>${escapeHtml(t.logoutQuestion)}</p>
<div class="row"><button type="submit" form="op.logoutForm" name="logout" value="yes">${escapeHtml(t.logoutYes)}</button>
<button type="submit" form="op.logoutForm" class="secondary">${escapeHtml(t.logoutNo)}</button></div>`;
  return renderPage(language, t.logoutTitle, body);
}

/** After a logout without a post_logout_redirect_uri. */
export function loggedOutPage(language: Language): string {
  const t = PAGE_TEXTS[language];
  return renderPage(language, t.logoutTitle, `<p role="status">${escapeHtml(t.loggedOut)}</p>`);
}
