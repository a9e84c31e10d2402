// totp-lab/server: the simulated service as a Fetch-API handler, runtime-agnostic.

export { createProviderHandler } from './handler.js';
export { createSharedClock, CONTROL_KEY } from './shared-clock.js';
export { openApiDocument } from './openapi.js';
export { MAX_API_BODY_BYTES } from './body.js';
export { HttpError } from './http-error.js';
export { issueTrainerLink, CONTROL_COOKIE, TRAINER_LINK_TTL_MS, CONTROL_SESSION_TTL_MS } from './trainer-link.js';
export { stageOf, ROOM_MAX_ACCOUNTS, ROOM_ATTEMPTS } from './room-routes.js';
export type { RoomStage } from './room-routes.js';
export { SESSION_COOKIE, SESSION_TTL_MS, LOGIN_TICKET_TTL_MS, LOGIN_TICKET_TRIES } from './sessions.js';
export type { ProviderHandlerOptions, FetchHandler } from './handler.js';
export type { SharedClock, ClockStatus, ControlState } from './shared-clock.js';
export type { QrRenderer } from './route.js';
export type { ApiErrorCode } from './http-error.js';
