#!/usr/bin/env python3
"""Serves dist/ on 127.0.0.1 like a plain static host: directory index pages, 404.html
for unknown paths, application/wasm for .wasm. Used by the README's serve command and by
the end-to-end tests.

Usage: scripts/serve.py [--port 8080] [--dir dist] [--gzip]
--gzip compresses text and wasm responses (for measuring, as a real host would).
"""
import argparse
import gzip
import http.server
import os
import socketserver
import sys
from functools import partial

COMPRESSIBLE = (".html", ".js", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt", "/")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript"}
    compress = False

    def log_message(self, format, *args):  # quiet: tests read their own output
        if os.environ.get("CASEBOOK_SERVE_LOG"):
            super().log_message(format, *args)

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, "404.html")
        if code == 404 and os.path.exists(page):
            with open(page, "rb") as file:
                body = file.read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def end_headers(self):
        # Revalidate everything: hashed files change name, the rest must not go stale.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def copyfile(self, source, outputfile):
        if not self.compress:
            return super().copyfile(source, outputfile)
        return outputfile.write(source.read())

    def send_head(self):
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--dir", default="dist")
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.dir, "index.html")):
        sys.exit(f"serve: {args.dir}/index.html not found; build first")
    Handler.compress = args.gzip
    handler = partial(Handler, directory=args.dir)
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"serving {args.dir} on http://127.0.0.1:{server.server_address[1]}/", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
