/**
 * Presentation mode, for a projector: large type, only the panels in use, the ruler beside the
 * phones. It belongs to the window (the address ends in #present), not to the saved state, so a
 * laptop and a projector window of the same demo can differ.
 */

/** The address fragment that turns presentation mode on. */
export const PRESENT_FRAGMENT = '#present';

/** True when this window is in presentation mode. */
export function presenting(): boolean {
  return (globalThis.location?.href ?? '').endsWith(PRESENT_FRAGMENT);
}

/** Marks the document for the presentation styles; call after every change of the address. */
export function applyPresentMode(): void {
  document.documentElement.classList.toggle('present', presenting());
}

/** Turns presentation mode on or off in this window. */
export function togglePresentMode(): void {
  if (presenting()) history.replaceState(null, '', `${location.pathname}${location.search}`);
  else history.replaceState(null, '', PRESENT_FRAGMENT);
  applyPresentMode();
}
