#!/usr/bin/env python3
"""An e-mail account against the simulated Ügyfélkapu+ service, standard library only: choose the
e-mail code as second factor, then log in with a code read from the service's mailbox (the control
API's GET /control/mailbox), and see a used code refused.

Run `totp-lab serve --api` first (mail stays in memory unless TOTP_LAB_SMTP_URL is set); set
TOTP_LAB_URL (default http://127.0.0.1:6238) and TOTP_LAB_CONTROL_TOKEN.
"""
import json, os, re, sys, urllib.error, urllib.parse, urllib.request

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


def expect(condition, what):
    if not condition:
        sys.exit("FAILED: " + what)
    print("ok:", what)


user, password, address = "nagy.eva", "Hóvirág-Hét-77", "nagy.eva@example.hu"
call("POST", "/control/clock/freeze", {"frozen": True}, control=True)
status, _ = call("POST", "/api/register", {"username": user, "password": password, "email": address})
expect(status == 201, "registered")

status, started = call("POST", "/api/email-factor", {"username": user, "password": password})
mail, code = newest_mail(address)
expect(status == 200 and started["sessionNumber"] in mail["text"], "a confirmation code was mailed with the session number")
status, _ = call("POST", "/api/email-factor/confirm", {"setupId": started["setupId"], "code": code})
expect(status == 200, "e-mail is the second factor")

call("POST", "/control/clock/advance", {"ms": 61000}, control=True)  # one code a minute at most
status, ticket = call("POST", "/api/login", {"username": user, "password": password})
expect(status == 200 and ticket["secondFactor"] == "email", "password accepted; the next page asks for the e-mailed code")
status, sent = call("POST", "/api/login/email-code", {"loginTicket": ticket["loginTicket"]})
mail, code = newest_mail(address)
expect(status == 200 and sent["sessionNumber"] in mail["text"], "the login code arrived; the session numbers match")
status, login = call("POST", "/api/login/code", {"loginTicket": ticket["loginTicket"], "code": code})
expect(status == 200 and login["messageKey"] == "login.ok", "logged in with the e-mailed code")

status, ticket = call("POST", "/api/login", {"username": user, "password": password})
status, again = call("POST", "/api/login/code", {"loginTicket": ticket["loginTicket"], "code": code})
expect(status == 422 and again["messageKey"] == "emailCode.wrong", "a used code is refused")
print("all good")
