#!/usr/bin/env python3
"""Sign in through totp-lab's OpenID Connect front with Python's standard library only: a user
agent that follows the sign-in pages' HTML forms (the password, then the code), and a relying
party that redeems the code with PKCE, checks the ID token's RS256 signature against the JWKS and
reads userinfo.

Usage: login_forms.py ISSUER CLIENT_ID REDIRECT_URI USERNAME [LANGUAGE]
The password and the one-time code come on standard input as JSON ({"password": ..., "code": ...}),
so they never appear in a process list or shell history. Prints what it saw as JSON.
"""
import base64, hashlib, html.parser, http.cookiejar, json, secrets, sys, urllib.error, urllib.parse, urllib.request


class Forms(html.parser.HTMLParser):
    """The page's forms: each one's action and its named inputs and buttons."""

    def __init__(self):
        super().__init__()
        self.forms, self.alerts, self.title, self._in = [], [], "", None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": {}})
        elif tag in ("input", "button") and self.forms and a.get("name"):
            self.forms[-1]["fields"][a["name"]] = a.get("value", "")
        elif tag in ("title",) or (tag == "p" and a.get("role") == "alert"):
            self._in = tag

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "p":
            self.alerts.append(data)

    def handle_endtag(self, tag):
        self._in = None


class StopAtCallback(urllib.request.HTTPRedirectHandler):
    """Follows redirects, but not to the relying party's callback: that address is kept instead."""

    def __init__(self, redirect_uri):
        self.redirect_uri, self.callback = redirect_uri, None

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if newurl.startswith(self.redirect_uri):
            self.callback = newurl
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def rs256_valid(jwt, jwks):
    """RFC 7518 §3.3: RSASSA-PKCS1-v1_5 with SHA-256, checked with the key the header names."""
    head, payload, signature = jwt.split(".")
    kid = json.loads(unb64url(head))["kid"]
    key = next(k for k in jwks["keys"] if k["kid"] == kid)
    n, e = (int.from_bytes(unb64url(key[p]), "big") for p in ("n", "e"))
    size = (n.bit_length() + 7) // 8
    em = pow(int.from_bytes(unb64url(signature), "big"), e, n).to_bytes(size, "big")
    digest_info = bytes.fromhex("3031300d060960864801650304020105000420")
    digest = hashlib.sha256(f"{head}.{payload}".encode()).digest()
    expected = b"\x00\x01" + b"\xff" * (size - len(digest_info) - len(digest) - 3) + b"\x00" + digest_info + digest
    return secrets.compare_digest(em, expected)


def main():
    issuer, client_id, redirect_uri, username = sys.argv[1:5]
    language = sys.argv[5] if len(sys.argv) > 5 else "hu"
    typed = json.load(sys.stdin)
    get_json = lambda url, headers={}: json.load(urllib.request.urlopen(urllib.request.Request(url, headers=headers)))
    meta = get_json(issuer + "/.well-known/openid-configuration")

    stop = StopAtCallback(redirect_uri)
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), stop)
    seen = []

    def visit(url, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        origin = urllib.parse.urlsplit(url)
        headers = {"Origin": f"{origin.scheme}://{origin.netloc}"} if data else {}
        try:
            response = browser.open(urllib.request.Request(url, data=data, headers=headers))
        except urllib.error.HTTPError as error:  # a refusal page (401) is a page too
            response = error
        page = Forms()
        page.feed(response.read().decode())
        seen.append({"status": response.status, "title": page.title, "alerts": page.alerts})
        return response.url, page

    def submit(url, page, suffix, values):
        form = next(f for f in page.forms if f["action"].endswith(suffix))
        return visit(urllib.parse.urljoin(url, form["action"]), {**form["fields"], **values})

    verifier = b64url(secrets.token_bytes(32))
    state = b64url(secrets.token_bytes(16))
    query = urllib.parse.urlencode({
        "client_id": client_id, "response_type": "code", "scope": "openid profile email",
        "redirect_uri": redirect_uri, "state": state, "ui_locales": language,
        "code_challenge": b64url(hashlib.sha256(verifier.encode()).digest()), "code_challenge_method": "S256",
    })
    url, page = visit(meta["authorization_endpoint"] + "?" + query)
    url, page = submit(url, page, "/password", {"username": username, "password": typed["password"]})
    if any(f["action"].endswith("/code") for f in page.forms):
        submit(url, page, "/code", {"code": typed["code"]})
    if stop.callback is None:
        print(json.dumps({"pages": seen, "signed_in": False}))
        return
    answer = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(stop.callback).query))
    assert answer["state"] == state and answer["iss"] == meta["issuer"], "state or issuer mismatch (RFC 9207)"
    tokens = json.load(urllib.request.urlopen(urllib.request.Request(meta["token_endpoint"], data=urllib.parse.urlencode({
        "grant_type": "authorization_code", "code": answer["code"], "redirect_uri": redirect_uri,
        "client_id": client_id, "code_verifier": verifier,
    }).encode())))
    claims = json.loads(unb64url(tokens["id_token"].split(".")[1]))
    userinfo = get_json(meta["userinfo_endpoint"], {"Authorization": "Bearer " + tokens["access_token"]})
    print(json.dumps({
        "pages": seen, "signed_in": True, "claims": claims, "userinfo": userinfo,
        "signature_valid": rs256_valid(tokens["id_token"], get_json(meta["jwks_uri"])),
    }))


if __name__ == "__main__":
    main()
