/**
 * "Kezdje itt": the numbered steps of a first setup, the one to do now marked, and its button on
 * the page highlighted, worked out from what the site, the phone and the service show.
 */
import type { DemoApp } from './app.js';
import { h } from './dom.js';
import type { TextKey } from './texts.js';

/** The steps in order; each names the text of the button it asks for. */
const STEPS: ReadonlyArray<{ say: TextKey; button: TextKey; scope: string }> = [
  { say: 'guide1', button: 'registerButton', scope: 'form.register' },
  { say: 'guide2', button: 'enrollButton', scope: 'form.login' },
  { say: 'guide3', button: 'scanSite', scope: 'section.phone' },
  { say: 'guide4', button: 'typeCode', scope: 'section.phone' },
  { say: 'guide5', button: 'saveDeletionCode', scope: '.card.enroll' },
  { say: 'guide6', button: 'finish', scope: '.card.enroll' },
  { say: 'guide7', button: 'loginButton', scope: 'form.login' },
];
/** Step 4 once the code is in the field: Tovább is next. */
const CONFIRM = { button: 'next', scope: 'form.enroll' } as const;

/** Renders the guide; `refresh()` works out the current step again. */
export function guidePanel(app: DemoApp, page: () => ParentNode): { el: HTMLElement; refresh(): Promise<void> } {
  const t = app.t;
  const items = STEPS.map((s) => h('li', {}, t(s.say)));
  const done = h('p', { class: 'guide-done', hidden: true }, t('guideDone'));
  const el = h(
    'section',
    { class: 'panel guide', 'aria-labelledby': 'guide-title' },
    h('h2', { id: 'guide-title' }, t('guideTitle')),
    h('ol', {}, ...items),
    done,
  );

  async function current(): Promise<number> {
    const site = app.site;
    const onPhone = app.phones.slice(0, app.phoneCount).some((p) => p.list().length > 0);
    if (site.enrollment) {
      if (site.enrollment.deletionCode !== null)
        return page().querySelector<HTMLInputElement>('#deletion-saved')?.checked ? 5 : 4;
      return onPhone ? 3 : 2;
    }
    if (site.signedIn) return STEPS.length;
    const status = await app.service.known(site.username).catch(() => null);
    if (!status?.exists) return 0;
    if (status.secondFactor === 'none') return 1;
    return 6;
  }

  return {
    el,
    async refresh() {
      const now = await current();
      items.forEach((li, i) => {
        li.className = i < now ? 'done' : i === now ? 'now' : '';
        if (i === now) li.setAttribute('aria-current', 'step');
        else li.removeAttribute('aria-current');
      });
      done.hidden = now < STEPS.length;
      for (const b of page().querySelectorAll('.next-action')) b.classList.remove('next-action');
      const typed = page().querySelector<HTMLInputElement>('form.enroll input[name="confirm-code"]')?.value;
      const step = now === 3 && typed ? CONFIRM : STEPS[now];
      if (!step) return;
      const button = [...page().querySelectorAll<HTMLButtonElement>(`${step.scope} button`)].find(
        (b) => b.textContent === t(step.button),
      );
      button?.classList.add('next-action');
    },
  };
}
