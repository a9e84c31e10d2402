/**
 * What the Belépés form's buttons do: log in, mail a login code, choose e-mail as the factor,
 * start the setup, start a device change.
 */
import type { SiteEnrollment } from './app.js';
import type { SiteKit } from './site-kit.js';

/** What the form holds when a button is pressed. */
export interface LoginValues {
  username: string;
  password: string;
  code: string;
}

/** The form's actions, each run one at a time with its answer on the status line. */
export function loginActions(kit: SiteKit, values: () => LoginValues) {
  const { app } = kit;
  const t = app.t;
  const act = (action: (v: LoginValues) => Promise<void>) => () => void kit.run(() => action(values()));
  return {
    login: act(async (v) => {
      const result = await kit.judged(v.username, v.code, false, () => app.service.login(v));
      kit.notePassword(v.username, result);
      if (!result.ok) return;
      app.site.signedIn = v.username.trim();
      const known = await app.service.known(v.username).catch(() => null);
      app.site.factor = known?.factor === 'email' ? 'email' : 'app';
    }),
    // The code page of an e-mail account: the password first, then a fresh code by mail.
    sendCode: act(async (v) => {
      const email = app.service.email!;
      const checked = await email.verifyPassword({ username: v.username, password: v.password });
      kit.notePassword(v.username, checked);
      if (!checked.ok) return kit.report(checked);
      if (checked.secondFactor !== 'email') return kit.status.show(t('notEmailAccount'), false);
      const sent = await email.sendEmailCode({ username: v.username });
      kit.report(sent);
      if (sent.ok) app.site.emailSession = { username: v.username.trim(), sessionNumber: sent.sessionNumber };
    }),
    chooseEmail: act(async (v) => {
      const started = await app.service.email!.startEmailFactor({
        username: v.username,
        password: v.password,
        ...(v.code.trim() !== '' && { code: v.code }),
      });
      kit.notePassword(v.username, started);
      kit.report(started);
      if (started.ok)
        app.site.emailSetup = {
          setupId: started.setupId,
          account: v.username.trim(),
          sessionNumber: started.sessionNumber,
        };
    }),
    enroll: act(async (v) => {
      const started = await app.service.startEnrollment({ username: v.username, password: v.password });
      kit.report(started);
      if (started.ok) app.site.enrollment = toSiteEnrollment(started);
    }),
    deviceChange: act((v) => startDeviceChange(kit, v)),
  };
}

/** "Beállítás másik eszközre": the password and the current phone's code start a new setup. */
export async function startDeviceChange(kit: SiteKit, v: LoginValues): Promise<void> {
  const started = await kit.judged(v.username, v.code, false, () => kit.app.service.startDeviceChange(v));
  if (started.ok && 'enrollmentId' in started) kit.app.site.enrollment = toSiteEnrollment(started);
}

/** A started setup as the site keeps it. */
export function toSiteEnrollment(started: {
  enrollmentId: string;
  kind: 'enrollment' | 'device-change';
  account: string;
  keyUri: string;
  secretText: string;
}): SiteEnrollment {
  return {
    id: started.enrollmentId,
    kind: started.kind,
    account: started.account,
    keyUri: started.keyUri,
    secretText: started.secretText,
    showSecret: false,
    deletionCode: null,
  };
}
