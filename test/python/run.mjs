// Runs the pytest kit in examples/pytest against the built CLI (dist/cli.js) when pytest is
// installed, and says plainly that it was skipped when it is not (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = `${root}dist/cli.js`;
if (!existsSync(cli)) {
  console.error('Python kit tests: dist/cli.js is missing; run npm run build first.');
  process.exit(1);
}
// Debian's python3-pytest installs pytest-3 and the module for the system python3, which may not
// be the python3 first on the PATH.
const candidates = [['pytest-3'], ['python3', '-m', 'pytest'], ['/usr/bin/python3', '-m', 'pytest']];
const pytest = candidates.find(([command, ...args]) => spawnSync(command, [...args, '--version']).status === 0);
if (pytest === undefined) {
  console.log(
    'Python kit tests SKIPPED: pytest is not installed (apt-get install python3-pytest to run them; CI installs it).',
  );
  process.exit(0);
}
const [command, ...args] = pytest;
const started = Date.now();
const result = spawnSync(command, [...args, '-q', '-p', 'no:cacheprovider', 'examples/pytest'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TOTP_LAB_CMD: `"${process.execPath}" "${cli}"`, PYTHONDONTWRITEBYTECODE: '1' },
});
console.log(`Python kit tests ran with ${pytest.join(' ')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(result.status ?? 1);
