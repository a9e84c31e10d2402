// `demo --no-qr`: a QR step without its picture says that the picture was left out, instead of a
// caption ending in a colon with nothing under it.
import { describe, expect, it } from 'vitest';
import { formatEvent } from '../../src/demo/terminal/format.js';
import { createStyle } from '../../src/demo/terminal/style.js';

const event = {
  type: 'qr',
  who: 'site',
  caption: 'The QR code on the screen:',
  text: 'otpauth://totp/x?secret=JBSWY3DP',
} as const;

describe('a QR step in the terminal', () => {
  it('without pictures says the picture was left out, with no dangling colon', () => {
    for (const language of ['en', 'hu'] as const) {
      const lines = formatEvent(event as never, {
        language,
        style: createStyle(false),
        showSecrets: false,
        drawQr: undefined,
      });
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toMatch(/:\s*$/);
      expect(lines[0]).toMatch(/--no-qr/);
    }
  });

  it('with pictures keeps the caption and draws the picture under it', () => {
    const lines = formatEvent(event as never, {
      language: 'en',
      style: createStyle(false),
      showSecrets: false,
      drawQr: () => '██\n██',
    });
    expect(lines).toEqual(['  [site] The QR code on the screen:', '  ██', '  ██']);
  });
});
