"""The web server of `nutgraf serve`: every request checked, then one app session per socket.

It replaces textual-serve's server and keeps its browser side (textual.js,
xterm.css, the fonts): textual-serve starts a process before any check can
run, and its sessions can outlive their sockets.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import TextIO
from urllib.parse import urlencode

import textual_serve
from aiohttp import WSCloseCode, WSMsgType, hdrs, web
from aiohttp.typedefs import Handler

from tui.safe_text import visible
from tui.serve.access import AccessPolicy, PublicUrl, is_wildcard, split_host
from tui.serve.session import AppSession, SessionLimits, Sessions, as_int

log = logging.getLogger("nutgraf.serve")

PAGE = Template((Path(__file__).parent / "page.html").read_text(encoding="utf-8"))
STATIC = Path(textual_serve.__file__).parent / "static"
MAX_MESSAGE = 1 << 20  # a message from the page: keys and pastes, never this big
HEARTBEAT = 15.0  # seconds; a vanished browser is noticed and its session ended
SECURITY_HEADERS = {
    # No other site may frame the page and steer a visitor's keys into it.
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    # The first page's URL holds the token.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class ServeError(Exception):
    """The server cannot start (the port is taken, the host unknown)."""


@dataclass(frozen=True)
class ServeConfig:
    db_path: Path
    host: str = "localhost"
    port: int = 8000
    public_url: PublicUrl | None = None
    token: str | None = None
    limits: SessionLimits = field(default_factory=SessionLimits)
    # The app each session runs; tests put a stand-in here.
    command: tuple[str, ...] | None = None

    @property
    def app_command(self) -> tuple[str, ...]:
        if self.command is not None:
            return self.command
        return (sys.executable, "-m", "tui.serve.app_process", str(self.db_path.resolve()))

    @property
    def cookie_name(self) -> str:
        # Cookies ignore ports: two servers on one machine keep separate tokens.
        return f"nutgraf-token-{self.port}"


@dataclass
class ServerState:
    config: ServeConfig
    policy: AccessPolicy
    sessions: Sessions
    sockets: set[web.WebSocketResponse] = field(default_factory=set)


STATE = web.AppKey("nutgraf_serve", ServerState)


def make_web_app(config: ServeConfig) -> web.Application:
    app = web.Application(middlewares=[_guard])
    policy = AccessPolicy.build(config.host, config.public_url, config.token)
    app[STATE] = ServerState(config, policy, Sessions(config.limits))
    app.add_routes(
        [
            web.get("/", _page),
            web.get("/ws", _websocket),
            web.static("/static", STATIC, show_index=False, follow_symlinks=False),
        ]
    )
    app.on_response_prepare.append(_add_security_headers)
    app.on_shutdown.append(_close_sockets)
    app.on_cleanup.append(_end_sessions)
    return app


@web.middleware
async def _guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Host, then Origin, then token: a refused request never reaches a handler."""
    state = request.app[STATE]
    host = request.headers.get(hdrs.HOST)
    if not state.policy.host_allowed(host):
        log.warning("refused %s: Host %r is not served here", request.path, host)
        return _refuse(
            403,
            f"nutgraf serve: this server does not answer to Host {host!r}. Use the address "
            "it printed when it started, or start it with --public-url for another name.",
        )
    origin = request.headers.get(hdrs.ORIGIN)
    if not state.policy.origin_allowed(origin, host):
        log.warning("refused %s: a page from Origin %r", request.path, origin)
        return _refuse(403, f"nutgraf serve: a page from {origin!r} may not use this server.")
    if not state.policy.token_matches(_presented_token(request, state.config)):
        log.warning("refused %s from %s: no valid token", request.path, request.remote)
        return _refuse(
            403,
            "nutgraf serve: this server needs its access token. Open the URL it printed "
            "when it started (…/?token=…).",
        )
    return await handler(request)


def _presented_token(request: web.Request, config: ServeConfig) -> str | None:
    """The token in ?token=, else in an Authorization header, else in the cookie.

    The first one present decides: a wrong ?token= is refused even with a good
    cookie, so a link cannot overwrite the cookie with a bad token.
    """
    if "token" in request.query:
        return request.query["token"]
    scheme, _, value = request.headers.get(hdrs.AUTHORIZATION, "").partition(" ")
    if scheme.lower() in ("token", "bearer"):
        return value.strip()
    return request.cookies.get(config.cookie_name)


def _refuse(status: int, text: str) -> web.Response:
    return web.Response(status=status, text=text + "\n")


async def _add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(SECURITY_HEADERS)


