/**
 * What the phones and the inbox need of the site: the canvas with the setup QR code (a phone's
 * "camera" reads it) and the code field on screen ("Beírás az oldalra" types into it).
 */
import { groupCode } from './ui.js';

/** The site's QR canvas and code field, as the site panel last drew them. */
export interface SiteBridge {
  /** The canvas with the setup QR code, when one is shown. */
  qrCanvas: HTMLCanvasElement | null;
  /** The code field of the card on screen, when it has one. */
  codeInput: HTMLInputElement | null;
  /** Puts a code into the code field on screen. */
  typeCode(code: string): void;
}

/** An empty bridge; the site panel fills it as it draws. */
export function createSiteBridge(): SiteBridge {
  const bridge: SiteBridge = {
    qrCanvas: null,
    codeInput: null,
    typeCode(code) {
      const input = bridge.codeInput;
      if (!input) return;
      input.value = groupCode(code).replace(' ', '');
      input.focus();
    },
  };
  return bridge;
}

/** A ref callback that keeps the bridge's code field up to date. */
export const codeFieldOf =
  (bridge: SiteBridge) =>
  (input: HTMLInputElement | null): void => {
    if (input !== null) bridge.codeInput = input;
    else if (bridge.codeInput !== null && !bridge.codeInput.isConnected) bridge.codeInput = null;
  };
