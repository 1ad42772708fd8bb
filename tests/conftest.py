"""Settings every test process shares (subprocesses inherit the environment)."""

from __future__ import annotations

import os

# The test servers listen on loopback, which the crawler refuses by default (crawler/ssrf.py).
# Every 127.x address may stand for a host of its own in a test; tests/security narrows this down.
os.environ["VEILLE_ALLOW_PRIVATE_ADDRESSES"] = "127.0.0.0/8,::1"
