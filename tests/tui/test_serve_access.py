"""`nutgraf serve` answers only its own host names, its own pages and, when required, its token."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

import aiohttp

from tests.tui.serve_support import receive_until, stub_config
from tui.serve.access import (
    AccessPolicy,
    check_token,
    needs_token,
    parse_public_url,
)
from tui.serve.server import running

TOKEN = "a-token-for-the-tests-0123456789"


def test_a_loopback_server_answers_only_loopback_names() -> None:
    policy = AccessPolicy.build("127.0.0.1", None, None)
    for host in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"):
        assert policy.host_allowed(host), host
    # DNS rebinding arrives under the attacker's own name.
    assert not policy.host_allowed(None)
    for host in ("evil.example:8000", "127.0.0.1.evil.example", "0.0.0.0:8000", ""):
        assert not policy.host_allowed(host), host
    for host in ("localhost:8000/x", "a b", "user@localhost", "[::1"):
        assert not policy.host_allowed(host), host


def test_a_server_on_every_interface_answers_its_addresses_and_names() -> None:
    policy = AccessPolicy.build("0.0.0.0", None, TOKEN)
    assert policy.host_allowed("192.168.1.20:8000")
    assert policy.host_allowed("localhost:8000")
    assert not policy.host_allowed("evil.example:8000")
    # Where it listens is not an address to visit.
    assert not policy.host_allowed("0.0.0.0:8000")
    assert not policy.host_allowed("[::]:8000")


def test_the_public_url_host_is_served() -> None:
    public = parse_public_url("https://news.example/nutgraf")
    policy = AccessPolicy.build("127.0.0.1", public, TOKEN)
    assert policy.host_allowed("news.example")
    assert policy.origin_allowed("https://news.example", "127.0.0.1:8000")
    assert not policy.origin_allowed("http://news.example", "127.0.0.1:8000")
    assert public.websocket == "wss://news.example/nutgraf/ws"
    assert parse_public_url("http://[::1]:9000").websocket == "ws://[::1]:9000/ws"


def test_only_pages_of_this_server_may_open_sessions() -> None:
    policy = AccessPolicy.build("127.0.0.1", None, None)
    host = "127.0.0.1:8000"
    assert policy.origin_allowed("http://127.0.0.1:8000", host)
    assert policy.origin_allowed(None, host)  # a script, not a browser
    for origin in (
        "http://evil.example",
        "http://127.0.0.1:8001",  # another local service
        "http://localhost:8000",  # same machine, another origin
        "https://127.0.0.1:8000",
        "null",  # a sandboxed frame or a local file
        "http://127.0.0.1:99999",
    ):
        assert not policy.origin_allowed(origin, host), origin


def test_a_token_is_needed_beyond_loopback_or_behind_a_proxy() -> None:
    assert not needs_token("localhost", None)
    assert not needs_token("127.0.0.1", None)
    assert not needs_token("::1", None)
    assert needs_token("0.0.0.0", None)
    assert needs_token("::", None)
    assert needs_token("192.168.1.20", None)
    assert needs_token("localhost", parse_public_url("https://news.example/"))


def test_tokens_and_public_urls_are_checked() -> None:
    assert check_token(TOKEN) == TOKEN
    for weak in ("short", "x" * 15, "has space in it 123", "semi;colon;0123456789"):
        with pytest.raises(ValueError, match="at least 16 characters"):
            check_token(weak)
    for bad in ("news.example", "ftp://news.example/", "https://u@news.example/", "http://x/?a=1"):
        with pytest.raises(ValueError):
            parse_public_url(bad)


async def test_a_rebinding_host_is_refused_before_any_process(tmp_path: Path) -> None:
    async with running(stub_config(tmp_path)) as server, aiohttp.ClientSession() as client:
        base = f"http://127.0.0.1:{server.port}"
        evil = {"Host": f"evil.example:{server.port}"}
        page = await client.get(f"{base}/", headers=evil)
        assert page.status == 403
        assert "does not answer to Host 'evil.example:" in await page.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(f"{base}/ws", headers=evil)
        assert refused.value.status == 403
        assert server.state.sessions.started == 0


async def test_a_cross_site_page_is_refused_before_any_process(tmp_path: Path) -> None:
    async with running(stub_config(tmp_path)) as server, aiohttp.ClientSession() as client:
        url = f"ws://127.0.0.1:{server.port}/ws"
        for origin in ("http://evil.example", "null", f"http://localhost:{server.port}"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(url, headers={"Origin": origin})
            assert refused.value.status == 403
        assert server.state.sessions.started == 0
        own = {"Origin": f"http://127.0.0.1:{server.port}"}
        async with client.ws_connect(url, headers=own) as socket:
            await receive_until(socket, b"size 80x24")
        assert server.state.sessions.started == 1


async def test_without_the_token_nothing_is_served(tmp_path: Path) -> None:
    config = dataclasses.replace(stub_config(tmp_path), token=TOKEN)
    async with running(config) as server, aiohttp.ClientSession() as client:
        base = f"http://127.0.0.1:{server.port}"
        for path in ("/", "/?token=wrong-token-0123456789", "/static/js/textual.js"):
            response = await client.get(f"{base}{path}")
            assert response.status == 403, path
            assert "needs its access token" in await response.text()
        for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"{base}/ws", headers=headers)
            assert refused.value.status == 403
        assert server.state.sessions.started == 0


async def test_the_token_url_sets_a_strict_cookie_then_the_page_works(tmp_path: Path) -> None:
    config = dataclasses.replace(stub_config(tmp_path), token=TOKEN)
    # unsafe: aiohttp's cookie jar otherwise ignores cookies from IP addresses.
    jar = aiohttp.CookieJar(unsafe=True)
    async with running(config) as server, aiohttp.ClientSession(cookie_jar=jar) as client:
        base = f"http://127.0.0.1:{server.port}"
        first = await client.get(f"{base}/?token={TOKEN}&fontsize=20", allow_redirects=False)
        assert first.status == 303
        assert first.headers["Location"] == "./?fontsize=20"  # the token leaves the address bar
        cookie = first.headers["Set-Cookie"]
        assert cookie.startswith(f"{config.cookie_name}={TOKEN};")
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        page = await client.get(f"{base}/?fontsize=20")  # the cookie jar holds the token now
        assert page.status == 200
        assert 'data-font-size="20"' in await page.text()
        assert page.headers["X-Frame-Options"] == "DENY"
        async with client.ws_connect(f"{base}/ws") as socket:
            # The app never sees the token.
            await receive_until(socket, b"token in environment: False")
        # A link with a wrong token is refused, and cannot replace the good cookie.
        wrong = await client.get(f"{base}/?token=wrong-token-0123456789", allow_redirects=False)
        assert wrong.status == 403 and "Set-Cookie" not in wrong.headers
        assert (await client.get(f"{base}/")).status == 200


async def test_scripts_may_present_the_token_in_the_url_or_a_header(tmp_path: Path) -> None:
    config = dataclasses.replace(stub_config(tmp_path), token=TOKEN)
    async with running(config) as server, aiohttp.ClientSession() as client:
        url = f"ws://127.0.0.1:{server.port}/ws"
        async with client.ws_connect(f"{url}?token={TOKEN}") as socket:
            await receive_until(socket, b"size")
        async with client.ws_connect(url, headers={"Authorization": f"token {TOKEN}"}) as socket:
            await receive_until(socket, b"size")


async def test_on_every_interface_the_page_points_where_the_visitor_came_from(
    tmp_path: Path,
) -> None:
    # Configured for 0.0.0.0, listening on loopback only for the test.
    config = dataclasses.replace(stub_config(tmp_path), host="0.0.0.0", token=TOKEN)
    async with (
        running(config, bind_host="127.0.0.1") as server,
        aiohttp.ClientSession(headers={"Authorization": f"Bearer {TOKEN}"}) as client,
    ):
        base = f"http://127.0.0.1:{server.port}"
        page = await (await client.get(f"{base}/")).text()
        assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws"' in page
        assert "0.0.0.0" not in page
        response = await client.get(f"{base}/", headers={"Host": f"0.0.0.0:{server.port}"})
        assert response.status == 403


async def test_behind_a_proxy_the_page_points_at_the_public_url(tmp_path: Path) -> None:
    public = parse_public_url("https://news.example/nutgraf/")
    config = dataclasses.replace(stub_config(tmp_path), public_url=public, token=TOKEN)
    async with running(config) as server, aiohttp.ClientSession() as client:
        base = f"http://127.0.0.1:{server.port}"
        # A proxy that passes the visitor's Host and Origin through.
        headers = {"Host": "news.example", "Authorization": f"Bearer {TOKEN}"}
        page = await (await client.get(f"{base}/", headers=headers)).text()
        assert 'data-session-websocket-url="wss://news.example/nutgraf/ws"' in page
        headers["Origin"] = "https://news.example"
        async with client.ws_connect(f"{base}/ws", headers=headers) as socket:
            await receive_until(socket, b"size")
        # The cookie is Secure when the visitor came over https, by the public name.
        for host, secure in (("news.example", True), (f"127.0.0.1:{server.port}", False)):
            first = await client.get(
                f"{base}/?token={TOKEN}", headers={"Host": host}, allow_redirects=False
            )
            assert first.status == 303
            assert ("; Secure" in first.headers["Set-Cookie"]) is secure


async def test_every_file_the_page_loads_is_served(tmp_path: Path) -> None:
    # The browser side comes from textual-serve: a release that moves its
    # files breaks the page, and this test.
    async with running(stub_config(tmp_path)) as server, aiohttp.ClientSession() as client:
        base = f"http://127.0.0.1:{server.port}"
        page = await (await client.get(f"{base}/")).text()
        files = re.findall(r'(?:href|src)="(static/[^"]+)"', page)
        fonts = re.findall(r'url\("(static/[^"]+)"\)', page)
        assert len(files) == 2 and len(fonts) == 2
        for path in files + fonts:
            response = await client.get(f"{base}/{path}")
            assert response.status == 200, path
        # Nothing comes from another site.
        assert not re.search(r"(?:href|src)=\"(?:https?:)?//", page)
        assert (await client.get(f"{base}/static/")).status in (403, 404)
