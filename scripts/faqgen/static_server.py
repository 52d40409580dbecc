"""Serve a built site the way deploy/nginx.conf does: gzip, cache headers, the CSP and the 404 page.

For tests and `make audit` only (single process, loopback address); production uses nginx.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from faqgen.paths import PROJECT_ROOT

SECURITY_HEADERS = PROJECT_ROOT / "deploy" / "security-headers.conf"
GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
# Files named by a hash of their content, cached for a year (the same two locations as deploy/nginx.conf).
HASHED_ASSET = re.compile(
    r"/assets/.*\.[0-9a-f]{8,}\.min\.(?:js|css)(?:\.map)?$"
    r"|/pagefind/(?:part-\d+/)?(?:index/.+\.pf_index|fragment/.+\.pf_fragment|pagefind\..+\.pf_meta"
    r"|wasm\.[0-9a-f]{10}\.pagefind)$",
    re.I,
)
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "no-cache"  # revalidate pages, sitemap and unhashed files (site.css) on every visit


def security_headers(conf: Path = SECURITY_HEADERS) -> dict[str, str]:
    """The `add_header NAME "VALUE" always;` lines of deploy/security-headers.conf (the documented setup)."""
    pairs = re.findall(r'^add_header\s+(\S+)\s+"([^"]+)"\s+always;', conf.read_text(encoding="utf-8"), re.M)
    if not pairs:
        raise ValueError(f"{conf} has no add_header lines")
    return dict(pairs)


def content_security_policy(conf: Path = SECURITY_HEADERS) -> str:
    """The Content-Security-Policy that the nginx example sends."""
    return security_headers(conf)["Content-Security-Policy"]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with nginx's behaviour: gzip, cache headers, security headers, a 404 page."""

    headers_to_send: dict[str, str] = {}
    site_prefix = "/"  # where the site lives on the server; its 404.html answers missing paths
    served: list[tuple[str, int]] | None = None  # when a list: (path, bytes sent) of each file served

    def log_message(self, *args: object) -> None:
        """Stay quiet: tests and the audit print their own results."""

    def end_headers(self) -> None:
        """Add the security and cache headers to every response, like nginx's `always`."""
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        path = self.path.split("?")[0]
        self.send_header("Cache-Control", LONG_CACHE if HASHED_ASSET.search(path) else SHORT_CACHE)
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        """Serve the file, gzipped when the client accepts it and the type is text."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            url_path = self.path.split("?")[0]
            if not url_path.endswith("/"):  # like nginx: /faq → /faq/
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        ctype = self.guess_type(str(path))
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if ctype.startswith(GZIP_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.served is not None:
            self.served.append((self.path, len(body)))
        return _BytesFile(body)

    def _not_found(self) -> _BytesFile | None:
        """The site's own 404.html with status 404, as nginx's error_page does."""
        page = Path(self.directory) / self.site_prefix.strip("/") / "404.html"
        if not self.path.startswith(self.site_prefix) or not page.is_file():
            self.send_error(404)
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _BytesFile(body)


class _BytesFile:
    """The minimal file object SimpleHTTPRequestHandler copies to the socket."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_args: object) -> bytes:
        """All remaining bytes at once, then nothing."""
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        """Forget the bytes."""
        self.data = b""


class LoopbackServer(http.server.ThreadingHTTPServer):
    """http.server's threading server with a listen queue a browser cannot overflow.

    socketserver's default queue holds 5 connections. A page that starts more at once (the search
    box asks for ten result entries together, each on a new HTTP/1.0 connection) overflowed it, and
    Linux then drops the connection attempt, which the browser retries only after a second: a one-
    second stall that `make bench` counted as search latency.
    """

    request_queue_size = 128
    daemon_threads = True


def serve(
    root: Path,
    site_prefix: str = "/",
    headers: bool = True,
    port: int = 0,
    served: list[tuple[str, int]] | None = None,
) -> tuple[LoopbackServer, str]:
    """Serve root on 127.0.0.1 (port 0: a free one) in a thread; returns the server and its origin.

    headers=False leaves out deploy/security-headers.conf (CSP and the rest). served: a list that
    receives (path with query, bytes sent) for every file served, as the browser's cache cannot hide it.
    """
    extra = security_headers() if headers else {}
    attributes = {"headers_to_send": extra, "site_prefix": site_prefix, "served": served}
    handler_class = type("Handler", (SiteHandler,), attributes)
    handler = functools.partial(handler_class, directory=str(root))
    server = LoopbackServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class _PlainQuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as they are on disk (no gzip, no extra headers), without a log line per request."""

    def log_message(self, *args: object) -> None:
        """Stay quiet."""


@contextmanager
def serving_plain(root: Path) -> Iterator[str]:
    """Serve root as plain files on a free 127.0.0.1 port while the block runs; yields the base URL.

    For the PDF step and the benchmark, which need the site's files and nothing of nginx's behaviour.
    """
    server = LoopbackServer(("127.0.0.1", 0), functools.partial(_PlainQuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
