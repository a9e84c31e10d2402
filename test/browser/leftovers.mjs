// The check behind "Hungarian throughout, English throughout": words of the other language in a
// page's visible text, less the names and terms either language keeps on purpose.

/** Names and technical tokens either language may show as they are. */
const ALLOWED = /totp-lab|localStorage|otpauth(-migration)?:\/\/|base32|Ügyfélkapu\+|kovacs\.janos\S*|English|Magyar/g;
/** English words that have no place in the Hungarian page (none of them is also a Hungarian word). */
const ENGLISH =
  /\b(the|and|or|phone|phones|account|accounts|code|codes|step|steps|seconds?|must|got|error|found|invalid|requested|device|password|username|login|added|scenario|passed|failed|time|note|user|old|new|characters|empty|printable|picture|image|camera|webcam|key|not|with|from|your|you)\b|\d s\b/gi;
/** Hungarian words and letters that have no place in the English page. */
const HUNGARIAN =
  /\S*[áéíóöőúüűÁÉÍÓÖŐÚÜŰ]\S*|(?<!\p{L})(az|nem|egy|és|mp|perc|telefon|fiók|kulcs|oldal|lépés|hiba|sikeres|kód)(?!\p{L})/giu;
/** Hungarian names the English page keeps on purpose: the real site's terms, quoted labels, people. */
const HU_TERMS =
  /(?<!\p{L})(törlőkód|Befejezés|Ügyfélkapu\+?|DÁP|Digitális Állampolgár|Kovács János|János Kovács)(?!\p{L})|[“"„][^”"]*[”"]/gu;

/** Words of the other language in `text` (shown in `lang`). */
export function leftovers(text, lang) {
  const clean = text.replace(ALLOWED, ' ');
  if (lang === 'hu') return [...clean.matchAll(ENGLISH)].map((m) => m[0]);
  return [...clean.replace(HU_TERMS, ' ').matchAll(HUNGARIAN)].map((m) => m[0]);
}
