/**
 * What the site panel asks of the service. In the page's own mode that is the simulated provider
 * in the page; in room mode (room.ts) the same calls go to `totp-lab serve --api` over fetch, and
 * the answers are the provider's own results, as the HTTP API sends them.
 */
import type { Provider } from '../../index.js';

/** The little the guide needs to know about an account. */
export type KnownAccount = { exists: boolean; secondFactor: 'none' | 'pending-activation' | 'active' };

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
  };
}
