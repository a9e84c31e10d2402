"""A client of the simulated Ügyfélkapu+ service (`totp-lab serve --api`), standard library only.

Copy it into your own test suite. `call` sends one request; the other methods are the control API
calls a test needs most: a fresh code, the newest mail, the replay guard, the clock and unlocking.
"""
import json
import urllib.error
import urllib.parse
import urllib.request


class TotpLab:
    def __init__(self, base_url, control_token):
        self.base_url = base_url.rstrip("/")
        self.control_token = control_token

    def call(self, method, path, body=None, cookie=None):
        """Sends a request; returns (status, parsed JSON body or None, headers). /control/ paths get the token."""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if path.startswith("/control/"):
            headers["Authorization"] = "Bearer " + self.control_token
        if cookie:
            headers["Cookie"] = cookie
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
                return response.status, json.loads(text) if text else None, response.headers
        except urllib.error.HTTPError as error:
            text = error.read().decode()
            return error.code, json.loads(text) if text else None, error.headers

    def control(self, method, path, body=None):
        """A control API call that must succeed; returns its body."""
        status, answer, _ = self.call(method, path, body)
        if status >= 300:
            raise AssertionError(f"{method} {path} answered {status}: {answer}")
        return answer

    def put_account(self, **fields):
        """Creates or replaces an account in a stated state (POST /control/accounts)."""
        return self.control("POST", "/control/accounts", fields)

    def fresh_code(self, username, min_remaining=5):
        """The app code on the service's clock with at least `min_remaining` seconds left."""
        path = f"/control/accounts/{urllib.parse.quote(username, safe='')}/code?minRemaining={min_remaining}"
        return self.control("GET", path)

    def latest_mail(self, address):
        """The newest mail to `address`, with its code and session number read out."""
        return self.control("GET", "/control/mailbox/latest?to=" + urllib.parse.quote(address, safe=""))

    def forget_last_step(self, username):
        return self.control("DELETE", f"/control/accounts/{urllib.parse.quote(username, safe='')}/last-step")

    def unlock(self, username):
        return self.control("POST", "/control/unlock", {"username": username})

    def account(self, username):
        return self.control("GET", f"/control/accounts/{urllib.parse.quote(username, safe='')}")

    def password_step(self, username, password):
        """Page one of the login: (status, body), the body holding the login ticket when it worked."""
        status, answer, _ = self.call("POST", "/api/login", {"username": username, "password": password})
        return status, answer

    def code_step(self, ticket, code):
        """Page two: (status, body, the session cookie or None)."""
        status, answer, headers = self.call("POST", "/api/login/code", {"loginTicket": ticket, "code": code})
        cookie = headers.get("Set-Cookie")
        return status, answer, cookie.split(";")[0] if cookie else None

    def log_in(self, username, password, code):
        """Both pages; returns the status of page two and the session cookie."""
        status, answer = self.password_step(username, password)
        if status != 200:
            return status, None
        status, _, cookie = self.code_step(answer["loginTicket"], code)
        return status, cookie
