#!/usr/bin/env python3
"""berth's house rules, checked from the sources' own #include lines
(like curl's checksrc): which folder may include which, and no circle
between folders or between files.

    scripts/layers.py [--debt FILE] [ROOT]

A forbidden include is reported as FILE:LINE with the rule it breaks;
exit status 1.  scripts/layers.debt lists the edges and circles that are
known and still to be removed: each must still exist (a fixed one must
leave the list), and nothing else may be added.
"""
import os
import re
import sys

# Dependencies point down and never back: cli -> views -> model -> ops
# -> posture -> api; tui (the terminal) is used by views only and uses
# nothing but itself.  A folder may include any folder below it.
ALLOWED = {
    "api": {"api"},
    "posture": {"posture", "api"},
    "ops": {"ops", "posture", "api"},
    "model": {"model", "ops", "posture", "api"},
    "tui": {"tui"},
    "views": {"views", "tui", "model", "ops", "posture", "api"},
    "cli": {"cli", "views", "model", "ops", "posture", "api"},
}
SOURCE_DIRS = sorted(ALLOWED)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/([A-Za-z0-9_.]+)"')


def sources(root):
    for d in SOURCE_DIRS:
        path = os.path.join(root, d)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith((".c", ".h")):
                yield d, name


def includes(root, folder, name):
    with open(os.path.join(root, folder, name), encoding="utf-8",
              errors="replace") as f:
        for n, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield n, m.group(1), m.group(2)


def module(folder, name):
    """A .c, its .h and its private X_impl.h (the state its own files
    share, never included from outside the folder) are one module."""
    base = os.path.splitext(name)[0]
    if name.endswith("_impl.h"):
        base = base[: -len("_impl")]
    return folder + "/" + base


def cycles(graph):
    """Every elementary circle, each once, as a sorted tuple of nodes
    (strongly connected components of more than one node, or a node
    with an edge to itself)."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph.get(v, ()):
                out.append(tuple(sorted(comp)))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def read_debt(path):
    edges, circles = set(), set()
    if not path or not os.path.exists(path):
        return edges, circles
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            words = line.split()
            if words[0] == "include" and len(words) == 3:
                edges.add((words[1], words[2]))
            elif words[0] == "circle" and len(words) >= 3:
                circles.add(tuple(sorted(words[1:])))
            else:
                sys.exit("layers: %s: cannot read line: %s" % (path, line))
    return edges, circles


def main(argv):
    debt_path = None
    args = argv[1:]
    if len(args) >= 2 and args[0] == "--debt":
        debt_path = args[1]
        args = args[2:]
    root = args[0] if args else "."
    debt_edges, debt_circles = read_debt(debt_path)
    problems, seen_edges = [], set()
    files = {}
    mods, folders = {}, {}
    for folder, name in sources(root):
        files.setdefault(module(folder, name), []).append(name)
    for folder, name in sources(root):
        src = module(folder, name)
        for line, to_dir, to_name in includes(root, folder, name):
            dst = module(to_dir, to_name)
            if dst != src:
                mods.setdefault(src, set()).add(dst)
            if to_name.endswith("_impl.h") and to_dir != folder:
                problems.append("%s/%s:%d: %s/%s is private to %s/" % (
                    folder, name, line, to_dir, to_name, to_dir))
            if to_dir != folder:
                folders.setdefault(folder, set()).add(to_dir)
            if to_dir in ALLOWED.get(folder, set()):
                continue
            edge = (folder + "/" + name, to_dir + "/" + to_name)
            if edge in debt_edges:
                seen_edges.add(edge)
                continue
            problems.append("%s/%s:%d: %s/ may not include %s/ (%s)" % (
                folder, name, line, folder, to_dir, to_dir + "/" + to_name))
    file_circles = set(cycles(mods))
    for c in sorted(file_circles - debt_circles):
        problems.append("circle between files: %s" % " <-> ".join(c))
    for c in sorted(cycles(folders)):
        problems.append("circle between folders: %s" % " <-> ".join(c))
    for e in sorted(debt_edges - seen_edges):
        problems.append("%s: include %s %s is gone: take it off the list"
                        % (debt_path, e[0], e[1]))
    for c in sorted(debt_circles - file_circles):
        problems.append("%s: circle %s is gone: take it off the list"
                        % (debt_path, " ".join(c)))
    for p in problems:
        print(p)
    n_debt = len(debt_edges) + len(debt_circles)
    if problems:
        print("layers: %d problem(s)" % len(problems))
        return 1
    print("layers: clean (%d modules; %d known debts left in %s)" % (
        len(files), n_debt, debt_path or "no list"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
