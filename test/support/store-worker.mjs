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
  ack({ op: 'ready' });
  for (let i = 0; ; i++) {
    const key = `entry:${arg}:${i - (i % 3)}`;
    if (i % 3 === 0) {
      const value = await store.update('counter', (n) => (n ?? 0) + 1);
      ack({ op: 'counter', value });
    } else if (i % 3 === 1) {
      const value = { run: Number(arg), i, note: 'x'.repeat(i % 40) };
      await store.update(key, () => value);
      ack({ op: 'set', key, value });
    } else if (i % 6 === 2) {
      // Every other entry is deleted again, so deletions are checked as well.
      await store.update(key, () => undefined);
      ack({ op: 'delete', key });
    } else {
      const value = await store.update(key, (v) => ({ ...v, touched: true }));
      ack({ op: 'set', key, value });
    }
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
