"""Who may use `nutgraf serve`: the Host and Origin it answers, and its access token."""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_.~-]{16,}")
TOKEN_RULE = "at least 16 characters, each a letter, digit or one of - _ . ~"


@dataclass(frozen=True)
class PublicUrl:
    """The URL visitors use when a proxy or tunnel stands in front of the server."""

    scheme: str  # http or https
    host: str
    port: int
    path: str  # ends with "/"

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)

    @property
    def page(self) -> str:
        return f"{self.scheme}://{_netloc(self.host, self.port, self.scheme)}{self.path}"

    @property
    def websocket(self) -> str:
        scheme = "wss" if self.scheme == "https" else "ws"
        return f"{scheme}://{_netloc(self.host, self.port, self.scheme)}{self.path}ws"


def parse_public_url(text: str) -> PublicUrl:
    """`http(s)://host[:port][/path]`, or ValueError saying what is wrong."""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise ValueError(f"not a URL: {error}") from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("give an http:// or https:// URL with a host name")
    if parts.username is not None or parts.query or parts.fragment:
        raise ValueError("give the URL without a user name, ?query or #fragment")
    default = 443 if parts.scheme == "https" else 80
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return PublicUrl(parts.scheme, _normal_host(parts.hostname), port or default, path)


def check_token(token: str) -> str:
    """The token, or ValueError when it is too weak or unfit for a URL and a cookie."""
    if not TOKEN_PATTERN.fullmatch(token):
        raise ValueError(f"the token must be {TOKEN_RULE}")
    return token


def new_token() -> str:
    return secrets.token_urlsafe(32)


def is_wildcard(host: str) -> bool:
    """True for an address meaning every interface (0.0.0.0, ::)."""
    address = _ip(host)
    return address is not None and address.is_unspecified


def is_loopback(host: str) -> bool:
    """True when every address `host` stands for is on this machine only."""
    if host.lower() == "localhost":
        return True
    address = _ip(host)
    if address is not None:
        return address.is_loopback
    try:
        found = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return False
    addresses = [_ip(str(info[4][0])) for info in found]
    return bool(addresses) and all(a is not None and a.is_loopback for a in addresses)


def needs_token(host: str, public_url: PublicUrl | None) -> bool:
    """A token is required beyond loopback, or behind a proxy or tunnel (others can reach it)."""
    return public_url is not None or not is_loopback(host)


@dataclass(frozen=True)
class AccessPolicy:
    """The Host names a request may carry, the Origin a page may have, and the token."""

    hosts: frozenset[str]
    any_ip: bool  # listening on every interface: any address of this machine is served
    public_url: PublicUrl | None
    token: str | None

    @classmethod
    def build(cls, host: str, public_url: PublicUrl | None, token: str | None) -> AccessPolicy:
        names = {_normal_host(host)}
        wildcard = is_wildcard(host)
        if wildcard:
            names = {"localhost", socket.gethostname().lower(), socket.getfqdn().lower()}
        elif is_loopback(host):
            names |= LOOPBACK_NAMES
        else:
            names |= _addresses(host)
        if public_url is not None:
            names.add(public_url.host)
        return cls(frozenset(names), wildcard, public_url, token)

    def host_allowed(self, host_header: str | None) -> bool:
        """Refuses DNS rebinding: a name this server was not started for."""
        parsed = split_host(host_header)
        if parsed is None:
            return False
        name = parsed[0]
        address = _ip(name)
        if address is not None and address.is_unspecified:
            return False  # 0.0.0.0 is where we listen, never an address to visit
        # A rebinding attack always arrives under its own domain name, so an
        # address typed by the visitor is safe once we listen on every interface.
        return name in self.hosts or (self.any_ip and address is not None)

    def origin_allowed(self, origin: str | None, host_header: str | None) -> bool:
        """Refuses cross-site requests: the page must come from this server.

        Browsers send Origin with every WebSocket handshake; a script or curl
        may leave it out, and is then judged by Host and token alone.
        """
        if origin is None:
            return True
        try:
            parts = urlsplit(origin)
            port = parts.port
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False  # "null" (a sandboxed frame, a file) among others
        default = 443 if parts.scheme == "https" else 80
        claimed = (parts.scheme, _normal_host(parts.hostname), port or default)
        if self.public_url is not None and claimed == self.public_url.origin:
            return True
        served = split_host(host_header)
        return served is not None and claimed == ("http", served[0], served[1] or 80)

    def token_matches(self, presented: str | None) -> bool:
        if self.token is None:
            return True
        if presented is None:
            return False
        return hmac.compare_digest(presented.encode(), self.token.encode())


def split_host(host_header: str | None) -> tuple[str, int | None] | None:
    """`name:port` or `[v6]:port` as (name, port), or None when malformed."""
    if not host_header:
        return None
    match = re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[^\s:/\[\]@]+)(?::(\d{1,5}))?", host_header)
    if match is None:
        return None
    port = int(match[2]) if match[2] else None
    return _normal_host(match[1]), port


def _normal_host(name: str) -> str:
    return name.strip("[]").lower().removesuffix(".")


def _netloc(host: str, port: int, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    return shown if port == default else f"{shown}:{port}"


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip("[]").split("%")[0])
    except ValueError:
        return None


def _addresses(host: str) -> set[str]:
    try:
        return {_normal_host(str(info[4][0])) for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return set()
