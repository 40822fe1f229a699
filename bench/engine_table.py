#!/usr/bin/env python3
"""Formats engine_times JSON lines (stdin) as a table of ns per op node."""

import json
import sys

print(f"{'workload':<18}{'build':>9}{'fwd+bwd':>9}{'extend':>9}")
for r in map(json.loads, sys.stdin):
    n = r["ops"]
    cells = "".join(f"{r[k] / n * 1e9:>9.1f}" for k in ("build_s", "backward_s", "extend_s"))
    print(f"{r['kind'] + ' ' + format(n, ','):<18}{cells}")
