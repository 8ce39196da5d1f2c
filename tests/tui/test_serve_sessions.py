"""`nutgraf serve` sessions: capped in number and size, and never outliving their socket."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest
from sqlite_utils import Database

pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

import aiohttp

from tests.tui.serve_support import (
    PATIENCE,
    gone,
    receive_close,
    receive_until,
    stub_config,
    wait_gone,
)
from tui.serve.server import ServeConfig, running
from tui.serve.session import MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT, SessionLimits


def pid_in(output: bytes) -> int:
    match = re.search(rb"pid (\d+)", output)
    assert match is not None, output
    return int(match[1])


async def test_the_terminal_size_is_clamped(tmp_path: Path) -> None:
    async with running(stub_config(tmp_path)) as server, aiohttp.ClientSession() as client:
        url = f"ws://127.0.0.1:{server.port}/ws"
        async with client.ws_connect(f"{url}?width=20000&height=20000") as socket:
            await receive_until(socket, f"size {MAX_WIDTH}x{MAX_HEIGHT} ".encode())
            await socket.send_str(json.dumps(["resize", {"width": 99999, "height": -3}]))
            await receive_until(socket, f"resize {MAX_WIDTH}x{MIN_HEIGHT}\n".encode())
            await socket.send_str(json.dumps(["resize", {"width": 120, "height": 40}]))
            await receive_until(socket, b"resize 120x40\n")
            # Nonsense is ignored, and the session carries on.
            for junk in ("{", "[]", '["resize", 5]', '["stdin", 7]', '"stdin"'):
                await socket.send_str(junk)
            await socket.send_str(json.dumps(["resize", {"width": "wide", "height": True}]))
            await receive_until(socket, b"resize 80x24\n")
        async with client.ws_connect(f"{url}?width=lots&height=1e9") as socket:
            await receive_until(socket, b"size 80x24 ")


async def test_sessions_beyond_the_cap_are_refused_with_a_reason(tmp_path: Path) -> None:
    config = stub_config(tmp_path, max_sessions=2)
    async with running(config) as server, aiohttp.ClientSession() as client:
        base = f"http://127.0.0.1:{server.port}"
        first = await client.ws_connect(f"{base}/ws")
        second = await client.ws_connect(f"{base}/ws")
        for socket in (first, second):
            await receive_until(socket, b"size")
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(f"{base}/ws")
        assert refused.value.status == 503
        page = await client.get(f"{base}/")
        assert page.status == 503
        assert await page.text() == (
            "nutgraf serve: all 2 sessions are in use (--max-sessions 2); "
            "close one or try again later.\n"
        )
        assert server.state.sessions.started == 2  # the refused one started nothing
        await first.close()
        async with asyncio.timeout(PATIENCE):
            while server.state.sessions.full:
                await asyncio.sleep(0.05)
        async with client.ws_connect(f"{base}/ws") as third:
            await receive_until(third, b"size")
        await second.close()


@pytest.mark.parametrize("mode", ["polite", "stubborn"])
async def test_the_process_ends_with_its_socket(tmp_path: Path, mode: str) -> None:
    # stubborn ignores its closed input and SIGTERM: the server must kill it.
    async with running(stub_config(tmp_path, mode)) as server, aiohttp.ClientSession() as client:
        socket = await client.ws_connect(f"ws://127.0.0.1:{server.port}/ws")
        pid = pid_in(await receive_until(socket, b"pid"))
        assert not gone(pid)
        await socket.close()
        await asyncio.wait_for(server.state.sessions.wait_until_none(), PATIENCE)
        assert gone(pid)
        assert server.state.sessions.active == {}


async def test_stopping_the_server_ends_every_session(tmp_path: Path) -> None:
    async with aiohttp.ClientSession() as client:
        async with running(stub_config(tmp_path, "stubborn")) as server:
            socket = await client.ws_connect(f"ws://127.0.0.1:{server.port}/ws")
            pid = pid_in(await receive_until(socket, b"pid"))
        assert gone(pid)
        assert (await receive_close(socket)).type is aiohttp.WSMsgType.CLOSE


async def test_when_the_app_quits_its_socket_closes(tmp_path: Path) -> None:
    async with running(stub_config(tmp_path)) as server, aiohttp.ClientSession() as client:
        socket = await client.ws_connect(f"ws://127.0.0.1:{server.port}/ws")
        pid = pid_in(await receive_until(socket, b"pid"))
        await socket.send_str(json.dumps(["stdin", "quit"]))
        assert (await receive_close(socket)).type is aiohttp.WSMsgType.CLOSE
        await asyncio.wait_for(server.state.sessions.wait_until_none(), PATIENCE)
        await wait_gone(pid)


async def test_only_web_links_reach_the_page(tmp_path: Path) -> None:
    async with (
        running(stub_config(tmp_path)) as server,
        aiohttp.ClientSession() as client,
        client.ws_connect(f"ws://127.0.0.1:{server.port}/ws") as socket,
    ):
        await receive_until(socket, b"size")
        # window.open would run a javascript: URL in this server's origin.
        for url in ("javascript:alert(1)", "https://news.example/a"):
            await socket.send_str(json.dumps(["stdin", f"open {url}"]))
        texts: list[str] = []
        async with asyncio.timeout(PATIENCE):
            # The app asks to open the link, then echoes the input.
            while (message := await socket.receive()).type is aiohttp.WSMsgType.TEXT or (
                b"input open https" not in message.data
            ):
                if message.type is aiohttp.WSMsgType.TEXT:
                    texts.append(message.data)
        assert [json.loads(text) for text in texts] == [
            ["open_url", {"url": "https://news.example/a", "new_tab": True}]
        ]


async def test_the_real_app_runs_and_ends_with_its_socket(
    tmp_path: Path, seeded_db: Database, db_path: Path
) -> None:
    config = ServeConfig(db_path, host="127.0.0.1", port=0, limits=SessionLimits(end_grace=1))
    async with running(config) as server, aiohttp.ClientSession() as client:
        socket = await client.ws_connect(f"ws://127.0.0.1:{server.port}/ws?width=100&height=30")
        await receive_until(socket, b"Articles")  # the list pane's title: the app is up
        [session] = server.state.sessions.active.values()
        await socket.close()
        await asyncio.wait_for(server.state.sessions.wait_until_none(), PATIENCE)
        assert gone(session.pid)
