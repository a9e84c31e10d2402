"""pytest fixtures that run the simulated Ügyfélkapu+ service for the whole test session.

`totp_lab` starts `totp-lab serve --api` on a free port (port 0: the service picks one and prints
its address) with the accounts of seed.json, and stops it when the session ends. Which command
runs it: TOTP_LAB_CMD (for example "npx totp-lab"), else `totp-lab` on the PATH, else the built
CLI of the checkout this file sits in.
"""
import os
import re
import secrets
import shlex
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from totp_lab_client import TotpLab

HERE = Path(__file__).resolve().parent


def totp_lab_command():
    if os.environ.get("TOTP_LAB_CMD"):
        return shlex.split(os.environ["TOTP_LAB_CMD"])
    if shutil.which("totp-lab"):
        return ["totp-lab"]
    built = HERE.parent.parent / "dist" / "cli.js"
    if built.is_file():
        return ["node", str(built)]
    raise RuntimeError("totp-lab not found: set TOTP_LAB_CMD, npm install totp-lab, or npm run build in a checkout")


@pytest.fixture(scope="session")
def totp_lab():
    token = secrets.token_urlsafe(24)  # the control API's token, kept out of the command line
    command = totp_lab_command() + [
        "serve", "--api", "--port", "0", "--seed", str(HERE / "seed.json"),
        "--language", "en",
        "--hash-iterations", "1000",  # cheap password hashing: a test service, not a real one
    ]
    env = {**os.environ, "TOTP_LAB_CONTROL_TOKEN": token}
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # A service that never prints its address would hang the session: give it a minute.
    timer = threading.Timer(60, server.kill)
    timer.start()
    try:
        url = None
        for line in server.stdout:
            found = re.match(r"HTTP API: (http://\S+?/)api/", line)
            if found:
                url = found.group(1)
                break
        if url is None:
            raise RuntimeError("totp-lab serve stopped: " + server.stderr.read().strip())
    finally:
        timer.cancel()
    yield TotpLab(url, token)
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    server.stdout.close()
    server.stderr.close()
