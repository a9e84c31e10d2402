/**
 * Why an attempt was refused, in Hungarian: the hidden reason for the trainer, and what to tell the
 * participant. Times are the service's (Budapest) time; spans count from the time of reading.
 */
import type { AttemptCatalog } from './attempt-types.js';

const FAULTS = { maintenance: 'Karbantartás', outage: 'Üzemzavar', timeout: 'Időtúllépés' } as const;

export const ATTEMPT_TEXTS_HU: AttemptCatalog = {
  'wrong-password': (p) => {
    const locked = p.failures! >= p.maxFailures!;
    return [
      `Hibás jelszó: egymás után ${p.failures}.${locked ? ', ezzel a fiók zárolva' : ` (${p.maxFailures} után zárol)`}.`,
      locked
        ? 'A fiók zárolva: csak személyesen oldható fel (ügyfélszolgálaton, kormányablakban); a tréningen az oktató oldja fel.'
        : `Ellenőrizze a jelszót (Caps Lock, billentyűzetkiosztás, ékezetek); még ${p.maxFailures! - p.failures!} próbálkozása van a zárolásig.`,
    ];
  },
  locked: (p) => [
    `A fiók zárolva: ${p.maxFailures} hibás jelszó egymás után. Zárolt fióknál a jó jelszót sem fogadja el.`,
    'Csak személyesen oldható fel (ügyfélszolgálaton, kormányablakban); a tréningen az oktató oldja fel.',
  ],
  busy: () => [
    'Ugyanerre a fiókra több jelszó-ellenőrzés fut egyszerre; ez a kérés nem kapott helyet.',
    'Próbálja újra néhány másodperc múlva, egyetlen ablakból.',
  ],
  'already-enrolled': () => [
    'A fióknak már van telefonos kötése: újabb igénylés nem indítható.',
    'Új telefonhoz a „Beállítás másik eszközre” kell (belépés után), elveszett telefonnál a törlőkód.',
  ],
  'not-enrolled': () => [
    'A fióknak nincs Ügyfélkapu+ beállítása (vagy a törlőkód megszüntette).',
    'Előbb igényelje az Ügyfélkapu+-t: QR-kód, a telefon kódja, törlőkód mentése, Befejezés.',
  ],
  'activation-pending': (p, w) => {
    const left = p.activeFrom! - w.now;
    return [
      `A beállítás még nem volt aktív: a Befejezés után várni kell, ${w.at(p.activeFrom!)}-kor lép életbe.`,
      left > 0
        ? `Várjon még ${w.span(left, 'accusative')}, aztán írja be a telefon aktuális kódját.`
        : 'Azóta aktív: írja be újra a telefon aktuális kódját.',
    ];
  },
  throttled: (p, w) => {
    const left = p.retryAt! - w.now;
    return [
      `Túl sok hibás kód egymás után (${p.failures}): ${w.at(p.retryAt!)}-ig a szolgáltatás egy kódot sem bírál el.`,
      left > 0
        ? `Várjon még ${w.span(left, 'accusative')}, csak utána írjon be kódot.`
        : 'A várakozás letelt: írja be a telefon aktuális kódját.',
    ];
  },
  'wrong-code': (p) => [
    `A kód egyik közeli lépéshez sem illik (±20 lépés): elírás, egy másik fiók vagy szolgáltatás kódja, vagy egy lecserélt kulcsé.${p.failures ? ` Egymás után ${p.failures}. hibás kód.` : ''}`,
    'Nézze meg, hogy a telefonon az Ügyfélkapu+ bejegyzés kódját olvassa-e le; ha több ilyen bejegyzés van, a legújabb a jó.',
  ],
  'clock-off': (p) => {
    const steps = Math.abs(p.stepOffset!);
    const late = p.stepOffset! < 0;
    return [
      `A kód ${steps} lépéssel ${late ? 'korábbi' : 'későbbi'}, mint a szolgáltatás ideje (kb. ${steps * p.period!} mp); a szolgáltatás csak ±${p.window} lépést fogad el.`,
      `A telefon órája ${steps} lépéssel ${late ? 'késik' : 'siet'}: állítsa a dátumot és az időt automatikusra (hálózati idő), aztán írja be az új kódot.`,
    ];
  },
  'replayed-code': (p, w) => {
    const left = p.nextCodeAt! - w.now;
    return [
      'Ezt a kódot már elfogadták egyszer: egy kód csak egyszer használható (RFC 6238 §5.2).',
      left > 0
        ? `Várja meg a következő kódot (még ${w.span(left)}), és azt írja be.`
        : 'Írja be a telefon aktuális kódját.',
    ];
  },
  'pending-key': () => [
    'Az új, még be nem fejezett beállítás (az új telefon) kódja: belépni a Befejezésig a régi kötéssel lehet.',
    'Fejezze be a beállítást (törlőkód mentése, pipa, Befejezés), vagy lépjen be a régi telefon kódjával.',
  ],
  'old-key': () => [
    'A lecserélendő, régi kötés kódja: a beállítás az új QR-kódból készült bejegyzés kódját várja.',
    'Az új QR-kódot beolvasó telefon új bejegyzésének kódját írja be.',
  ],
  'wrong-deletion-code': (p) => [
    `Hibás törlőkód (vagy hibás jelszó) a törlőkódos oldalon${p.failures ? `: egymás után ${p.failures}.` : '.'}`,
    'Ellenőrizze a mentett törlőkódot: csak a legutóbbi beállításé érvényes, és mindegyik csak egyszer használható.',
  ],
  'acknowledgement-missing': () => [
    'A „Törlőkód mentéséről gondoskodtam” nincs bepipálva.',
    'Mentse el a törlőkódot, pipálja be a négyzetet, majd nyomja meg a Befejezés gombot.',
  ],
  'email-code-wrong': () => [
    'Az e-mailes kód nem egyezik a legutóbb küldöttel: elírás, vagy egy másik levél kódja.',
    'Abból a levélből írja be a kódot, amelynek munkamenet-azonosítója megegyezik a képernyőn látottal.',
  ],
  'email-code-expired': (p, w) => [
    `Lejárt e-mailes kód${p.expiresAt === undefined ? '' : `: ${w.at(p.expiresAt)}-kor járt le`}.`,
    'Kérjen új kódot, és azt írja be, amíg érvényes.',
  ],
  'email-code-used': () => ['Ezt az e-mailes kódot már felhasználták.', 'Kérjen új kódot.'],
  'email-code-superseded': () => [
    'Régi e-mailes kód: azóta újat küldtek, és csak a legújabb érvényes.',
    'A legutóbbi levél kódját írja be (a munkamenet-azonosító alapján ismeri fel).',
  ],
  'email-code-missing': () => [
    'Nem ment ki e-mailes kód, vagy a legutóbbit már felhasználták.',
    'Kérjen kódot a „Kód küldése” gombbal.',
  ],
  'wrong-factor': (p) => [
    `A fiók második faktora ${p.factor === 'email' ? 'az e-mailes kód' : p.factor === 'app' ? 'a mobilalkalmazás' : 'még nincs beállítva'}, ez a lépés a másikat várja.`,
    p.factor === 'email'
      ? 'Kérjen kódot e-mailben, és azt írja be.'
      : 'A mobilalkalmazás kódját írja be, vagy előbb válassza az e-mailes kódot.',
  ],
  'resend-too-soon': (p, w) => {
    const left = p.retryAt! - w.now;
    return [
      'Túl hamar kért új kódot e-mailben.',
      left > 0
        ? `Várjon még ${w.span(left, 'accusative')}; addig a már elküldött kód érvényes, nézze meg a postafiókját.`
        : 'Most már kérhet új kódot.',
    ];
  },
  'too-many-sends': (p, w) => [
    'Egy órán belül túl sok kódot kért e-mailben.',
    `Új kód ${w.at(p.retryAt!)}-kor kérhető; addig a legutóbbi levél kódját használja.`,
  ],
  'mail-failed': () => [
    'A levelet nem sikerült elküldeni (a levelezőszerver elutasította).',
    'Próbálja újra később; ha ez ismétlődik, a levelezés beállítása hibás.',
  ],
  'password-expired': (p, w) => [
    `Jó, de lejárt jelszó: ${w.at(p.expiredAt!)}-kor járt le.${p.lockAt === null || p.lockAt === undefined ? '' : ` Ha nem cseréli le, ${w.at(p.lockAt)}-kor a fiók zárolódik.`}`,
    'Cserélje le a jelszót (a régi és egy új jelszó megadásával); utána a szokott módon léphet be.',
  ],
  'password-expired-locked': (p, w) => [
    `A fiók zárolva: a jelszó ${w.at(p.expiredAt!)}-kor lejárt, és azóta sem cserélték le.`,
    'Csak személyesen oldható fel (ügyfélszolgálaton, kormányablakban), utána jelszót kell cserélni; a tréningen az oktató oldja fel.',
  ],
  'password-reused': () => ['Az új jelszó ugyanaz, mint a régi.', 'Válasszon a régitől eltérő új jelszót.'],
  fault: (p, w) => [
    `${FAULTS[p.fault!]}${p.until ? ` ${w.at(p.until)}-ig` : ''}: a szolgáltatás semmit nem bírált el (${p.operation}).`,
    p.until && p.until > w.now
      ? `Nem a felhasználón múlik: próbálja újra ${w.at(p.until)} után.`
      : 'Nem a felhasználón múlik: próbálja újra később.',
  ],
  unlocked: () => [
    'A fiókot feloldották (személyes feloldás).',
    'Újra beléphet; ha a jelszó lejárt, előbb le kell cserélnie.',
  ],
};
