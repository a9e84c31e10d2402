/** The JSON Schemas of the e-mail second factor and the password change. */
import { type Schema, str, ms, obj, okOf } from './openapi-schema-parts.js';

const sessionNumber: Schema = {
  type: 'string',
  pattern: '^[0-9]{3}$',
  description: 'the 3-digit session number the page shows and the mail repeats',
};

/** The second factor an account uses: the authenticator app, e-mail, or none yet. */
export const SECOND_FACTOR: Schema = { enum: ['app', 'email', null] };

/** The warning a right password gets shortly before it expires. */
export const PASSWORD_WARNING: Schema = obj({
  messageKey: { const: 'password.expiring' },
  message: str(),
  expiresAt: ms('when the password expires (simulated time)'),
  daysLeft: { type: 'integer', minimum: 0 },
});

/** The fields the account status gained with the e-mail factor and password age. */
export const ACCOUNT_STATUS_EMAIL_FIELDS: Record<string, Schema> = {
  factor: SECOND_FACTOR,
  password: { enum: ['ok', 'warning', 'expired', 'expired-locked'] },
  passwordExpiresAt: { type: ['number', 'null'] },
  emailCodeExpiresAt: { type: ['number', 'null'] },
};

export const EMAIL_REQUEST_SCHEMAS: Record<string, Schema> = {
  EmailCodeRequest: obj({ loginTicket: str('from POST /api/login') }),
  EmailFactorRequest: obj(
    {
      username: str(),
      password: str(),
      code: str("the app's current code, when a phone is bound"),
      deletionCode: str('or the törlőkód instead (it removes the phone binding)'),
    },
    ['username', 'password'],
  ),
  EmailFactorConfirmRequest: obj({ setupId: str('from POST /api/email-factor'), code: str('the mailed code') }),
  PasswordChangeRequest: obj(
    {
      username: str(),
      password: str('the current password'),
      newPassword: str(),
      code: str(
        'the current code of the second factor (app, or a mailed one); not needed in a session of this account, for an expired password, or without a second factor',
      ),
    },
    ['username', 'password', 'newPassword'],
  ),
};

export const EMAIL_RESPONSE_SCHEMAS: Record<string, Schema> = {
  PasswordWarning: PASSWORD_WARNING,
  EmailCodeSent: okOf('emailCode.sent', { sessionNumber, expiresAt: ms('when the code expires (simulated time)') }),
  EmailFactorStarted: okOf('emailFactor.started', {
    setupId: str('send it with the mailed code to POST /api/email-factor/confirm'),
    sessionNumber,
    expiresAt: ms('when the code expires (simulated time)'),
  }),
  EmailFactorConfirmed: okOf('emailFactor.confirmed', { username: str() }),
  PasswordChanged: okOf('password.changed', {
    username: str(),
    passwordExpiresAt: { type: ['number', 'null'], description: 'when the new password expires (simulated time)' },
  }),
};
