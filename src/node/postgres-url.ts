/**
 * A PostgreSQL connection URL in messages, with no part of its password. A password may hold "@"
 * (the driver, like URL parsers, takes the user name and password up to the last "@"), ":" and,
 * unencoded, "/" or "?", so the part hidden is everything between "//" and the last "@".
 */

/** `url` as messages show it: the user name, "…" for the password, the host and database, no query. */
export function describePostgresUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  const at = rest.lastIndexOf('@');
  if (at < 0) return scheme + cutQuery(rest);
  const user = rest.slice(0, at).split(':')[0]!;
  const place = cutQuery(rest.slice(at + 1));
  // An "@" inside the query would leave part of the query here: show nothing of it then.
  if (/[=&]/.test(place)) return `${scheme}…`;
  return `${scheme}${cutUser(user)}:…@${place}`;
}

/** `message` with every part of the URL's password that it might quote replaced by "…". */
export function withoutPassword(message: string, url: string): string {
  let out = message;
  for (const part of passwordParts(url)) out = out.split(part).join('…');
  return out;
}

/** The password as written, as decoded, and its pieces between "@", ":" and "/" (4 characters or more). */
function passwordParts(url: string): string[] {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const at = rest.lastIndexOf('@');
  const colon = rest.indexOf(':');
  if (at < 0 || colon < 0 || colon > at) return [];
  const password = rest.slice(colon + 1, at);
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // Not valid percent-encoding: the password as written is all there is.
  }
  const pieces = [password, decoded].flatMap((p) => p.split(/[@:/]/)).filter((p) => p.length >= 4);
  // Longest first, so a piece inside a longer part does not break that part's replacement.
  return [...new Set([password, decoded, ...pieces])].filter((p) => p !== '').sort((a, b) => b.length - a.length);
}

function cutQuery(text: string): string {
  return text.split(/[?#]/)[0]!;
}

function cutUser(user: string): string {
  return user.length > 64 ? `${user.slice(0, 64)}…` : user;
}
