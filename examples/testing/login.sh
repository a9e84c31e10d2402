#!/usr/bin/env bash
# Logging in to a TOTP-protected app from a shell test, with the totp-lab command.
#
# In a project that installed totp-lab, run it from an npm script or with node_modules/.bin on
# the PATH. In a clone of totp-lab itself: `npm run build`, then `bash examples/testing/login.sh`
# (it then runs dist/cli.js). TOTP_SECRET is the test user's secret (the one the app under test
# enrolled); the default is the RFC 6238 test key.
set -euo pipefail

if command -v totp-lab > /dev/null 2>&1; then
  totp_lab() { totp-lab "$@"; }
else
  cli="$(cd "$(dirname "$0")/../.." && pwd)/dist/cli.js"
  if [ ! -f "$cli" ]; then
    echo "totp-lab not found: npm install totp-lab (or, in a clone, npm run build)" >&2
    exit 2
  fi
  totp_lab() { node "$cli" "$@"; }
fi

secret="${TOTP_SECRET:-GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ}"

# 1. A code with at least 5 seconds left: if the period is about to end, totp-lab waits for the
#    next one (at most 5 s), so the code cannot expire while the test is typing it.
json=$(totp_lab code "$secret" --json --min-remaining 5)
code=$(printf '%s' "$json" | sed -n 's/.*"code":"\([0-9]*\)".*/\1/p')
remaining=$(printf '%s' "$json" | sed -n 's/.*"remaining":\([0-9]*\).*/\1/p')
if [ -z "$code" ] || [ "$remaining" -lt 5 ]; then
  echo "unexpected output from totp-lab code: $json" >&2
  exit 1
fi
echo "code $code, $remaining s left"

# 2. Type it into the app. Here totp-lab plays the server, as strict as it gets (no other step
#    accepted): exit 0 when the code is valid, 1 when it is not.
#    (With a real app: curl -d "code=$code" https://app.test/login, or drive a browser.)
totp_lab verify "$secret" "$code" --window 0

# 3. Pinned times give the same code in every run: no waiting, no flakiness.
[ "$(totp_lab code "$secret" --time 59 --digits 8)" = 94287082 ]

# 4. A wrong code is a normal answer (exit 1), not an error (exit 2).
status=0
totp_lab verify "$secret" 000000 --time 59 > /dev/null || status=$?
[ "$status" -eq 1 ]

echo "login ok"
