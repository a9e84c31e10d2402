/**
 * The one language module: the languages totp-lab speaks, the default, and the one check. Every
 * catalog (the provider's messages, the phone's, the DÁP stand-in's, scenario texts, the demos'
 * texts, the CLI's help) is keyed by {@link Language} and every option that picks a language is
 * checked by {@link checkLanguage}, under the one name `language`.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** A language totp-lab speaks: Hungarian (as Ügyfélkapu+ does) or English. */
export type Language = 'hu' | 'en';

/** Every language, the default first. */
export const LANGUAGES: readonly Language[] = Object.freeze(['hu', 'en']);

/**
 * The default language of everything that plays the service or a trainer's run (the provider, the
 * DÁP stand-in, `serve --api`, scenarios): Hungarian, as the real site speaks.
 */
export const DEFAULT_LANGUAGE: Language = 'hu';

/**
 * The default language of a virtual phone: English. A phone is the user's own device, whose app
 * speaks the device's language rather than the service's; phones made without a language have
 * always spoken English, and their results are public, so that default is kept.
 */
export const DEFAULT_PHONE_LANGUAGE: Language = 'en';

/** A text in every language (scenario texts, the demos' catalogs). */
export type Localized<T = string> = Readonly<Record<Language, T>>;

/** True for a language totp-lab speaks. */
export function isLanguage(value: unknown): value is Language {
  return value === 'hu' || value === 'en';
}

/**
 * The one check of a language option.
 * @param name the option's name in the message (`language`, or a deprecated alias the caller used)
 * @throws {InvalidArgumentError} `"language" must be hu or en, got …`
 */
export function checkLanguage(value: unknown, name = 'language'): Language {
  if (!isLanguage(value))
    throw new InvalidArgumentError(`"${name}" must be ${LANGUAGES.join(' or ')}, got ${describeValue(value)}`);
  return value;
}
