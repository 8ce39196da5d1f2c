"""The `nutgraf serve` command: its options, its mistakes, and a real server from start to stop."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

import aiohttp

from tests.tui.serve_support import PATIENCE, gone, receive_until, wait_gone
from tui.cli import main
from tui.serve.server import ServeConfig, banner
from tui.serve.session import DEFAULT_MAX_SESSIONS

TOKEN = "a-token-for-the-tests-0123456789"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["serve", *args], env=env)
    return result.exit_code, result.stderr


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[ServeConfig]:
    """The configurations the command would serve, without serving."""
    configs: list[ServeConfig] = []
    monkeypatch.setattr("tui.serve.server.run_server", lambda config, out: configs.append(config))
    monkeypatch.delenv("NUTGRAF_SERVE_TOKEN", raising=False)
    return configs


def test_on_loopback_no_token_is_needed(
    seeded_db: Database, db_path: Path, started: list[ServeConfig]
) -> None:
    assert run("--db", str(db_path), "--port", "8123")[0] == 0
    [config] = started
    assert (config.host, config.port, config.token) == ("localhost", 8123, None)
    assert config.limits.max_sessions == DEFAULT_MAX_SESSIONS
    assert config.app_command[1:] == ("-m", "tui.serve.app_process", str(db_path.resolve()))


def test_beyond_loopback_a_random_token_is_made(
    seeded_db: Database, db_path: Path, started: list[ServeConfig]
) -> None:
    run("--db", str(db_path), "--host", "0.0.0.0")
    run("--db", str(db_path), "--host", "0.0.0.0")
    run("--db", str(db_path), "--public-url", "https://news.example/nutgraf/")
    tokens = [config.token for config in started]
    assert all(token is not None and len(token) >= 40 for token in tokens)
    assert len(set(tokens)) == 3


def test_a_token_from_the_environment_or_the_option(
    seeded_db: Database, db_path: Path, started: list[ServeConfig]
) -> None:
    run("--db", str(db_path), "--host", "0.0.0.0", env={"NUTGRAF_SERVE_TOKEN": TOKEN})
    run("--db", str(db_path), "--token", TOKEN, "--max-sessions", "9")
    assert [config.token for config in started] == [TOKEN, TOKEN]
    assert started[1].limits.max_sessions == 9


def test_on_every_interface_the_banner_gives_real_addresses_with_the_token(
    tmp_path: Path,
) -> None:
    config = ServeConfig(tmp_path / "news.db", host="0.0.0.0", port=8000, token=TOKEN)
    lines = banner(config, 8000)
    urls = [line.strip() for line in lines if line.startswith("    http")]
    assert urls == [
        f"http://{socket.gethostname()}:8000/?token={TOKEN}",
        f"http://127.0.0.1:8000/?token={TOKEN}",
    ]
    assert not [line for line in lines if "0.0.0.0" in line]
    assert lines[-1].startswith("At most 4 sessions at once, each at most 500×200 cells.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "70000"], "Invalid value for '--port'"),
        (["--max-sessions", "0"], "Invalid value for '--max-sessions'"),
        (["--token", "short"], "Invalid value for --token: the token must be at least 16"),
        (["--public-url", "news.example"], "Invalid value for --public-url: give an http://"),
    ],
)
def test_mistakes_in_options_exit_2(
    seeded_db: Database, db_path: Path, args: list[str], message: str
) -> None:
    code, err = run("--db", str(db_path), *args)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_a_missing_database_exits_1(tmp_path: Path) -> None:
    code, err = run("--db", str(tmp_path / "none.db"))
    assert code == 1 and "no such database" in err


def test_without_the_serve_extra_the_message_names_it(
    seeded_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "textual_serve" else real(name)
    )
    code, err = run("--db", str(db_path))
    assert code == 1
    assert err == "Error: nutgraf serve needs the serve extra: pip install '.[serve]'\n"


def test_a_port_in_use_is_a_clear_error(seeded_db: Database, db_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, err = run("--db", str(db_path), "--host", "127.0.0.1", "--port", str(port))
    assert code == 1
    assert err == f"Error: cannot listen on 127.0.0.1:{port}: address already in use\n"


def test_an_unknown_host_is_a_clear_error(seeded_db: Database, db_path: Path) -> None:
    code, err = run("--db", str(db_path), "--host", "no-such-host.invalid", "--port", "0")
    assert code == 1
    assert err.startswith("Error: cannot listen on no-such-host.invalid:0: unknown host")


async def start_server(db_path: Path, *args: str) -> tuple[asyncio.subprocess.Process, str]:
    """`nutgraf serve` in its own process, and the URL it printed."""
    server = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "tui.cli", "serve", "--db", str(db_path)),
        *("--host", "127.0.0.1", "--port", "0", *args),
        stderr=asyncio.subprocess.PIPE,
    )
    assert server.stderr is not None
    async with asyncio.timeout(PATIENCE):
        while not (line := (await server.stderr.readline()).decode()).startswith("    http"):
            assert line, "the server stopped before printing its URL"
    return server, line.strip()


async def next_session_pid(server: asyncio.subprocess.Process) -> int:
    """The pid the server logs for the next session it starts."""
    assert server.stderr is not None
    async with asyncio.timeout(PATIENCE):
        while True:
            line = (await server.stderr.readline()).decode()
            assert line, "the server stopped"
            if found := re.search(r"session \d+ started \(pid (\d+)\)", line):
                return int(found[1])


async def open_session(
    client: aiohttp.ClientSession, url: str, server: asyncio.subprocess.Process
) -> tuple[aiohttp.ClientWebSocketResponse, int]:
    port = re.search(r":(\d+)/", url)
    assert port is not None
    socket = await client.ws_connect(f"ws://127.0.0.1:{port[1]}/ws?token={TOKEN}")
    await receive_until(socket, b"Articles")
    return socket, await next_session_pid(server)


async def test_ctrl_c_stops_the_server_and_its_sessions(seeded_db: Database, db_path: Path) -> None:
    server, url = await start_server(db_path, "--token", TOKEN)
    try:
        assert url.endswith(f"/?token={TOKEN}")
        async with aiohttp.ClientSession() as client:
            _, pid = await open_session(client, url, server)
            server.send_signal(signal.SIGINT)
            async with asyncio.timeout(PATIENCE):
                assert await server.wait() == 0
        assert gone(pid)
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()


async def test_a_killed_server_leaves_no_session_behind(seeded_db: Database, db_path: Path) -> None:
    server, url = await start_server(db_path, "--token", TOKEN)
    try:
        async with aiohttp.ClientSession() as client:
            _, pid = await open_session(client, url, server)
            # No chance to clean up: the session's lifeline pipe closes with the server.
            os.kill(server.pid, signal.SIGKILL)
            await server.wait()
            await wait_gone(pid)
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()
