"""A loopback HTTP server that answers like the API: each conformance case at /cases/N; and
fails as networks do: /slow/MS answers after MS milliseconds, /drop closes the connection
without answering. closed_port() gives a port nothing listens on."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def _handler(cases: list[dict[str, Any]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.startswith("/slow/") and self.path[6:].isdigit():
                time.sleep(int(self.path[6:]) / 1000)
                self.send_response_only(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")
                return
            if self.path == "/drop":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            prefix = "/cases/"
            index = self.path[len(prefix) :] if self.path.startswith(prefix) else ""
            if not index.isdigit() or int(index) >= len(cases):
                self.send_error(400, "no such case")
                return
            case = cases[int(index)]
            body = case["body"].encode("utf-8")
            self.send_response(case["status"])
            if case["content_type"]:
                self.send_header("Content-Type", f"{case['content_type']}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in case["headers"].items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def send_response(self, code: int, message: str | None = None) -> None:
            # Only the case's headers: no Date or Server of the server's own.
            self.send_response_only(code, message)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a connection /drop closed on purpose, or a client that gave up waiting


@contextmanager
def serving(cases: list[dict[str, Any]]) -> Iterator[str]:
    """The base URL of a server on 127.0.0.1 answering the cases, stopped on exit."""
    server = QuietServer(("127.0.0.1", 0), _handler(cases))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def closed_port() -> int:
    """A loopback port that refuses connections (bound, never listened on, while it lasts)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class Answering:
    """A loopback server answering each path of routes with its (status, headers, body),
    started at once (url is known before the with block); stopped on leaving it."""

    def __init__(self, routes: dict[str, tuple[int, dict[str, str], bytes]]) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                found = routes.get(self.path)
                if found is None:
                    self.send_error(400, "no such answer")
                    return
                status, headers, body = found
                self.send_response_only(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def __enter__(self) -> Answering:
        return self

    def __exit__(self, *exception: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


def answering(routes: dict[str, tuple[int, dict[str, str], bytes]]) -> Answering:
    return Answering(routes)
