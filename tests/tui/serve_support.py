"""Helpers for the `nutgraf serve` tests: a stand-in app, reading a socket, a process gone."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp

from tui.serve.server import ServeConfig
from tui.serve.session import SessionLimits

STUB_APP = Path(__file__).with_name("serve_stub_app.py")
# Every wait in these tests ends here at the latest: a broken server fails
# the test instead of hanging the suite. Nothing is asserted about speed.
PATIENCE = 60.0


def stub_config(tmp_path: Path, mode: str = "polite", **limits: int) -> ServeConfig:
    """A loopback server whose sessions run the stand-in app."""
    return ServeConfig(
        db_path=tmp_path / "corpus.db",
        host="127.0.0.1",
        port=0,
        limits=SessionLimits(end_grace=0.5, **limits),
        command=(sys.executable, str(STUB_APP), mode),
    )


async def receive_until(socket: aiohttp.ClientWebSocketResponse, marker: bytes) -> bytes:
    """What the session sent up to and including `marker`; fails if the socket closes first."""
    received = b""
    async with asyncio.timeout(PATIENCE):
        while marker not in received:
            message = await socket.receive()
            assert message.type is aiohttp.WSMsgType.BINARY, f"got {message!r} before {marker!r}"
            received += message.data
    return received


async def receive_close(socket: aiohttp.ClientWebSocketResponse) -> aiohttp.WSMessage:
    """The message that closes the socket, skipping the screen output before it."""
    async with asyncio.timeout(PATIENCE):
        while (message := await socket.receive()).type is aiohttp.WSMsgType.BINARY:
            pass
    return message


def gone(pid: int) -> bool:
    """True once `pid` no longer runs (a zombie awaiting its reaper counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state == "Z"


async def wait_gone(pid: int) -> None:
    async with asyncio.timeout(PATIENCE):
        while not gone(pid):
            await asyncio.sleep(0.05)
