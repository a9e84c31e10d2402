/** The OpenAPI paths of the e-mail second factor and the password change. */
import { answer, op, type Operation } from './openapi-operation.js';

/** `operation` with more documented answers besides its own. */
export function withAnswers(operation: Operation, more: Record<string, unknown>): Operation {
  return { ...operation, responses: { ...(operation['responses'] as object), ...more } };
}

/** The answer of a right password that has expired: change it with POST /api/password. */
export const PASSWORD_EXPIRED = {
  '403': answer(
    'The password was right but has expired (a refusal with messageKey password.expired: change it with POST /api/password), or FORBIDDEN_ORIGIN',
    'Failure',
  ),
};
const MAIL_NOT_SENT = {
  '502': answer('The mail could not be sent (messageKey emailCode.notSent); try again later', 'Refusal'),
};

export const EMAIL_SITE_PATHS = {
  '/api/login/email-code': {
    post: withAnswers(
      op(
        'Login, page two for an e-mail account: send (or resend) the code → the 3-digit session number the mail repeats',
        ['site'],
        ['200', 'Sent; the code is valid until expiresAt', 'EmailCodeSent'],
        'EmailCodeRequest',
      ),
      MAIL_NOT_SENT,
    ),
  },
  '/api/email-factor': {
    post: withAnswers(
      op(
        'Choose e-mail as the second factor: the password, and the app code or the törlőkód when a phone is bound → a confirmation code by e-mail',
        ['email'],
        ['200', 'Started; confirm with the mailed code', 'EmailFactorStarted'],
        'EmailFactorRequest',
      ),
      { ...PASSWORD_EXPIRED, ...MAIL_NOT_SENT },
    ),
  },
  '/api/email-factor/confirm': {
    post: op(
      'The mailed confirmation code → e-mail is the second factor (an app binding stops working)',
      ['email'],
      ['200', 'E-mail is the factor', 'EmailFactorConfirmed'],
      'EmailFactorConfirmRequest',
    ),
  },
  '/api/password': {
    post: op(
      'Change the password (required once it has expired): the current one and a new one',
      ['site'],
      ['200', 'Changed', 'PasswordChanged'],
      'PasswordChangeRequest',
    ),
  },
};
