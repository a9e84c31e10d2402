import { registerStep } from './flows.js';
import { chooseEmailSteps, emailPasswordStep, readInbox, sendCodeStep, typeEmailCodeStep } from './email-flows.js';
import type { Scenario } from './types.js';

export const emailCodeLate: Scenario = {
  id: 'email-code-late',
  title: { hu: 'Késve érkező e-mailes kód', en: 'An e-mail code that arrives late' },
  summary: {
    hu: 'Az e-mailes kód 10 percig érvényes. Ha a levél későn ér célba, a benne lévő kód már nem működik: új kódot kell kérni.',
    en: 'An e-mail code is valid for 10 minutes. When the mail arrives late, its code no longer works: ask for a new one.',
  },
  steps: [
    registerStep,
    ...chooseEmailSteps(),
    emailPasswordStep,
    {
      ...sendCodeStep(false, {
        hu: 'Az oldal e-mailben kódot küld, de a levelezőrendszer ma lassú: a levél 11 percig úton van.',
        en: 'The site e-mails a code, but the mail system is slow today: the mail takes 11 minutes.',
      }),
      async act(ctx) {
        const mailbox = ctx.provider.mailbox;
        if (!mailbox) return { passed: false, detail: 'no inbox' };
        mailbox.delayMs = 11 * 60_000;
        const sent = await sendCodeStep(false).act(ctx);
        mailbox.delayMs = 0;
        return sent;
      },
    },
    {
      say: { hu: 'A felhasználó vár, és figyeli a postafiókját.', en: 'The user waits and watches the inbox.' },
      expect: {
        hu: 'Tizenegy perc múlva megérkezik a levél, a munkamenet-azonosító egyezik.',
        en: 'Eleven minutes later the mail arrives; the session number matches.',
      },
      async act(ctx) {
        ctx.wait(11 * 60_000);
        const mail = readInbox(ctx, ctx.memo.get('inboxBefore') as number);
        if (mail) ctx.memo.set('mailCode', mail.code);
        if (mail) ctx.memo.set('lateCode', mail.code);
        return mail !== null && mail.sessionNumber === ctx.memo.get('sessionNumber');
      },
    },
    typeEmailCodeStep(false, {
      expect: {
        hu: 'Az oldal elutasítja: „A megadott hitelesítő kód helytelen!” – a kód 10 perc után lejárt.',
        en: 'Refused: "A megadott hitelesítő kód helytelen!" (the code is incorrect): it expired after 10 minutes.',
      },
    }),
    sendCodeStep(true, {
      hu: 'Új kódot kér; ez a levél azonnal megérkezik.',
      en: 'The user asks for a new code; this mail arrives at once.',
    }),
    {
      ...typeEmailCodeStep(false, {
        say: {
          hu: 'Tévedésből mégis a késve érkezett levél kódját írja be.',
          en: 'By mistake the user types the code from the late mail instead.',
        },
        expect: {
          hu: 'Az oldal elutasítja: mindig csak a legutóbb küldött kód érvényes.',
          en: 'Refused: only the code sent last is valid.',
        },
      }),
      async act(ctx) {
        const newest = ctx.memo.get('mailCode');
        ctx.memo.set('mailCode', ctx.memo.get('lateCode'));
        const outcome = await typeEmailCodeStep(false, { expect: { hu: '', en: '' } }).act(ctx);
        ctx.memo.set('mailCode', newest);
        return outcome;
      },
    },
    typeEmailCodeStep(true, { expect: { hu: 'A belépés sikeres.', en: 'The login succeeds.' } }),
  ],
};
