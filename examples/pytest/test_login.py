"""Logging in to the simulated Ügyfélkapu+ service, as another project's end-to-end suite would:
with the authenticator app's code and with the e-mailed code, a refused replay, and a lockout."""
import base64
import hashlib
import hmac
import struct

JANOS = ("kovacs.janos", "Tölgyfa-Kilenc-42")
EVA = ("nagy.eva", "Hóvirág-Hét-77")
RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # seed.json gives János the RFC 6238 test key


def rfc6238(secret_b32, step, digits=6):
    """The RFC 6238 code of a time step (SHA-1), computed here without totp-lab."""
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10 ** digits).zfill(digits)


def test_the_app_code_logs_in_and_the_session_knows_the_user(totp_lab):
    fresh = totp_lab.fresh_code(JANOS[0], min_remaining=5)
    assert fresh["code"] == rfc6238(RFC_SECRET, fresh["step"])
    assert fresh["validUntil"] - fresh["validFrom"] == 30_000
    status, cookie = totp_lab.log_in(*JANOS, fresh["code"])
    assert status == 200
    status, me, _ = totp_lab.call("GET", "/api/me", cookie=cookie)
    assert status == 200 and me["username"] == JANOS[0]


def test_a_replayed_code_is_refused_until_the_last_step_is_forgotten(totp_lab):
    totp_lab.put_account(username="szabo.bela", password="Gesztenye-Öt-5")  # a clean state for this test
    code = totp_lab.fresh_code("szabo.bela")["code"]
    assert totp_lab.log_in("szabo.bela", "Gesztenye-Öt-5", code)[0] == 200
    status, _ = totp_lab.log_in("szabo.bela", "Gesztenye-Öt-5", code)
    assert status == 401  # the same step again: refused (RFC 6238 §5.2)
    assert totp_lab.forget_last_step("szabo.bela")["lastStep"] == -1
    assert totp_lab.log_in("szabo.bela", "Gesztenye-Öt-5", code)[0] == 200


def test_five_wrong_passwords_lock_the_account_until_it_is_unlocked(totp_lab):
    totp_lab.put_account(username="lakatos.anna", password="Jó-Jelszó-1", factor="none")
    for attempt in range(5):
        status, _ = totp_lab.password_step("lakatos.anna", f"wrong-{attempt}")
        assert status == 401
    assert totp_lab.account("lakatos.anna")["locked"] is True
    assert totp_lab.password_step("lakatos.anna", "Jó-Jelszó-1")[0] == 401  # even the right one
    totp_lab.unlock("lakatos.anna")
    assert totp_lab.password_step("lakatos.anna", "Jó-Jelszó-1")[0] == 200


def test_the_emailed_code_logs_in(totp_lab):
    status, page_one = totp_lab.password_step(*EVA)
    assert status == 200 and page_one["secondFactor"] == "email"
    ticket = page_one["loginTicket"]
    status, sent, _ = totp_lab.call("POST", "/api/login/email-code", {"loginTicket": ticket})
    assert status == 200
    mail = totp_lab.latest_mail("nagy.eva@example.hu")
    assert mail["purpose"] == "login"
    assert mail["sessionNumber"] == sent["sessionNumber"]  # the number the page shows is in the mail
    status, _, cookie = totp_lab.code_step(ticket, mail["code"])
    assert status == 200 and cookie
