#!/usr/bin/env python3
"""Merges `docker logs -t` outputs in time order, as `berth logs` and the
logs pane must: by the engine's timestamp in nanoseconds, then in the
order the containers are given, each container's own order kept.

  logs_merge.py [--pad] NAME=FILE...   prints "NAME | TS TEXT" lines
"""
import sys
from datetime import datetime, timezone


def ns(ts):
    head, frac = (ts[:-1].split(".") + ["0"])[:2]
    s = datetime.strptime(head, "%Y-%m-%dT%H:%M:%S")
    s = s.replace(tzinfo=timezone.utc)
    return int(s.timestamp()) * 10**9 + int((frac + "000000000")[:9])


def main(args):
    pad = args[:1] == ["--pad"]
    pairs = [a.split("=", 1) for a in args[pad:]]
    width = max(len(n) for n, _ in pairs) if pad else 0
    rows = []
    for i, (name, path) in enumerate(pairs):
        with open(path) as f:
            for k, line in enumerate(f.read().splitlines()):
                ts, text = line.split(" ", 1)
                rows.append((ns(ts), i, k, name, ts, text))
    for r in sorted(rows):
        print(f"{r[3]:<{width}} | {r[4]} {r[5]}")


main(sys.argv[1:])
