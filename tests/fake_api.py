"""A loopback HTTP server that answers like the API: each of its routes, a path with the status,
headers and body to answer with (each conformance case at /cases/N, for `serving`); and fails
as networks do: /slow/MS answers after MS milliseconds, /drop closes the connection without
answering. closed_port() gives a port nothing listens on."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Routes = dict[str, tuple[int, dict[str, str], bytes]]


def _handler(routes: Routes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.startswith("/slow/") and self.path[6:].isdigit():
                time.sleep(int(self.path[6:]) / 1000)
                self.answer(200, {}, b"{}")
            elif self.path == "/drop":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
            elif self.path in routes:
                self.answer(*routes[self.path])
            else:
                self.send_error(400, "no such route")

        def answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
            # Only the route's headers: no Date or Server of the server's own.
            self.send_response_only(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class Answering(ThreadingHTTPServer):
    """A server on 127.0.0.1 answering routes, started at once (its url known before the
    with block), stopped on leaving it."""

    def __init__(self, routes: Routes) -> None:
        super().__init__(("127.0.0.1", 0), _handler(routes))
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a connection /drop closed on purpose, or a client that gave up waiting

    def __exit__(self, *exception: object) -> None:
        self.shutdown()
        self.server_close()
        self.thread.join(timeout=10)


def answering(routes: Routes) -> Answering:
    return Answering(routes)


@contextmanager
def serving(cases: list[dict[str, Any]]) -> Iterator[str]:
    """The base URL of a server answering each conformance case at /cases/N."""
    routes: Routes = {}
    for index, case in enumerate(cases):
        headers = {**case["headers"]}
        if case["content_type"]:
            headers = {"Content-Type": f"{case['content_type']}; charset=utf-8", **headers}
        routes[f"/cases/{index}"] = (case["status"], headers, case["body"].encode("utf-8"))
    with answering(routes) as server:
        yield server.url


def closed_port() -> int:
    """A loopback port that refuses connections (bound, never listened on, while it lasts)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
