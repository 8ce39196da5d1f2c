"""A stand-in for the nutgraf app in the serve tests: it reports its size and what it is told.

`polite` exits when its input closes; `stubborn` ignores that and SIGTERM, so
only SIGKILL ends it. It speaks the Textual web driver's protocol: a
handshake line, then packets of a type byte, a 4-byte size and a payload.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time


def send(kind: bytes, payload: bytes) -> None:
    sys.stdout.buffer.write(kind + len(payload).to_bytes(4, "big") + payload)
    sys.stdout.buffer.flush()


def say(text: str) -> None:
    send(b"D", f"{text}\n".encode())


def read_exactly(size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = sys.stdin.buffer.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def main(mode: str) -> None:
    if mode == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.stdout.buffer.write(b"__GANGLION__\n")
    say(f"size {os.environ['COLUMNS']}x{os.environ['ROWS']} pid {os.getpid()}")
    say(f"token in environment: {'NUTGRAF_SERVE_TOKEN' in os.environ}")
    while (header := read_exactly(5)) is not None:
        payload = read_exactly(int.from_bytes(header[1:], "big")) or b""
        if header[:1] == b"M":
            meta = json.loads(payload)
            if meta["type"] == "resize":
                say(f"resize {meta['width']}x{meta['height']}")
            continue
        text = payload.decode()
        if text == "quit":
            send(b"M", json.dumps({"type": "exit"}).encode())
            return
        if text.startswith("open "):
            url = text.removeprefix("open ")
            send(b"M", json.dumps({"type": "open_url", "url": url, "new_tab": True}).encode())
        say(f"input {text}")
    while mode == "stubborn":
        time.sleep(1)


if __name__ == "__main__":
    main(sys.argv[1])
