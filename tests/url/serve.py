#!/usr/bin/env python3
"""serve.py DIR PORTFILE LOG - a test HTTP server on 127.0.0.1 for the url section of tests/run-tests.sh.

Serves the files of DIR with HEAD, GET and single byte ranges (Range: bytes=A-B, A-), as htslib's libcurl
reader asks for them, writes its port to PORTFILE once listening, and appends one line per request to LOG:
"<path> <first byte> <bytes sent>", counting only bytes the socket accepted, so that the test can say how
much of each file a run fetched.  Runs until killed.  Test tool only.
"""
import http.server
import os
import re
import socket
import sys
import threading

ROOT, PORTFILE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        # a small send buffer: bytes counted as sent are then close to the bytes the client read (the
        # kernel's default grows to megabytes on loopback and would count a whole small file)
        self.request.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16384)
        super().setup()

    def log_message(self, *args):
        pass

    def _file(self):
        name = os.path.basename(self.path.split("?")[0])
        path = os.path.join(ROOT, name)
        return (name, path) if name and os.path.isfile(path) else (name, None)

    def _range(self, size):
        m = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        if not m:
            return None
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else size - 1
        return (a, min(b, size - 1)) if a < size else (size, size - 1)

    def _head(self, send_body):
        name, path = self._file()
        if path is None:
            self.send_error(404)
            return
        size = os.path.getsize(path)
        rng = self._range(size)
        a, b = rng if rng else (0, size - 1)
        if rng and a >= size:
            self.send_response(416)
            self.send_header("Content-Range", "bytes */%d" % size)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(206 if rng else 200)
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(b - a + 1))
        if rng:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (a, b, size))
        self.end_headers()
        if not send_body:
            return
        sent = 0
        try:
            with open(path, "rb") as f:
                f.seek(a)
                left = b - a + 1
                while left > 0:
                    chunk = f.read(min(4096, left))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    sent += len(chunk)
                    left -= len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with lock, open(LOG, "a") as log:
                log.write("%s %d %d\n" % (name, a, sent))

    def do_HEAD(self):
        self._head(False)

    def do_GET(self):
        self._head(True)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
