import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANGUAGE,
  DEFAULT_PHONE_LANGUAGE,
  LANGUAGES,
  checkLanguage,
  createAuthenticator,
  createProvider,
  isLanguage,
  manualClock,
  MESSAGES_HU,
  LOW_COST_HASHING_FOR_TESTS,
} from '../../src/index.js';
import { qrCamera } from '../../src/qr/index.js';
import { SCENARIOS, createDapService, startScenario } from '../../src/sim/scenarios/index.js';
import { cli } from '../support/cli.js';

describe('the one language module', () => {
  it('knows two languages, Hungarian first and the default of the service', () => {
    expect(LANGUAGES).toEqual(['hu', 'en']);
    expect(DEFAULT_LANGUAGE).toBe('hu');
    expect(DEFAULT_PHONE_LANGUAGE).toBe('en');
    expect(isLanguage('hu') && isLanguage('en')).toBe(true);
    expect(isLanguage('HU')).toBe(false);
    expect(checkLanguage('en')).toBe('en');
  });

  it('refuses anything else with one message everywhere', () => {
    const clock = manualClock(0);
    const expected = '"language" must be hu or en, got "de"';
    expect(() => checkLanguage('de')).toThrow(expected);
    expect(() => createProvider({ clock, language: 'de' as 'hu' })).toThrow(expected);
    expect(() => createAuthenticator({ clock, language: 'de' as 'hu' })).toThrow(expected);
    expect(() => createDapService({ language: 'de' as 'hu' })).toThrow(expected);
  });

  it('the provider and the DÁP stand-in speak the default language unless told', async () => {
    const provider = createProvider({ clock: manualClock(0), hashing: LOW_COST_HASHING_FOR_TESTS });
    expect(provider.language).toBe(DEFAULT_LANGUAGE);
    const refused = await provider.login({ username: 'nobody', password: 'x', code: '000000' });
    expect(refused).toMatchObject({ ok: false, message: MESSAGES_HU['login.refused'] });
  });
});

describe('scenario runs take "language", and the older "lang"', () => {
  const titleOf = async (options: object) =>
    (await startScenario(SCENARIOS[0]!, { camera: qrCamera, ...options }).next())[0];
  it('uses language, lang, or the default', async () => {
    expect(await titleOf({ language: 'en' })).toMatchObject({ title: SCENARIOS[0]!.title.en });
    expect(await titleOf({ lang: 'en' })).toMatchObject({ title: SCENARIOS[0]!.title.en });
    expect(await titleOf({})).toMatchObject({ title: SCENARIOS[0]!.title[DEFAULT_LANGUAGE] });
  });
  it('names the option that is wrong, and refuses the two disagreeing', () => {
    expect(() => startScenario(SCENARIOS[0]!, { camera: qrCamera, lang: 'x' as 'hu' })).toThrow(
      '"lang" must be hu or en',
    );
    expect(() => startScenario(SCENARIOS[0]!, { camera: qrCamera, language: 'x' as 'hu' })).toThrow(
      '"language" must be hu or en',
    );
    expect(() => startScenario(SCENARIOS[0]!, { camera: qrCamera, language: 'hu', lang: 'en' })).toThrow(/disagree/);
  });
});

describe('totp-lab demo --language', () => {
  it('is the same as the older --lang', async () => {
    const a = await cli('demo', '--list', '--language', 'hu');
    const b = await cli('demo', '--list', '--lang', 'hu');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain(SCENARIOS[0]!.title.hu);
  });
  it('refuses a wrong one with exit 2', async () => {
    const r = await cli('demo', '--list', '--language', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--language must be hu or en, got "de"/);
  });
});
