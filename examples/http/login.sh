#!/usr/bin/env bash
# A test suite in shell against the simulated Ügyfélkapu+ service, with curl: register, enroll
# (the secret read from the key URI), log in in two steps, and check that a replayed code is
# refused. Codes come from `totp-lab code`. Each run registers a user of its own, so it can run
# again and again against one server.
#
# Run `totp-lab serve --api` first; set TOTP_LAB_URL (default http://127.0.0.1:6238),
# TOTP_LAB_CONTROL_TOKEN, and TOTP_LAB (how to run the CLI; default: npx totp-lab).
set -euo pipefail
BASE=${TOTP_LAB_URL:-http://127.0.0.1:6238}
TOTP_LAB=${TOTP_LAB:-npx totp-lab}
AUTH="Authorization: Bearer ${TOTP_LAB_CONTROL_TOKEN:?set TOTP_LAB_CONTROL_TOKEN}"
# A new user each run: the service keeps its accounts, and a username is registered once.
USER_NAME=kovacs.erzsebet.$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
PASSWORD='Bükkfa-Hét-7'

# post PATH JSON [extra curl args...]: prints the body, then the status on the last line.
post() { local path=$1 body=$2; shift 2; curl -sS -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary "$body" "$@" "$BASE$path"; }
status() { tail -n 1 <<<"$1"; }
body() { sed '$d' <<<"$1"; }
field() { body "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
now() { curl -sS -H "$AUTH" "$BASE/control/clock" | sed -n 's/.*"now":\([0-9.]*\).*/\1/p'; }
code_now() { $TOTP_LAB code "$1" --time "$(( $(now | cut -d. -f1) / 1000 ))"; }
# expect GOT WANTED WHAT [RESPONSE]: on failure, says what came back and the service's error code.
expect() {
  if [ "$1" = "$2" ]; then echo "ok: $3"; return; fi
  local error; error=$(field "${4:-}" code); error=${error:-$(field "${4:-}" messageKey)}
  echo "FAILED: $3 (got $1, expected $2${error:+, $error})"
  exit 1
}

post /control/clock/freeze '{"frozen":true}' -H "$AUTH" >/dev/null
r=$(post /api/register "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\",\"email\":\"erzsebet@example.hu\"}")
expect "$(status "$r")" 201 "registered $USER_NAME" "$r"

r=$(post /api/enrollment "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}")
uri=$(field "$r" keyUri)
secret=$(sed -n 's/.*[?&]secret=\([A-Z2-7]*\).*/\1/p' <<<"$uri")
id=$(field "$r" enrollmentId)
expect "${uri%%/*}" "otpauth:" "enrollment started; secret read from the key URI" "$r"

r=$(post /api/enrollment/confirm "{\"enrollmentId\":\"$id\",\"code\":\"$(code_now "$secret")\"}")
expect "$(status "$r")" 200 "confirmed; the törlőkód is shown once" "$r"
r=$(post /api/enrollment/finish "{\"enrollmentId\":\"$id\",\"deletionCodeSaved\":true}")
expect "$(status "$r")" 200 finished "$r"

post /control/clock/advance '{"ms":30000}' -H "$AUTH" >/dev/null
code=$(code_now "$secret")
r=$(post /api/login "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}")
ticket=$(field "$r" loginTicket)
expect "$(status "$r")" 200 "password accepted; login ticket received" "$r"
r=$(post /api/login/code "{\"loginTicket\":\"$ticket\",\"code\":\"$code\"}")
expect "$(status "$r")" 200 "logged in with the code" "$r"

r=$(post /api/login "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}")
r=$(post /api/login/code "{\"loginTicket\":\"$(field "$r" loginTicket)\",\"code\":\"$code\"}")
expect "$(status "$r")" 401 "a replayed code is refused" "$r"
echo "all good"
