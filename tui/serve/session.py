"""A visitor's session: one app process, bounded in number and size, ended with its socket."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from typing import Protocol

from tui.serve.app_process import LIFELINE_ENV

log = logging.getLogger("nutgraf.serve")

DEFAULT_MAX_SESSIONS = 4
# 500 × 200 cells covers a 4K screen at a small font; the app then holds
# about 55 MB. Unclamped, 20,000 × 20,000 grew by tens of MB a second.
MAX_WIDTH, MAX_HEIGHT = 500, 200
MIN_WIDTH, MIN_HEIGHT = 20, 5
DEFAULT_SIZE = (80, 24)
# Seconds an app has to exit once its lifeline is cut, before SIGKILL.
END_GRACE = 3.0
# The Textual web driver's handshake line, then packets: type, 4-byte size, payload.
READY_LINE = b"__GANGLION__\n"


@dataclass(frozen=True)
class SessionLimits:
    max_sessions: int = DEFAULT_MAX_SESSIONS
    max_width: int = MAX_WIDTH
    max_height: int = MAX_HEIGHT
    end_grace: float = END_GRACE

    def clamp(self, width: object, height: object) -> tuple[int, int]:
        """A terminal size the app may be given, whatever the browser asked for."""
        return (
            min(max(as_int(width, DEFAULT_SIZE[0]), MIN_WIDTH), self.max_width),
            min(max(as_int(height, DEFAULT_SIZE[1]), MIN_HEIGHT), self.max_height),
        )


class Visitor(Protocol):
    """Where a session's output goes: the visitor's WebSocket."""

    async def send_bytes(self, data: bytes) -> None: ...

    async def send_str(self, data: str) -> None: ...


class AppSession:
    """One running app process and the pipes to it."""

    def __init__(self, number: int, process: asyncio.subprocess.Process, lifeline: int) -> None:
        self.number = number
        self.process = process
        self._lifeline: int | None = lifeline

    @property
    def pid(self) -> int:
        return self.process.pid

    @classmethod
    async def start(cls, number: int, command: Sequence[str], size: tuple[int, int]) -> AppSession:
        read_end, write_end = os.pipe()
        environment = {
            name: value for name, value in os.environ.items() if name != "NUTGRAF_SERVE_TOKEN"
        }
        environment |= {
            "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
            "TEXTUAL_FPS": "60",
            "TEXTUAL_COLOR_SYSTEM": "truecolor",
            "TERM_PROGRAM": "textual",
            "TERM_PROGRAM_VERSION": version("textual-serve"),
            "COLUMNS": str(size[0]),
            "ROWS": str(size[1]),
            LIFELINE_ENV: str(read_end),
        }
        try:
            process = await asyncio.create_subprocess_exec(
                *command,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                env=environment,
                pass_fds=(read_end,),
                # Its own process group: Ctrl+C at the server's terminal reaches
                # the server, which ends every session itself.
                start_new_session=True,
            )
        except OSError:
            os.close(write_end)
            raise
        finally:
            os.close(read_end)
        return cls(number, process, write_end)

    async def send_input(self, data: bytes) -> None:
        await self._send(b"D", data)

    async def send_meta(self, meta: dict[str, object]) -> None:
        await self._send(b"M", json.dumps(meta).encode())

    async def resize(self, width: int, height: int) -> None:
        await self.send_meta({"type": "resize", "width": width, "height": height})

    async def _send(self, kind: bytes, payload: bytes) -> None:
        stdin = self.process.stdin
        if stdin is None or stdin.is_closing():
            return
        stdin.write(kind + len(payload).to_bytes(4, "big") + payload)
        with contextlib.suppress(ConnectionError):  # the app has exited: nothing to tell it
            await stdin.drain()

    async def relay_output(self, visitor: Visitor) -> None:
        """Pass the app's screen to the visitor until the app exits or the visitor leaves."""
        stdout = self.process.stdout
        assert stdout is not None
        try:
            for _ in range(10):  # the driver may print a few lines before its handshake
                line = await stdout.readline()
                if line == READY_LINE:
                    break
                if not line:
                    log.error("session %d: the app did not start", self.number)
                    return
            while True:
                kind = await stdout.readexactly(1)
                size = int.from_bytes(await stdout.readexactly(4), "big")
                payload = await stdout.readexactly(size)
                if kind == b"D":
                    await visitor.send_bytes(payload)
                elif kind == b"M" and not await self._on_meta(payload, visitor):
                    return
                # "P" packets deliver files, which nutgraf never offers.
        except (asyncio.IncompleteReadError, ConnectionError):
            return

    async def _on_meta(self, payload: bytes, visitor: Visitor) -> bool:
        """Act on a message from the app; False when the app has quit."""
        try:
            meta = json.loads(payload)
        except ValueError:
            meta = None
        if not isinstance(meta, dict):
            log.warning("session %d: the app sent a malformed message", self.number)
            return True
        if meta.get("type") == "exit":
            return False
        url = meta.get("url")
        # The page hands open_url to window.open: a javascript: URL there
        # would run in this server's origin, so only web links pass.
        web_link = isinstance(url, str) and url.lower().startswith(("http://", "https://"))
        if meta.get("type") == "open_url" and web_link:
            await visitor.send_str(json.dumps(["open_url", {"url": url, "new_tab": True}]))
        return True

    async def end(self, grace: float) -> None:
        """Stop the app: cut its lifeline, then SIGKILL it if it has not gone in `grace` s."""
        if self._lifeline is not None:
            os.close(self._lifeline)
            self._lifeline = None
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), grace)
        except TimeoutError:
            if self.process.returncode is None:
                # The whole group: the app and anything it started.
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
            await self.process.wait()


