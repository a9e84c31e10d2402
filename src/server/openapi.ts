/**
 * The OpenAPI 3.1 document of the HTTP API, served at `/openapi.json`. Every answer the tests receive
 * is checked against it.
 */
import { EMAIL_SITE_PATHS, PASSWORD_EXPIRED, withAnswers } from './openapi-email.js';
import { ACCOUNT_CONTROL_PATHS, MAILBOX_CONTROL_PATHS } from './openapi-control.js';
import { CONTROL_REQUEST_SCHEMAS, controlResponseSchemas } from './openapi-control-schemas.js';
import { control, op } from './openapi-operation.js';
import { EMAIL_REQUEST_SCHEMAS, EMAIL_RESPONSE_SCHEMAS } from './openapi-email-schemas.js';
import { OIDC_CONTROL_PATHS, OIDC_SCHEMAS } from './openapi-oidc.js';
import { REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from './openapi-schemas.js';
import {
  CONTROL_SESSION_SCHEME,
  ROOM_CONTROL_PATHS,
  ROOM_SCHEMAS,
  ROOM_SECURITY_SCHEMES,
  ROOM_SITE_PATHS,
} from './openapi-room.js';

/** The document; without the control API when it is switched off. */
export function openApiDocument(options: { control: boolean } = { control: true }): Record<string, unknown> {
  const site = {
    '/api/register': {
      post: op('Register an account', ['site'], ['201', 'Registered', 'Registered'], 'RegisterRequest'),
    },
    '/api/login': {
      post: withAnswers(
        op(
          'Login, page one: the password → a short-lived login ticket, and which second factor comes next',
          ['site'],
          ['200', 'The password was right', 'LoginTicket'],
          'PasswordRequest',
        ),
        PASSWORD_EXPIRED,
      ),
    },
    '/api/login/code': {
      post: op(
        'Login, page two: the ticket and the code (from the app, or the mailed one for an e-mail account) → a session cookie',
        ['site'],
        ['200', 'Logged in; the session cookie is set', 'LoginOk'],
        'CodeRequest',
      ),
    },
    '/api/clock': {
      get: op(
        'The shared simulated time and the fault now on (read only)',
        ['site'],
        ['200', 'The clock', 'PublicClock'],
      ),
    },
    '/api/me': {
      get: op(
        'The logged-in user and their account status',
        ['site'],
        ['200', 'The session is live', 'Me'],
        undefined,
        { security: [{ session: [] }] },
      ),
    },
    '/api/logout': { post: op('End the session', ['site'], ['204', 'Logged out; the cookie is cleared', '']) },
    '/api/enrollment': {
      post: withAnswers(
        op(
          'Enrollment step 1: the password again (and, for an e-mail account, a code just mailed) → a new secret, key URI and QR code',
          ['enrollment'],
          ['200', 'Started', 'EnrollmentStarted'],
          'EnrollmentRequest',
        ),
        PASSWORD_EXPIRED,
      ),
    },
    '/api/enrollment/confirm': {
      post: op(
        'Enrollment step 2: the first code → the törlőkód, shown once',
        ['enrollment'],
        ['200', 'Confirmed', 'EnrollmentConfirmed'],
        'ConfirmRequest',
      ),
    },
    '/api/enrollment/finish': {
      post: op(
        'Enrollment step 3: Befejezés, only with the saved acknowledgement',
        ['enrollment'],
        ['200', 'Finished', 'EnrollmentFinished'],
        'FinishRequest',
      ),
    },
    '/api/enrollment/abandon': {
      post: op(
        'Cancel an unfinished enrollment or device change',
        ['enrollment'],
        ['200', 'Abandoned', 'EnrollmentAbandoned'],
        'AbandonRequest',
      ),
    },
    '/api/device-change': {
      post: op(
        '"Beállítás másik eszközre": password and current code → a new secret',
        ['enrollment'],
        ['200', 'Started', 'EnrollmentStarted'],
        'DeviceChangeRequest',
      ),
    },
    '/api/deletion-code': {
      post: withAnswers(
        op(
          "Lost phone: redeem the törlőkód to remove the binding; the account's sessions and login tickets end",
          ['recovery'],
          ['200', 'Redeemed', 'DeletionCodeRedeemed'],
          'DeletionCodeRequest',
        ),
        PASSWORD_EXPIRED,
      ),
    },
    ...EMAIL_SITE_PATHS,
  };
  const controlPaths = {
    '/control/clock': {
      get: op('The shared simulated clock', ['control'], ['200', 'The clock', 'ClockStatus'], undefined, control),
      put: op(
        'Set the simulated time (ms, or an ISO 8601 date-time with its zone)',
        ['control'],
        ['200', 'The clock', 'ClockStatus'],
        'SetClockRequest',
        control,
      ),
    },
    '/control/clock/advance': {
      post: op(
        'Move the simulated time',
        ['control'],
        ['200', 'The clock', 'ClockStatus'],
        'AdvanceClockRequest',
        control,
      ),
    },
    '/control/clock/freeze': {
      post: op(
        'Stop or restart the simulated time',
        ['control'],
        ['200', 'The clock', 'ClockStatus'],
        'FreezeClockRequest',
        control,
      ),
    },
    '/control/faults': {
      get: op('The fault windows', ['control'], ['200', 'The faults', 'Faults'], undefined, control),
      delete: op('Remove every fault', ['control'], ['200', 'The faults', 'Faults'], undefined, control),
    },
    '/control/faults/start': {
      post: op('Start a fault now', ['control'], ['200', 'The faults', 'Faults'], 'StartFaultRequest', control),
    },
    '/control/faults/stop': {
      post: op('Stop a fault', ['control'], ['200', 'The faults', 'Faults'], 'StopFaultRequest', control),
    },
    '/control/faults/schedule': {
      post: op(
        'Schedule a fault window',
        ['control'],
        ['200', 'The faults', 'Faults'],
        'ScheduleFaultRequest',
        control,
      ),
    },
    '/control/unlock': {
      post: op(
        "The administrator's unlock after too many wrong passwords",
        ['control'],
        ['200', 'Unlocked', 'Unlocked'],
        'UnlockRequest',
        control,
      ),
    },
    '/control/audit': {
      get: op(
        'The audit log of this instance, oldest first',
        ['control'],
        ['200', 'The events', 'AuditEvents'],
        undefined,
        {
          ...control,
          parameters: [
            { name: 'since', in: 'query', required: false, schema: { type: 'string', pattern: '^[0-9]+$' } },
          ],
        },
      ),
    },
    '/control/reset': {
      post: op(
        'Remove every account, ticket and session; the clock back to real time; no faults',
        ['control'],
        ['200', 'Reset', 'ResetDone'],
        undefined,
        control,
      ),
    },
    ...ACCOUNT_CONTROL_PATHS,
    ...MAILBOX_CONTROL_PATHS,
    ...OIDC_CONTROL_PATHS,
    ...ROOM_CONTROL_PATHS,
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'totp-lab simulated Ügyfélkapu+ service',
      version: '1',
      description:
        'A fake Ügyfélkapu+-style two-factor login service for prototypes, trainings and test suites. Refusals are generic; the reason is in the audit log.',
    },
    paths: { ...site, ...ROOM_SITE_PATHS, ...(options.control && controlPaths) },
    components: {
      schemas: {
        ...REQUEST_SCHEMAS,
        ...EMAIL_REQUEST_SCHEMAS,
        ...CONTROL_REQUEST_SCHEMAS,
        ...RESPONSE_SCHEMAS,
        ...EMAIL_RESPONSE_SCHEMAS,
        ...controlResponseSchemas(RESPONSE_SCHEMAS['AccountStatus']!),
        ...OIDC_SCHEMAS,
        ...ROOM_SCHEMAS,
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'totp_lab_session' },
        ...ROOM_SECURITY_SCHEMES,
        ...(options.control && { controlToken: { type: 'http', scheme: 'bearer' }, ...CONTROL_SESSION_SCHEME }),
      },
    },
  };
}
