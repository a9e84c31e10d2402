// The walkthrough as a presenter drives it: in a pseudo-terminal (Python's pty module), the demo
// waits for Enter between steps, and Ctrl+C leaves at once with exit code 130 and no stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

const DRIVER = String.raw`
import json, os, pty, select, sys, time
node, cli, keys, marker = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[5].encode()
pid, fd = pty.fork()
if pid == 0:
    os.environ['NO_COLOR'] = '1'
    os.execv(node, [node, cli] + json.loads(sys.argv[4]))
buf = b''
def read_until(count, timeout=60):
    # Reads until the Enter hint (or the prompt) has been shown 'count' times, or the end.
    global buf
    end = time.time() + timeout
    while buf.count(marker) < count:
        ready, _, _ = select.select([fd], [], [], max(0, end - time.time()))
        if not ready:
            return False
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        buf += chunk
    return True
seen = []
for i, key in enumerate(keys):
    read_until(i + 1)
    seen.append(buf.decode('utf8', 'replace').count('\u25b8'))
    os.write(fd, key.encode())
    time.sleep(0.05)
while True:
    ready, _, _ = select.select([fd], [], [], 60)
    if not ready:
        break
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    buf += chunk
_, status = os.waitpid(pid, 0)
print(json.dumps({'steps': seen, 'code': os.waitstatus_to_exitcode(status), 'out': buf.decode('utf8', 'replace')}))
`;

function drive(keys, args, marker = 'Enter') {
  const r = spawnSync(
    'python3',
    ['-c', DRIVER, process.execPath, bin, JSON.stringify(keys), JSON.stringify(args), marker],
    { encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('Enter shows the next step; Ctrl+C leaves cleanly', { timeout: 150_000 }, () => {
  const r = drive(['\r', '\r', '\u0003'], ['demo', '--lang', 'en', '--no-qr', '--scenario', 'happy-path']);
  // One step before the first Enter, one more after each.
  assert.deepEqual(r.steps, [1, 2, 3]);
  assert.equal(r.code, 130);
  assert.doesNotMatch(r.out, /\n\s+at |Error/);
});

test('q leaves with exit code 0; the prompt speaks Hungarian', { timeout: 150_000 }, () => {
  const r = drive(['q\r'], ['demo', '--lang', 'hu', '--no-qr', '--scenario', 'replay']);
  assert.deepEqual(r.steps, [1]);
  assert.equal(r.code, 0);
  assert.match(r.out, /következő lépés/);
});

test('the interactive demo has a prompt and a history (up arrow), and leaves on Ctrl+C', { timeout: 150_000 }, () => {
  const r = drive(
    ['register\r', '\u001b[A\r', '\u0003'],
    ['demo', '--interactive', '--lang', 'en', '--no-qr'],
    'demo> ',
  );
  assert.equal(r.code, 130);
  // The up arrow brought "register" back: the second try is refused as a duplicate registration.
  assert.equal(r.out.match(/\[site\] ✓ Registered\./g)?.length, 1);
  assert.equal(r.out.match(/\[site\] ✗/g)?.length, 1);
  assert.doesNotMatch(r.out, /\n\s+at |Error/);
});
