#!/usr/bin/env python3
"""Side by side, in one run: scalar reverse mode of Adjoint's engine against micrograd
0.1.0 and PyTorch CPU autograd (0-d float64 tensors, one thread) on the BENCH_WORKLOADS
chain and product graphs, and extended-graph construction against PyTorch's
`backward(create_graph=True)`. Prints a table of seconds per op node and the ratios.

Usage: python3 bench/compare.py [--sizes 1000,10000,100000,1000000] [--engine PATH]
  --engine  the engine_times binary (default: target/release-native/engine_times,
            built by scripts/bench.sh)
micrograd and torch are optional: a missing one is reported and its columns are empty.
"""

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def theta(i):
    """BENCH_WORKLOADS product leaf i: exact dyadic rationals near 1."""
    return 1.0 + ((i % 11) - 5.0) / 1024.0


# ---------------------------------------------------------------- micrograd

def micrograd_times(kind, ops, reps):
    try:
        from micrograd.engine import Value
    except ImportError:
        return None
    if not hasattr(Value, "sin"):
        def vsin(self):
            out = Value(math.sin(self.data), (self,), "sin")

            def _backward():
                self.grad += math.cos(self.data) * out.grad

            out._backward = _backward
            return out

        Value.sin = vsin

    def build():
        if kind == "chain":
            x = Value(1.0)
            y = x
            for _ in range(ops // 4):
                s = y.sin()
                p = s * y
                q = y * 0.5
                y = p + q
            return y
        xs = [Value(th(i)) for i in range(ops + 1)]
        y = xs[0]
        for v in xs[1:]:
            y = y * v
        return y

    backs = []
    for _ in range(reps):
        y = build()
        t0 = time.perf_counter()
        y.backward()
        backs.append(time.perf_counter() - t0)
        del y
    return {"backward_s": statistics.median(backs)}


# ---------------------------------------------------------------- PyTorch

def torch_times(kind, ops, reps):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    dt = torch.float64

    def build(requires=True):
        if kind == "chain":
            x = torch.tensor(1.0, dtype=dt, requires_grad=requires)
            y = x
            for _ in range(ops // 4):
                y = torch.sin(y) * y + y * 0.5
            return [x], y
        xs = [torch.tensor(th(i), dtype=dt, requires_grad=requires) for i in range(ops + 1)]
        y = xs[0]
        for v in xs[1:]:
            y = y * v
        return xs, y

    backs, creates = [], []
    # One untimed round first: the first backward pays for autograd's start-up.
    warm_xs, warm_y = build()
    torch.autograd.grad(warm_y, warm_xs, create_graph=True)
    del warm_xs, warm_y
    for _ in range(reps):
        xs, y = build()
        t0 = time.perf_counter()
        y.backward()
        backs.append(time.perf_counter() - t0)
        del xs, y
        xs, y = build()
        t0 = time.perf_counter()
        # = backward(create_graph=True), without leaving the graph in .grad (a cycle)
        torch.autograd.grad(y, xs, create_graph=True)
        creates.append(time.perf_counter() - t0)
        del xs, y
    return {"backward_s": statistics.median(backs), "create_graph_s": statistics.median(creates)}


# ---------------------------------------------------------------- ours

def engine_times(binary, specs):
    out = subprocess.run([binary, *specs], check=True, capture_output=True, text=True).stdout
    return {(r["kind"], r["ops"]): r for r in map(json.loads, out.splitlines())}


th = theta


def reps_for(ops, cap):
    return max(3 if ops < 1_000_000 else 1, min(cap, 200_000 // ops))


def fmt(s, ops):
    return "—" if s is None else f"{s / ops * 1e9:,.1f}"


def ratio(a, b):
    return "—" if a is None or b is None or b == 0 else f"{a / b:,.0f}×"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--engine", default=os.path.join(ROOT, "target", "release-native", "engine_times"))
    ap.add_argument("--json", help="also write the raw figures to this file")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    # micrograd's topological sort recurses once per node: give it room (and a big stack).
    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 30)
    gc.disable()  # as in BENCH_WORKLOADS "GC off": timings without collector pauses

    ours = engine_times(a.engine, [f"{k}:{n}" for k in ("chain", "product") for n in sizes])
    rows = []

    def work():
        for kind in ("chain", "product"):
            for n in sizes:
                mg = micrograd_times(kind, n, reps_for(n, 7))
                pt = torch_times(kind, n, reps_for(n, 7))
                gc.collect()
                rows.append((kind, n, mg, pt, ours[(kind, n)]))

    t = threading.Thread(target=work)
    t.start()
    t.join()

    print("ns per op node (medians). Like for like: ours bwd = the reverse sweep alone, given the")
    print("forward values, as the others' backward(); ours fwd+bwd adds the forward evaluation")
    print(f"{'workload':<18}{'micrograd bwd':>14}{'torch bwd':>11}{'ours bwd':>10}{'fwd+bwd':>9}{'vs mg':>8}{'vs torch':>10}"
          f"{'vs mg (fwd+bwd)':>17}{'torch create_graph':>20}{'ours extend':>13}{'vs torch':>10}")
    raw = []
    for kind, n, mg, pt, us in rows:
        mg_b = mg and mg["backward_s"]
        pt_b = pt and pt["backward_s"]
        pt_c = pt and pt["create_graph_s"]
        rev = us.get("reverse_s", us["backward_s"])
        print(f"{kind + ' ' + format(n, ','):<18}{fmt(mg_b, n):>14}{fmt(pt_b, n):>11}{fmt(rev, n):>10}"
              f"{fmt(us['backward_s'], n):>9}{ratio(mg_b, rev):>8}{ratio(pt_b, rev):>10}"
              f"{ratio(mg_b, us['backward_s']):>17}"
              f"{fmt(pt_c, n):>20}{fmt(us['extend_s'], n):>13}{ratio(pt_c, us['extend_s']):>10}")
        raw.append({"kind": kind, "ops": n, "micrograd": mg, "torch": pt, "ours": us})
    missing = []
    try:
        import micrograd  # noqa: F401
    except ImportError:
        missing.append("micrograd (pip install micrograd==0.1.0)")
    try:
        import torch  # noqa: F401
        print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s)")
    except ImportError:
        missing.append("torch (pip install torch)")
    if missing:
        print("not installed, columns left empty: " + ", ".join(missing))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(raw, f, indent=1)


if __name__ == "__main__":
    main()
