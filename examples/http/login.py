#!/usr/bin/env python3
"""A test suite in Python against the simulated Ügyfélkapu+ service, standard library only:
register, enroll (the secret read from the key URI), log in in two steps, and check that a
replayed code is refused. Each run registers a user of its own, so it can run again and again
against one server.

Run `totp-lab serve --api` first; set TOTP_LAB_URL (default http://127.0.0.1:6238) and
TOTP_LAB_CONTROL_TOKEN (the control API moves the simulated clock, so no test waits 30 s).
"""
import base64, hashlib, hmac, json, os, secrets, struct, sys, urllib.error, urllib.parse, urllib.request

BASE = os.environ.get("TOTP_LAB_URL", "http://127.0.0.1:6238").rstrip("/")
TOKEN = os.environ["TOTP_LAB_CONTROL_TOKEN"]


def call(method, path, body=None, control=False, cookie=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if control:
        headers["Authorization"] = "Bearer " + TOKEN
    if cookie:
        headers["Cookie"] = cookie
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None, response.headers
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode()), error.headers


def totp(secret_b32, now_ms, digits=6, period=30):
    """RFC 6238 with SHA-1, as the key URI says."""
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(now_ms // 1000 // period)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10 ** digits).zfill(digits)


def now():
    return call("GET", "/control/clock", control=True)[1]["now"]


def expect(condition, what, status, body):
    """Prints what was checked; on failure stops, with the HTTP status and the error the service gave."""
    if not condition:
        error = body.get("code") or body.get("messageKey") if isinstance(body, dict) else None
        sys.exit(f"FAILED: {what} (HTTP {status}{', ' + error if error else ''})")
    print("ok:", what)


# A new user each run: the service keeps its accounts, and a username is registered once.
user, password = "kovacs.janos." + secrets.token_hex(4), "Tölgyfa-Kilenc-42"
call("POST", "/control/clock/freeze", {"frozen": True}, control=True)
status, body, _ = call("POST", "/api/register", {"username": user, "password": password, "email": "janos@example.hu"})
expect(status == 201, "registered " + user, status, body)

status, started, _ = call("POST", "/api/enrollment", {"username": user, "password": password})
expect(status == 200 and started["keyUri"].startswith("otpauth://totp/"), "enrollment started", status, started)
secret = urllib.parse.parse_qs(urllib.parse.urlparse(started["keyUri"]).query)["secret"][0]

status, confirmed, _ = call("POST", "/api/enrollment/confirm", {"enrollmentId": started["enrollmentId"], "code": totp(secret, now())})
expect(status == 200 and confirmed["deletionCode"], "confirmed with the secret read from the key URI; the törlőkód is shown once", status, confirmed)
status, body, _ = call("POST", "/api/enrollment/finish", {"enrollmentId": started["enrollmentId"], "deletionCodeSaved": True})
expect(status == 200, "finished", status, body)

call("POST", "/control/clock/advance", {"ms": 30000}, control=True)
code = totp(secret, now())
status, ticket, _ = call("POST", "/api/login", {"username": user, "password": password})
expect(status == 200, "password accepted; login ticket received", status, ticket)
status, login, headers = call("POST", "/api/login/code", {"loginTicket": ticket["loginTicket"], "code": code})
expect(status == 200 and "HttpOnly" in headers.get("Set-Cookie", ""), "logged in with the code", status, login)
cookie = headers["Set-Cookie"].split(";")[0]
status, me, _ = call("GET", "/api/me", cookie=cookie)
expect(status == 200 and me["username"] == user, "the session knows the user", status, me)

status, ticket, _ = call("POST", "/api/login", {"username": user, "password": password})
status, replay, _ = call("POST", "/api/login/code", {"loginTicket": ticket["loginTicket"], "code": code})
expect(status == 401 and replay["messageKey"] == "login.refused", "a replayed code is refused", status, replay)
print("all good")
