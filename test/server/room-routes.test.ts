// The training room over HTTP: the room view reads every account's stage and its refusals with the
// hidden reason from the store (so a second instance on the same store answers alike), the trainer
// link works once and gives a control cookie. A participant's inbox: inbox-routes.test.ts.
import { describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider, manualClock } from '../../src/index.js';
import { createProviderHandler, createSharedClock, issueTrainerLink } from '../../src/server/index.js';
import { BASE, PASSWORD, T0, TOKEN, apiLab, checkAnswer, enrolled, type ApiLab } from './api-client.js';

/** An instance of the service with the Ügyfélkapu+ profile (the activation wait) on `store`. */
function instance(store: MemoryStore, base = manualClock(T0 + 5_000)) {
  const clock = createSharedClock(store, base);
  const provider = createProvider({
    store,
    clock,
    hashing: LOW_COST_HASHING_FOR_TESTS,
    language: 'en',
    profile: 'ugyfelkapu',
    wait: async () => undefined,
  });
  return createProviderHandler(provider, { store, clock, controlToken: TOKEN });
}

/** apiLab's client, on an instance with the activation wait. */
function roomLab(store = new MemoryStore()): ApiLab {
  const handler = instance(store);
  const lab = apiLab({}, store);
  const call: ApiLab['call'] = async (method, path, body, headers = {}) => {
    const init: RequestInit = {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    return checkAnswer(method, BASE + path, await handler(new Request(BASE + path, init)));
  };
  return {
    ...lab,
    handler,
    call,
    control: (method, path, body) => call(method, path, body, { authorization: `Bearer ${TOKEN}` }),
  };
}

const stages = async (lab: ApiLab) =>
  Object.fromEntries(
    (
      (await lab.control('GET', '/control/room?lang=hu')).body.accounts as Array<{ username: string; stage: string }>
    ).map((a) => [a.username, a.stage]),
  );

describe('GET /control/room', () => {
  it('lists each account with its stage as the setup goes on', async () => {
    const lab = roomLab();
    await lab.call('POST', '/api/register', { username: 'anna', password: PASSWORD, email: 'anna@example.hu' });
    expect(await stages(lab)).toEqual({ anna: 'registered' });
    const started = await lab.call('POST', '/api/enrollment', { username: 'anna', password: PASSWORD });
    expect(await stages(lab)).toEqual({ anna: 'qr-shown' });
    await lab.call('POST', '/api/enrollment/confirm', {
      enrollmentId: started.body.enrollmentId,
      code: await lab.codeAt(started.body.secret),
    });
    expect(await stages(lab)).toEqual({ anna: 'confirmed' });
    await lab.call('POST', '/api/enrollment/finish', {
      enrollmentId: started.body.enrollmentId,
      deletionCodeSaved: true,
    });
    expect(await stages(lab)).toEqual({ anna: 'deletion-code-saved' });
    await lab.control('POST', '/control/clock/advance', { ms: 120_000 });
    expect(await stages(lab)).toEqual({ anna: 'active' });
    for (let i = 0; i < 6; i++) await lab.call('POST', '/api/login', { username: 'anna', password: 'wrong-password' });
    expect(await stages(lab)).toEqual({ anna: 'locked' });
  });

  it('gives the hidden reason and the advice in the language asked, read by a second instance on the store', async () => {
    const lab = roomLab();
    const { secret } = await enrolled(lab, 'bela');
    // Right after Befejezés + 30 s the binding is not yet active: the participant sees only "no".
    const ticket = await lab.call('POST', '/api/login', { username: 'bela', password: PASSWORD });
    const refused = await lab.call('POST', '/api/login/code', {
      loginTicket: ticket.body.loginTicket,
      code: await lab.codeAt(secret),
    });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).not.toMatch(/activation|aktív|várjon/i);
    // Another instance: its own provider and handler, the same store.
    const other = instance(lab.store as MemoryStore);
    const url = `${BASE}/control/room?lang=hu`;
    const answer = await checkAnswer(
      'GET',
      url,
      await other(new Request(url, { headers: { authorization: `Bearer ${TOKEN}` } })),
    );
    const bela = answer.body.accounts.find((a: { username: string }) => a.username === 'bela');
    expect(bela.stage).toBe('deletion-code-saved');
    expect(bela.attempts[0].reason).toBe('activation-pending');
    expect(bela.attempts[0].advice).toMatch(/[Vv]árjon/);
    const english = await lab.control('GET', '/control/room?lang=en');
    expect(english.body.accounts[0].attempts[0].advice).toMatch(/[Ww]ait/);
    expect((await lab.control('GET', '/control/room?lang=de')).status).toBe(400);
    expect((await lab.call('GET', '/control/room')).status).toBe(401);
  });
});

describe('the trainer link', () => {
  it('works once, and its cookie opens the control API without the token', async () => {
    const lab = apiLab();
    const link = await issueTrainerLink(lab.store);
    expect(link).toMatch(/^[0-9a-f]{64}$/);
    const opened = await lab.call('POST', '/control/session', { link });
    expect(opened.status).toBe(200);
    const cookie = opened.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^totp_lab_control=[0-9a-f]{64}; Path=\/control; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(';')[0]!;
    expect((await lab.call('GET', '/control/clock', undefined, { cookie: session })).status).toBe(200);
    expect((await lab.call('GET', '/control/session', undefined, { cookie: session })).body).toEqual({ trainer: true });
    // The same link again, and a made-up one: refused.
    expect((await lab.call('POST', '/control/session', { link })).status).toBe(401);
    expect((await lab.call('POST', '/control/session', { link: 'f'.repeat(64) })).status).toBe(401);
    // A wrong bearer token is not saved by a good cookie: the header is what is judged.
    const both = await lab.call('GET', '/control/clock', undefined, { cookie: session, authorization: 'Bearer nope' });
    expect(both.status).toBe(401);
    await lab.call('DELETE', '/control/session', undefined, { cookie: session });
    expect((await lab.call('GET', '/control/clock', undefined, { cookie: session })).status).toBe(401);
    expect((await lab.call('GET', '/control/session', undefined, { cookie: session })).body).toEqual({
      trainer: false,
    });
  });

  it('a new link can be asked for with the token', async () => {
    const lab = apiLab();
    const made = await lab.control('POST', '/control/trainer-link');
    expect(made.status).toBe(201);
    expect((await lab.call('POST', '/control/session', { link: made.body.link })).status).toBe(200);
    expect((await lab.call('POST', '/control/trainer-link')).status).toBe(401);
  });
});
