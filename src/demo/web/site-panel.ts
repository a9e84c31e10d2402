/**
 * The simulated Ügyfélkapu+ site: registration, login, the setup with its QR code, the törlőkód
 * and Befejezés, "Beállítás másik eszközre", the e-mail factor, the forced password change and the
 * lost-phone form with the törlőkód. The cards are in site-cards.ts, setup-card.ts,
 * email-cards.ts and site-pages.ts; what they share is in site-kit.ts.
 */
import { h } from 'preact';
import { useRef } from 'preact/hooks';
import type { DemoApp } from './app.js';
import { EmailSetupCard, PasswordChangeCard, PasswordWarningLine } from './email-cards.js';
import { SetupCard } from './setup-card.js';
import type { SiteBridge } from './site-bridge.js';
import { LoginCard, LostPhoneCard, RegisterCard } from './site-cards.js';
import { useSiteKit, type SiteKit } from './site-kit.js';
import { AddressBar, SettingsPage } from './site-pages.js';
import { StatusLine } from './ui.js';

/** The site panel; `changed` is called after anything that other panels show. */
export function SitePanel({ app, bridge, changed }: { app: DemoApp; bridge: SiteBridge; changed: () => void }) {
  const root = useRef<HTMLElement>(null);
  const kit = useSiteKit(app, bridge, changed, root);
  const site = app.site;
  const path = site.enrollment ? '/ugyfelkapu-plusz' : site.signedIn ? '/beallitasok' : '/belepes';
  return h(
    'section',
    { class: 'panel site', 'aria-labelledby': 'site-title', ref: root },
    h(AddressBar, { app, path }),
    h(StatusLine, { status: kit.status, detailsLabel: app.t('details') }),
    h(FaultBanner, { app }),
    kit.warning !== null ? h(PasswordWarningLine, { text: kit.warning }) : null,
    ...siteCards(kit),
  );
}

/** The card or cards the site shows now. */
function siteCards(kit: SiteKit) {
  const site = kit.app.site;
  if (site.enrollment) return [h(SetupCard, { kit, enrollment: site.enrollment, key: site.enrollment.id })];
  if (site.emailSetup) return [h(EmailSetupCard, { kit, setup: site.emailSetup })];
  if (site.passwordChange) return [h(PasswordChangeCard, { kit, username: site.passwordChange })];
  if (site.signedIn) return [h(SettingsPage, { kit, username: site.signedIn })];
  return [h(RegisterCard, { kit }), h(LoginCard, { kit }), h(LostPhoneCard, { kit })];
}

/** The room's fault, as the server said at the last clock read. */
function FaultBanner({ app }: { app: DemoApp }) {
  const fault = app.room?.fault ?? null;
  return h(
    'p',
    { class: 'fault-banner', role: 'alert', hidden: fault === null },
    fault === null ? '' : `${app.t('faultBanner')} ${app.t(fault)}`,
  );
}
