#!/usr/bin/env python3
"""A webhook receiver on 127.0.0.1 for the tests of berth watch --webhook.

    hook_receiver.py PORTFILE LOG [--fail N] [--hang]

Listens on a free loopback port (written to PORTFILE), and appends one
JSON line per POST to LOG: {"n": count, "status": answered, "body":
the body parsed as JSON, or null, "type": its Content-Type}.  The first N
POSTs are answered 500; with --hang no POST is ever answered.
"""
import http.server
import json
import os
import sys
import threading
import time

port_file, log = sys.argv[1], sys.argv[2]
fail = int(sys.argv[sys.argv.index("--fail") + 1]) if "--fail" in sys.argv else 0
hang = "--hang" in sys.argv
lock = threading.Lock()
count = 0


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        if hang:
            time.sleep(3600)
        with lock:
            count += 1
            status = 500 if count <= fail else 200
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
            with open(log, "a") as f:
                f.write(json.dumps({"n": count, "status": status, "body": body,
                                    "type": self.headers.get("Content-Type")}) + "\n")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
server.daemon_threads = True
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