class Sessions:
    """The running sessions, at most `limits.max_sessions` of them."""

    def __init__(self, limits: SessionLimits) -> None:
        self.limits = limits
        self.active: dict[int, AppSession] = {}
        self.started = 0  # app processes started since the server began
        self._opened = 0
        self._reserved: set[int] = set()
        self._changed = asyncio.Condition()

    def reserve(self) -> int | None:
        """A session number, or None when every slot is taken (checked before any process)."""
        if self.full:
            return None
        self._opened += 1
        self._reserved.add(self._opened)
        return self._opened

    async def start(self, number: int, command: Sequence[str], size: tuple[int, int]) -> AppSession:
        session = await AppSession.start(number, command, size)
        self.started += 1
        self.active[number] = session
        log.info(
            "session %d started (pid %d), %d of %d in use",
            number,
            session.pid,
            len(self._reserved),
            self.limits.max_sessions,
        )
        return session

    async def release(self, number: int) -> None:
        """End the session's process, if it has one, and free its slot."""
        session = self.active.get(number)
        try:
            if session is not None:
                await session.end(self.limits.end_grace)
                # Only now: if this was cancelled, end_all() still finds it.
                self.active.pop(number, None)
                log.info("session %d ended", number)
        finally:
            self._reserved.discard(number)
            async with self._changed:
                self._changed.notify_all()

    async def end_all(self) -> None:
        await asyncio.gather(*(self.release(number) for number in list(self.active)))
        self.active.clear()

    async def wait_until_none(self) -> None:
        async with self._changed:
            await self._changed.wait_for(lambda: not self._reserved)

    @property
    def full(self) -> bool:
        return len(self._reserved) >= self.limits.max_sessions

    @property
    def refusal(self) -> str:
        return (
            f"nutgraf serve: all {self.limits.max_sessions} sessions are in use "
            f"(--max-sessions {self.limits.max_sessions}); close one or try again later."
        )


def as_int(value: object, default: int) -> int:
    """`value` as a whole number if it is one (a JSON number or a short decimal string)."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 10:
        return int(value)
    return default
