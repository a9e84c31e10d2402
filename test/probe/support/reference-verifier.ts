// A small TOTP verifier written for the probe's tests: right by default (window ±1, the last
// accepted step remembered, five wrong codes lock the account for a while with the same answer as
// a wrong code, spaces ignored), or with exactly one known defect. It answers like an HTTP API
// (status and JSON body), in process or on a real socket.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildKeyUri, generateSecret, stepAt, systemClock, verifyCode, type Clock } from '../../../src/index.js';

export type Defect =
  | 'replay-accepted'
  | 'window-5'
  | 'future-only'
  | 'no-lockout'
  | 'distinct-lock-message'
  | 'right-code-while-locked'
  | 'spaces-refused';

export interface ReferenceOptions {
  defect?: Defect | undefined;
  clock?: Clock;
  /** Wrong codes in a row that lock the account (default 5). */
  lockAfter?: number;
  /** How long the lock lasts (default 3 s). */
  lockMs?: number;
}

interface State {
  secret: string;
  lastStep: number;
  failures: number;
  lockedUntil: number;
}

export interface Answer {
  status: number;
  body: string;
}

const WRONG: Answer = { status: 401, body: '{"ok":false,"error":"wrong code"}' };

export function createReferenceVerifier(options: ReferenceOptions = {}) {
  const { defect, clock = systemClock, lockAfter = 5, lockMs = 3000 } = options;
  const accounts = new Map<string, State>();
  let enrolled = 0;

  /** The step a code belongs to, inside this verifier's window; null when none. */
  const matchStep = (secret: string, code: string, now: number): number | null => {
    const window = defect === 'window-5' ? 5 : 1;
    const result = verifyCode(secret, code, { time: now, window: defect === 'future-only' ? 2 : window });
    if (!result.valid) return null;
    if (defect === 'future-only' && result.delta < 0) return null;
    return result.counter;
  };

  const check = (username: string, typed: string): Answer => {
    const state = accounts.get(username);
    if (!state) return WRONG;
    const now = clock.now();
    const locked = now < state.lockedUntil;
    const code = defect === 'spaces-refused' ? typed.trim() : typed.replace(/\s+/g, '');
    // The right answer: within the window, exactly six ASCII digits.
    const step = /^[0-9]{6}$/.test(code) ? matchStep(state.secret, code, now) : null;
    if (defect === 'right-code-while-locked' && step !== null && step > state.lastStep) {
      // The code is checked before the lock: a right code passes whatever the lock says.
      state.lastStep = step;
      state.failures = 0;
      return { status: 200, body: '{"ok":true}' };
    }
    if (locked) {
      if (defect === 'distinct-lock-message') return { status: 423, body: '{"ok":false,"error":"account locked"}' };
      if (defect === 'right-code-while-locked')
        return { status: 429, body: '{"ok":false,"error":"too many attempts"}' };
      return WRONG;
    }
    const fresh = step !== null && (defect === 'replay-accepted' ? step >= state.lastStep : step > state.lastStep);
    if (fresh) {
      state.lastStep = step;
      state.failures = 0;
      return { status: 200, body: '{"ok":true}' };
    }
    if (defect !== 'no-lockout' && ++state.failures >= lockAfter) {
      state.failures = 0;
      state.lockedUntil = now + lockMs;
    }
    return WRONG;
  };

  return {
    accounts,
    /** A new account: its username, secret and key URI. */
    enrol() {
      const username = `user${++enrolled}`;
      const secret = generateSecret();
      accounts.set(username, { secret, lastStep: -1, failures: 0, lockedUntil: 0 });
      return { username, secret, keyUri: buildKeyUri({ issuer: 'Reference', account: username, secret }) };
    },
    check,
    /** The verifier as an in-process function target (accounts made by enrol()). */
    verify: (code: string, account: { username: string }) => check(account.username, code).status === 200,
    stepNow: () => stepAt(clock.now()),
  };
}

export type ReferenceVerifier = ReturnType<typeof createReferenceVerifier>;

/** Serves the verifier over HTTP: POST /enrol → the key URI as JSON; POST /verify {username, code}. */
export async function serveReference(
  verifier: ReferenceVerifier,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let answer: Answer;
      if (req.method === 'POST' && req.url === '/enrol') {
        const { username, keyUri } = verifier.enrol();
        answer = { status: 201, body: JSON.stringify({ ok: true, username, keyUri }) };
      } else if (req.method === 'POST' && req.url === '/verify') {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { username?: unknown; code?: unknown };
          answer =
            typeof body.username === 'string' && typeof body.code === 'string'
              ? verifier.check(body.username, body.code)
              : WRONG;
        } catch {
          answer = { status: 400, body: '{"ok":false,"error":"bad json"}' };
        }
      } else answer = { status: 404, body: '{"ok":false,"error":"not found"}' };
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
