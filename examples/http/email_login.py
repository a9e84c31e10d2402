#!/usr/bin/env python3
"""An e-mail account against the simulated Ügyfélkapu+ service, standard library only: choose the
e-mail code as second factor, then log in with a code read from the service's mailbox (the control
API's GET /control/mailbox), and see a used code refused. Each run registers a user of its own, so
it can run again and again against one server.

Run `totp-lab serve --api` first (mail stays in memory unless TOTP_LAB_SMTP_URL is set); set
TOTP_LAB_URL (default http://127.0.0.1:6238) and TOTP_LAB_CONTROL_TOKEN.
"""
import json, os, re, secrets, sys, urllib.error, urllib.parse, urllib.request

BASE = os.environ.get("TOTP_LAB_URL", "http://127.0.0.1:6238").rstrip("/")
TOKEN = os.environ["TOTP_LAB_CONTROL_TOKEN"]


def call(method, path, body=None, control=False):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if control:
        headers["Authorization"] = "Bearer " + TOKEN
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode())


def newest_mail(address):
    """The newest mail to `address` and the 6-digit code in it."""
    _, box = call("GET", "/control/mailbox?to=" + urllib.parse.quote(address), control=True)
    mail = box["messages"][-1]
    return mail, re.search(r"\b(\d{6})\b", mail["text"]).group(1)


def expect(condition, what, status, body):
    """Prints what was checked; on failure stops, with the HTTP status and the error the service gave."""
    if not condition:
        error = body.get("code") or body.get("messageKey") if isinstance(body, dict) else None
        sys.exit(f"FAILED: {what} (HTTP {status}{', ' + error if error else ''})")
    print("ok:", what)


# A new user each run: the service keeps its accounts, and a username is registered once.
user = "nagy.eva." + secrets.token_hex(4)
password, address = "Hóvirág-Hét-77", user + "@example.hu"
call("POST", "/control/clock/freeze", {"frozen": True}, control=True)
status, body = call("POST", "/api/register", {"username": user, "password": password, "email": address})
expect(status == 201, "registered " + user, status, body)

status, started = call("POST", "/api/email-factor", {"username": user, "password": password})
expect(status == 200, "the e-mail code chosen as second factor", status, started)
mail, code = newest_mail(address)
expect(started["sessionNumber"] in mail["text"], "a confirmation code was mailed with the session number", status, started)
status, body = call("POST", "/api/email-factor/confirm", {"setupId": started["setupId"], "code": code})
expect(status == 200, "e-mail is the second factor", status, body)

call("POST", "/control/clock/advance", {"ms": 61000}, control=True)  # one code a minute at most
status, ticket = call("POST", "/api/login", {"username": user, "password": password})
expect(status == 200 and ticket["secondFactor"] == "email", "password accepted; the next page asks for the e-mailed code", status, ticket)
status, sent = call("POST", "/api/login/email-code", {"loginTicket": ticket["loginTicket"]})
expect(status == 200, "a login code was sent", status, sent)
mail, code = newest_mail(address)
expect(sent["sessionNumber"] in mail["text"], "the login code arrived; the session numbers match", status, sent)
status, login = call("POST", "/api/login/code", {"loginTicket": ticket["loginTicket"], "code": code})
expect(status == 200 and login["messageKey"] == "login.ok", "logged in with the e-mailed code", status, login)

status, ticket = call("POST", "/api/login", {"username": user, "password": password})
status, again = call("POST", "/api/login/code", {"loginTicket": ticket["loginTicket"], "code": code})
expect(status == 422 and again["messageKey"] == "emailCode.wrong", "a used code is refused", status, again)
print("all good")