async def _page(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    config = state.config
    if config.token is not None and "token" in request.query:
        # Checked by _guard. Keep it in a cookie and out of the address bar,
        # the history and the Referer, as Jupyter does.
        others = [(name, value) for name, value in request.query.items() if name != "token"]
        response = web.Response(
            status=303, headers={hdrs.LOCATION: "./" + (f"?{urlencode(others)}" if others else "")}
        )
        public = config.public_url
        # Secure only when visited under the https public name: a browser drops
        # a Secure cookie set over plain http (a visit straight to the port).
        visited = split_host(request.headers[hdrs.HOST])
        secure = (
            public is not None
            and public.scheme == "https"
            and visited is not None
            and visited[0] == public.host
        )
        response.set_cookie(
            config.cookie_name,
            config.token,
            httponly=True,
            samesite="Strict",
            secure=secure,
            path="/",
        )
        return response
    if state.sessions.full:
        return _refuse(503, state.sessions.refusal)
    if config.public_url is not None:
        websocket_url = config.public_url.websocket
    else:
        # The Host the visitor used (checked by _guard), never the address we
        # listen on: with --host 0.0.0.0 that would send browsers to 0.0.0.0.
        websocket_url = f"ws://{request.headers[hdrs.HOST]}/ws"
    font_size = min(max(as_int(request.query.get("fontsize"), 16), 6), 48)
    text = PAGE.substitute(
        title=html.escape(f"nutgraf · {config.db_path.name}"),
        websocket_url=html.escape(websocket_url),
        font_size=font_size,
    )
    return web.Response(text=text, content_type="text/html", headers={"Cache-Control": "no-store"})


async def _websocket(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    limits = state.config.limits
    number = state.sessions.reserve()
    if number is None:
        log.warning("refused a session from %s: all %d in use", request.remote, limits.max_sessions)
        return _refuse(503, state.sessions.refusal)
    visitor = web.WebSocketResponse(heartbeat=HEARTBEAT, max_msg_size=MAX_MESSAGE)
    try:
        await visitor.prepare(request)
        state.sockets.add(visitor)
        size = limits.clamp(request.query.get("width"), request.query.get("height"))
        try:
            session = await state.sessions.start(number, state.config.app_command, size)
        except OSError as error:
            log.error("session %d: cannot start the app: %s", number, error)
            return visitor
        relay = asyncio.create_task(_relay(session, visitor))
        try:
            async for message in visitor:
                if message.type is WSMsgType.TEXT:
                    await _on_message(message.data, session, visitor, limits)
        finally:
            relay.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await relay  # and a failure in it is raised here, not lost
    finally:
        state.sockets.discard(visitor)
        await state.sessions.release(number)
    return visitor


async def _relay(session: AppSession, visitor: web.WebSocketResponse) -> None:
    try:
        await session.relay_output(visitor)
    finally:
        await visitor.close()  # the app has quit: the page says "Session ended"


async def _on_message(
    text: str, session: AppSession, visitor: web.WebSocketResponse, limits: SessionLimits
) -> None:
    """One message from textual.js: keys, a new size, focus, or a ping."""
    try:
        envelope = json.loads(text)
    except ValueError:
        return
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin" and isinstance(data, str):
        await session.send_input(data.encode("utf-8", "replace"))
    elif kind == "resize" and isinstance(data, dict):
        await session.resize(*limits.clamp(data.get("width"), data.get("height")))
    elif kind == "ping":
        await visitor.send_json(["pong", data])
    elif kind in ("focus", "blur"):
        await session.send_meta({"type": kind})


async def _close_sockets(app: web.Application) -> None:
    # At once: each close waits (up to 10 s) for its browser to answer.
    await asyncio.gather(
        *(
            visitor.close(code=WSCloseCode.GOING_AWAY, message=b"nutgraf serve stopped")
            for visitor in list(app[STATE].sockets)
        )
    )


async def _end_sessions(app: web.Application) -> None:
    await app[STATE].sessions.end_all()


@dataclass(frozen=True)
class RunningServer:
    port: int
    state: ServerState


@contextlib.asynccontextmanager
async def running(
    config: ServeConfig, bind_host: str | None = None
) -> AsyncIterator[RunningServer]:
    """The server listening (on `bind_host` if given, else the configured host) until exit."""
    app = make_web_app(config)
    runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=5)
    await runner.setup()
    try:
        host = bind_host or config.host
        try:
            await web.TCPSite(runner, host, config.port).start()
        except OSError as error:
            raise ServeError(f"cannot listen on {host}:{config.port}: {_reason(error)}") from error
        yield RunningServer(port=runner.addresses[0][1], state=app[STATE])
    finally:
        await runner.cleanup()


def run_server(config: ServeConfig, out: TextIO) -> None:
    """Serve until Ctrl+C or SIGTERM, writing the address and a log line per session to `out`."""
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%H:%M:%S"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        asyncio.run(_serve(config, lambda line: print(line, file=out, flush=True)))
    finally:
        log.removeHandler(handler)


async def _serve(config: ServeConfig, announce: Callable[[str], None]) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    async with running(config) as server:
        for line in banner(config, server.port):
            announce(line)
        await stop.wait()
        open_now = len(server.state.sessions.active)
        announce(f"nutgraf serve: stopping, and ending the sessions open ({open_now})")


def banner(config: ServeConfig, port: int) -> list[str]:
    limits = config.limits
    if config.public_url is not None:
        urls = [config.public_url.page]
    elif is_wildcard(config.host):
        urls = [f"http://{socket.gethostname()}:{port}/", f"http://127.0.0.1:{port}/"]
    else:
        shown = f"[{config.host}]" if ":" in config.host else config.host
        urls = [f"http://{shown}:{port}/"]
    if config.token is not None:
        urls = [f"{url}?token={config.token}" for url in urls]
    lines = [f"nutgraf serve: {visible(str(config.db_path))} on port {port}"]
    lines.append("Open in a browser (the URL holds the access token):" if config.token else "Open:")
    lines += [f"    {url}" for url in urls]
    lines.append(
        f"At most {limits.max_sessions} sessions at once, each at most "
        f"{limits.max_width}×{limits.max_height} cells. Ctrl+C stops the server and every session."
    )
    return lines


def _reason(error: OSError) -> str:
    if isinstance(error, socket.gaierror):
        return f"unknown host ({error.strerror})"
    if error.errno is not None:
        return os.strerror(error.errno).lower()
    return str(error)
