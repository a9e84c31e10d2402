#!/usr/bin/env bash
# Logging in to a TOTP-protected app from a shell test, with the totp-lab command.
#
# Run it where `totp-lab` is on the PATH: from an npm script, with `npx`, or with
# node_modules/.bin added to PATH. TOTP_SECRET is the test user's secret (the one the app
# under test enrolled); the default is the RFC 6238 test key.
set -euo pipefail

secret="${TOTP_SECRET:-GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ}"

# 1. A code with at least 5 seconds left: if the period is about to end, totp-lab waits for the
#    next one (at most 5 s), so the code cannot expire while the test is typing it.
json=$(totp-lab code "$secret" --json --min-remaining 5)
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
totp-lab verify "$secret" "$code" --window 0

# 3. Pinned times give the same code in every run: no waiting, no flakiness.
[ "$(totp-lab code "$secret" --time 59 --digits 8)" = 94287082 ]

# 4. A wrong code is a normal answer (exit 1), not an error (exit 2).
status=0
totp-lab verify "$secret" 000000 --time 59 > /dev/null || status=$?
[ "$status" -eq 1 ]

echo "login ok"
