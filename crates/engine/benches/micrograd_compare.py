"""Times micrograd 0.1.0 on the chain (N=1000) and product (n=900) workloads of
BENCH_WORKLOADS.md, to compare with `cargo bench -p adjoint-engine --bench workloads --
compare` run in the same session. Both sizes stay under micrograd's recursion limit.

Usage: pip install micrograd==0.1.0 && python3 crates/engine/benches/micrograd_compare.py

micrograd has no sin; `sin` below adds it in micrograd's own style (a Value whose
_backward closure applies the chain rule), as the reference measurements did. The
constant 0.5 of `scale(y, 0.5)` becomes a constant leaf and a mul, as in micrograd.
Prints the median over repetitions of forward (graph build) and backward per op.
"""

import gc
import math
import statistics
import sys
import time

from micrograd.engine import Value


def sin(v):
    out = Value(math.sin(v.data), (v,), "sin")

    def _backward():
        v.grad += math.cos(v.data) * out.grad

    out._backward = _backward
    return out


def chain(n, x0=1.0):
    x = Value(x0)
    y = x
    for _ in range(n // 4):
        s = sin(y)
        p = s * y
        q = y * 0.5
        y = p + q
    return x, [x], y


def product(n):
    thetas = [Value(1 + ((i % 11) - 5) / 1024) for i in range(n)]
    f = thetas[0]
    for t in thetas[1:]:
        f = f * t
    return thetas[0], thetas, f


def measure(name, build, size, ops, reps):
    fwd, bwd = [], []
    for _ in range(reps):
        t0 = time.perf_counter()
        _, leaves, out = build(size)
        t1 = time.perf_counter()
        out.backward()
        t2 = time.perf_counter()
        fwd.append(t1 - t0)
        bwd.append(t2 - t1)
    f, b = statistics.median(fwd), statistics.median(bwd)
    print(
        f"{name} size={size} ops={ops}: backward {b / ops * 1e9:.1f} ns/op, "
        f"forward {f / ops * 1e9:.1f} ns/op, total {(f + b) / ops * 1e9:.1f} ns/op "
        f"(median of {reps}); y={out.data!r} grad[0]={leaves[0].grad!r} "
        f"fsum(grad)={math.fsum(l.grad for l in leaves)!r}"
    )


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(f"python {sys.version.split()[0]}, micrograd 0.1.0")
    for label, gc_on in (("GC on", True), ("GC off", False)):
        print(f"-- {label}")
        if gc_on:
            gc.enable()
        else:
            gc.collect()
            gc.disable()
        measure("chain", chain, 1000, 1000, reps)
        measure("product", product, 900, 899, reps)
    gc.enable()


if __name__ == "__main__":
    main()
