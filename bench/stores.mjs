// (6) Durable second-factor checks per second with 100 000 accounts, per store: MemoryStore (not
// durable; the reference), FileStore (one JSON file, rewritten on every write), SQLite (WAL,
// synchronous=FULL: an acknowledged check is on disk) and PostgreSQL (when
// TOTP_LAB_BENCH_POSTGRES_URL or TOTP_LAB_TEST_POSTGRES_URL names a server). Every check is a
// distinct account's first right code: a full verifySecondFactor with the replay-guard write.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const T = Date.UTC(2026, 0, 5, 8, 0, 0);
const CONCURRENCY = 32;

/** { rows: [{ store, accounts, ops, checks, seconds }] , skipped? } */
export async function benchStores(lib, node, { accounts = 100_000, seconds = 3 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'totp-lab-bench-stores-'));
  const rows = [];
  try {
    const pgUrl = process.env.TOTP_LAB_BENCH_POSTGRES_URL || process.env.TOTP_LAB_TEST_POSTGRES_URL;
    const kinds = [
      [
        'MemoryStore',
        (() => {
          const memory = new lib.MemoryStore();
          return async () => memory;
        })(),
        seedGeneric,
      ],
      ['FileStore', async () => new node.FileStore(join(dir, 'state.json')), seedFile(join(dir, 'state.json'))],
      ['SQLite', async () => node.openSqliteStore(join(dir, 'state.db')), seedSqlite(join(dir, 'state.db'))],
      ...(pgUrl
        ? [
            [
              'PostgreSQL',
              async () => node.openPostgresStore(pgUrl, { table: `bench_${process.pid}` }),
              seedPostgres(pgUrl, `bench_${process.pid}`),
            ],
          ]
        : []),
    ];
    for (const [name, open, seed] of kinds) {
      try {
        rows.push({ store: name, ...(await measure(lib, open, seed, accounts, seconds)) });
      } catch (error) {
        rows.push({
          store: name,
          skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        });
      }
    }
    if (!pgUrl) rows.push({ store: 'PostgreSQL', skipped: 'no server: set TOTP_LAB_BENCH_POSTGRES_URL' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { rows };
}

async function measure(lib, open, seed, accounts, seconds) {
  const clock = lib.manualClock(T);
  let store = await open();
  const provider = lib.createProvider({ clock, store, hashing: lib.LOW_COST_HASHING_FOR_TESTS, auditLimit: 0 });
  await provider.register({ username: 'u0', password: 'pw', email: 'u0@example.hu' });
  const started = await provider.startEnrollment({ username: 'u0', password: 'pw' });
  await provider.confirmEnrollment({
    enrollmentId: started.enrollmentId,
    code: lib.generateCode(started.secret, { clock }),
  });
  await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
  const template = await store.get('account:u0');
  await store.close?.();
  const setupStart = performance.now();
  await seed(store, template, accounts);
  const setupSeconds = (performance.now() - setupStart) / 1000;
  store = await open();
  clock.advance(30_000);
  const checker = lib.createProvider({ clock, store, hashing: lib.LOW_COST_HASHING_FOR_TESTS, auditLimit: 0 });
  const code = lib.generateCode(started.secret, { clock });
  // As a server sees them: CONCURRENCY checks in flight at once, each a different account.
  let next = 0;
  let accepted = 0;
  const start = performance.now();
  const worker = async () => {
    while (performance.now() - start < seconds * 1000 && next < accounts) {
      const result = await checker.verifySecondFactor({ username: `u${next++}`, code });
      if (result.ok) accepted++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const checks = next;
  const elapsed = (performance.now() - start) / 1000;
  await store.close?.();
  if (accepted !== checks) throw new Error(`only ${accepted} of ${checks} checks were accepted`);
  return { accounts, checks, ops: checks / elapsed, seconds: elapsed, setupSeconds, concurrency: CONCURRENCY };
}

const copyFor = (template, i) => ({ ...template, username: `u${i}` });

async function seedGeneric(store, template, accounts) {
  for (let i = 1; i < accounts; i++) await store.update(`account:u${i}`, () => copyFor(template, i));
}

function seedFile(path) {
  return async (_store, template, accounts) => {
    const file = JSON.parse(await readFile(path, 'utf8'));
    for (let i = 1; i < accounts; i++) file.data[`account:u${i}`] = copyFor(template, i);
    await writeFile(path, JSON.stringify(file));
  };
}

function seedSqlite(path) {
  return async (_store, template, accounts) => {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path);
    const put = db.prepare('INSERT OR REPLACE INTO totp_lab_store (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 1; i < accounts; i++) put.run(`account:u${i}`, JSON.stringify(copyFor(template, i)));
    })();
    db.close();
  };
}

function seedPostgres(url, table) {
  return async (_store, template, accounts) => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`TRUNCATE ${table}`);
      for (let from = 0; from < accounts; from += 10_000) {
        const keys = [];
        const values = [];
        for (let i = from; i < Math.min(accounts, from + 10_000); i++) {
          keys.push(`account:u${i}`);
          values.push(JSON.stringify(copyFor(template, i)));
        }
        await client.query(`INSERT INTO ${table} (key, value) SELECT * FROM unnest($1::text[], $2::text[])`, [
          keys,
          values,
        ]);
      }
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${table}_done`).catch(() => undefined);
      await client.end();
    }
  };
}

/** Drops the PostgreSQL bench table (called after the run). */
export async function dropPostgresBenchTable() {
  const url = process.env.TOTP_LAB_BENCH_POSTGRES_URL || process.env.TOTP_LAB_TEST_POSTGRES_URL;
  if (!url) return;
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS bench_${process.pid}, bench_${process.pid}_meta`);
  await client.end();
}
