// A server for the HTTP benchmark, in its own process: `hello` (a bare node:http hello-world, which
// loads nothing else) or `api` (the provider's handler on totp-lab/node's listener, with enrolled
// accounts and a login ticket for each, printed as JSON so the load tool can send each ticket its
// code once).
import { createServer } from 'node:http';

const [mode, count = '20000'] = process.argv.slice(2);
// BENCH_PROFILE=file: a CPU profile of the serving phase only (not the set-up), written on SIGINT.
async function profileServing() {
  const file = process.env.BENCH_PROFILE;
  if (!file) return;
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  process.on('SIGINT', async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${file}.${mode}.cpuprofile`, JSON.stringify(profile));
    process.exit(0);
  });
}
if (mode === 'hello') {
  const hello = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello');
  });
  await profileServing();
  hello.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: hello.address().port })));
} else {
  const [lib, node, server] = await Promise.all([
    import('../dist/index.js'),
    import('../dist/node.js'),
    import('../dist/server.js'),
  ]);
  const store = new lib.MemoryStore();
  const base = lib.manualClock(Date.UTC(2026, 0, 5, 8, 0, 0));
  const clock = server.createSharedClock(store, base);
  const provider = lib.createProvider({ store, clock, hashing: lib.LOW_COST_HASHING_FOR_TESTS, auditLimit: 0 });
  const handler = server.createProviderHandler(provider, { store, clock });
  await provider.register({ username: 'u0', password: 'pw', email: 'u0@example.hu' });
  const started = await provider.startEnrollment({ username: 'u0', password: 'pw' });
  await provider.confirmEnrollment({
    enrollmentId: started.enrollmentId,
    code: lib.generateCode(started.secret, { clock: base }),
  });
  await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
  const template = await store.get('account:u0');
  base.advance(30_000);
  // Accounts and their tickets made in batches: one at a time, the set-up took longer than the runs.
  const tickets = new Array(Number(count));
  const login = async (i) => {
    await store.update(`account:u${i}`, () => ({ ...template, username: `u${i}` }));
    const answer = await handler(
      new Request('http://127.0.0.1/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `u${i}`, password: 'pw' }),
      }),
    );
    tickets[i] = (await answer.json()).loginTicket;
  };
  for (let from = 0; from < tickets.length; from += 500) {
    const batch = [];
    for (let i = from; i < Math.min(from + 500, tickets.length); i++) batch.push(login(i));
    await Promise.all(batch);
  }
  await profileServing();
  const running = await node.serveHandler(handler, { port: 0, limits: { maxConnections: 1000 } });
  console.log(JSON.stringify({ port: running.port, code: lib.generateCode(started.secret, { clock: base }), tickets }));
}
