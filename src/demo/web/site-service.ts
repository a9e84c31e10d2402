/**
 * What the site panel asks of the service. In the page's own mode that is the simulated provider
 * in the page; in room mode (room.ts) the same calls go to `totp-lab serve --api` over fetch, and
 * the answers are the provider's own results, as the HTTP API sends them.
 */
import { MESSAGES, formatMessage, type Language, type MessageKey, type Provider } from '../../index.js';

/** The little the guide and the settings page need to know about an account. */
export type KnownAccount = {
  exists: boolean;
  secondFactor: 'none' | 'pending-activation' | 'active';
  factor?: 'app' | 'email' | null;
  /** When the binding starts working (after the activation wait), when known. */
  activeFrom?: number | null;
};

/** The e-mail code and password age. */
export type EmailService = Pick<
  Provider,
  'verifyPassword' | 'sendEmailCode' | 'startEmailFactor' | 'confirmEmailFactor' | 'changePassword'
>;

export type SiteService = Pick<
  Provider,
  | 'register'
  | 'login'
  | 'startEnrollment'
  | 'confirmEnrollment'
  | 'finishEnrollment'
  | 'abandonEnrollment'
  | 'startDeviceChange'
  | 'redeemDeletionCode'
> & {
  /** Ends the session (in the page, there is nothing to end but the screen). */
  logout(): Promise<void>;
  /** What is known of `username`, or null when this page cannot tell. */
  known(username: string): Promise<KnownAccount | null>;
  /** The e-mail factor and password calls, or null when the service has none for the page. */
  email: EmailService | null;
};

/** The provider in the page as the site's service. */
export function pageService(provider: Provider): SiteService {
  return {
    register: (i) => provider.register(i),
    login: (i) => provider.login(i),
    startEnrollment: (i) => provider.startEnrollment(i),
    confirmEnrollment: (i) => provider.confirmEnrollment(i),
    finishEnrollment: (i) => provider.finishEnrollment(i),
    abandonEnrollment: (i) => provider.abandonEnrollment(i),
    startDeviceChange: (i) => provider.startDeviceChange(i),
    redeemDeletionCode: (i) => provider.redeemDeletionCode(i),
    logout: async () => undefined,
    known: (username) => provider.accountStatus(username),
    email: {
      verifyPassword: (i) => provider.verifyPassword(i),
      sendEmailCode: (i) => provider.sendEmailCode(i),
      startEmailFactor: (i) => provider.startEmailFactor(i),
      confirmEmailFactor: (i) => provider.confirmEmailFactor(i),
      changePassword: (i) => provider.changePassword(i),
    },
  };
}

/**
 * A provider result in `language`: a room's server answers in its own (`serve --language`), and
 * the result's `messageKey` names the same text in the page's language. Texts with parameters (a
 * time, a number of seconds) keep the server's wording, as the parameters are not sent.
 */
export function inLanguage<T>(result: T, language: Language): T {
  const key = (result as { messageKey?: unknown }).messageKey;
  if (typeof key !== 'string' || !Object.hasOwn(MESSAGES[language], key)) return result;
  const text = MESSAGES[language][key as MessageKey];
  return text.includes('{') ? result : { ...result, message: formatMessage(language, key as MessageKey) };
}

/** `service` with every answer in the page's language (`language()`, read at each answer). */
export function inPageLanguage(service: SiteService, language: () => Language): SiteService {
  const wrap =
    <A, R>(call: (input: A) => Promise<R>) =>
    async (input: A): Promise<R> =>
      inLanguage(await call(input), language());
  return {
    ...service,
    register: wrap(service.register),
    login: wrap(service.login),
    startEnrollment: wrap(service.startEnrollment),
    confirmEnrollment: wrap(service.confirmEnrollment),
    finishEnrollment: wrap(service.finishEnrollment),
    abandonEnrollment: wrap(service.abandonEnrollment),
    startDeviceChange: wrap(service.startDeviceChange),
    redeemDeletionCode: wrap(service.redeemDeletionCode),
    email: service.email && {
      verifyPassword: wrap(service.email.verifyPassword),
      sendEmailCode: wrap(service.email.sendEmailCode),
      startEmailFactor: wrap(service.email.startEmailFactor),
      confirmEmailFactor: wrap(service.email.confirmEmailFactor),
      changePassword: wrap(service.email.changePassword),
    },
  };
}
