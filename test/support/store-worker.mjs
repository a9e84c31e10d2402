// A child process for the FileStore tests. Usage:
//   node store-worker.mjs <file-store module> <store file> count <n>   increments "counter" n times
//   node store-worker.mjs <file-store module> <store file> crash <run>  runs operations until killed,
//     printing one JSON line per operation after its update has resolved (the acknowledgement)
import { pathToFileURL } from 'node:url';

const [modulePath, storePath, mode, arg] = process.argv.slice(2);
const { FileStore } = await import(pathToFileURL(modulePath).href);
const store = new FileStore(storePath);
const ack = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

if (mode === 'count') {
  for (let i = 0; i < Number(arg); i++) await store.update('counter', (n) => (n ?? 0) + 1);
  ack({ op: 'done' });
} else if (mode === 'crash') {
  // Each operation is announced ("try") before it starts and acknowledged ("ack") once its update
  // has resolved, so the parent knows which single operation was in flight when it killed us.
  ack({ op: 'ready' });
  for (let i = 0; ; i++) {
    const key = `entry:${arg}:${i - (i % 3)}`;
    if (i % 3 === 0) {
      ack({ op: 'try', kind: 'counter', key: 'counter' });
      const value = await store.update('counter', (n) => (n ?? 0) + 1);
      ack({ op: 'ack', value });
    } else if (i % 3 === 1) {
      const value = { run: Number(arg), i, note: 'x'.repeat(i % 40) };
      ack({ op: 'try', kind: 'set', key, value });
      await store.update(key, () => value);
      ack({ op: 'ack', value });
    } else if (i % 6 === 2) {
      // Every other entry is deleted again, so deletions are checked as well.
      ack({ op: 'try', kind: 'delete', key });
      await store.update(key, () => undefined);
      ack({ op: 'ack' });
    } else {
      // The others are changed from their current value (a read-modify-write).
      ack({ op: 'try', kind: 'touch', key });
      const value = await store.update(key, (v) => ({ ...v, touched: true }));
      ack({ op: 'ack', value });
    }
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
