"""A tiny static server for the demo website: `python -m demo.serve --port 8700 --dir demo/site`.

The site's sitemap.xml and robots.txt name the URL the product publishes it at
(`PUBLISHED_BASE_URL`); served here, they are rewritten to this server's own address so that
a sitemap crawl of the local copy stays on it.
"""

from __future__ import annotations

import argparse
import functools
import logging
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PUBLISHED_BASE_URL = "http://localhost:3000/demo-site/"
REWRITTEN = {"/sitemap.xml", "/robots.txt"}
logger = logging.getLogger(__name__)


class DemoSiteHandler(SimpleHTTPRequestHandler):
    """Static files, with the published base URL in the sitemap and robots.txt made local."""

    def do_GET(self) -> None:  # noqa: N802 - the http.server method name
        path = self.path.split("?", 1)[0]
        if path not in REWRITTEN:
            super().do_GET()
            return
        file = Path(self.directory) / path.lstrip("/")
        if not file.is_file():
            self.send_error(404, "Not Found")
            return
        host = self.headers.get("Host") or f"127.0.0.1:{self.server.server_address[1]}"
        body = file.read_text(encoding="utf-8").replace(PUBLISHED_BASE_URL, f"http://{host}/")
        data = body.encode()
        self.send_response(200)
        kind = "application/xml" if path.endswith(".xml") else "text/plain"
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        logger.debug("%s " + format, self.address_string(), *args)


def make_server(directory: Path, port: int = 0, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """A server for `directory` (port 0 picks a free port: see `server.server_address`)."""
    handler = functools.partial(DemoSiteHandler, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


def serve_in_background(directory: Path, port: int = 0) -> ThreadingHTTPServer:
    """Start serving in a daemon thread; call `.shutdown()` to stop."""
    server = make_server(directory, port)
    threading.Thread(target=server.serve_forever, name="demo-site", daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> None:
    """Serve the folder until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m demo.serve", description=__doc__)
    parser.add_argument("--port", type=int, default=8700)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--dir", type=Path, default=Path(__file__).parent / "site")
    args = parser.parse_args(argv)
    server = make_server(args.dir, args.port, args.host)
    print(f"serving {args.dir} at http://{args.host}:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
