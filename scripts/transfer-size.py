#!/usr/bin/env python3
"""What the built app costs to download, gzip -9 per file (a benchmark aid and the `size`
stage of scripts/test.sh).

  first load  what the page fetches before the app runs: every file index.html names
              (stylesheets, the init script, the wasm-bindgen glue and its preloaded
              snippets, the wasm). This is issue #5's "transfer size".
  on demand   the tensor lab (web/lab), fetched on the first tensor program, and the
              Chinese strings (zh-<hash>.txt), fetched only when Chinese is wanted.
  other       adjoint-widget.js (host pages only) and sw.js (registered after load).

Usage: scripts/transfer-size.py DIST [--first-load-budget BYTES] [--total-budget BYTES]
Exits 1 when a budget is exceeded.
"""

import argparse
import gzip
import os
import re
import sys


def gz(path):
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), compresslevel=9, mtime=0))


def named_by_page(dist):
    """Files under DIST that index.html names in href/src (quoted or not: minified)."""
    with open(os.path.join(dist, "index.html"), encoding="utf-8") as f:
        html = f.read()
    found = []
    for m in re.finditer(r"""\b(?:href|src)=(?:"([^"#?]+)"|'([^'#?]+)'|([^\s>"'#?]+))""", html):
        rel = os.path.normpath(m.group(1) or m.group(2) or m.group(3))
        if os.path.isfile(os.path.join(dist, rel)) and rel not in found:
            found.append(rel)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dist")
    ap.add_argument("--first-load-budget", type=int)
    ap.add_argument("--total-budget", type=int)
    args = ap.parse_args()
    dist = args.dist

    first = [f for f in named_by_page(dist) if not f.endswith((".svg", ".ico", ".png"))]
    everything = sorted(
        os.path.relpath(os.path.join(root, f), dist)
        for root, _, files in os.walk(dist)
        for f in files
        if f.endswith((".wasm", ".js", ".css", ".txt"))
    )
    lazy = [f for f in everything if f.startswith("adjoint-web-lab-") or re.fullmatch(r"zh-[0-9a-f]{16}\.txt", f)]
    other = [f for f in everything if f not in first and f not in lazy]

    sums = {}
    for title, files in (("first load", first), ("on demand", lazy), ("other", other)):
        total = 0
        print(f"{title}:")
        for f in files:
            size = gz(os.path.join(dist, f))
            total += size
            print(f"  {size:>9,}  {f}")
        print(f"  {total:>9,}  total {title}")
        sums[title] = total
    grand = sum(sums.values())
    print(f"all files: {grand:,} bytes gzip -9")

    failed = False
    if args.first_load_budget is not None:
        ok = sums["first load"] <= args.first_load_budget
        print(f"first load {sums['first load']:,} / budget {args.first_load_budget:,}: {'ok' if ok else 'OVER'}")
        failed |= not ok
    if args.total_budget is not None:
        ok = grand <= args.total_budget
        print(f"all files {grand:,} / budget {args.total_budget:,}: {'ok' if ok else 'OVER'}")
        failed |= not ok
    if failed:
        print("scripts/wasm-size.sh shows where the bytes went")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
