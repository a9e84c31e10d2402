/** What `GET /control/room` answers (see docs/http-api.md): the accounts, their stages and refusals. */
import type { AttemptReason } from '../../index.js';
import type { RoomStage } from '../../server/index.js';

export type { RoomStage };

/** One refusal, with its hidden reason and the advice, in the language asked for. */
export interface RoomAttempt {
  time: number;
  event: string;
  reason: AttemptReason;
  text: string;
  advice: string;
}

/** One account of the room. */
export interface RoomAccount {
  username: string;
  email: string | null;
  stage: RoomStage;
  factor: 'app' | 'email' | null;
  activeFrom: number | null;
  passwordFailures: number;
  /** Newest first. */
  attempts: RoomAttempt[];
}

/** The room as the trainer sees it. */
export interface RoomView {
  now: number;
  language: 'hu' | 'en';
  fault: { kind: 'maintenance' | 'outage' | 'timeout'; until: number | null } | null;
  accounts: RoomAccount[];
}
