#!/usr/bin/env python3
"""Forward + backward of the tensor engine's workloads vs NumPy (hand-written
backward) and PyTorch CPU autograd (if importable), timed in one run with ratios.

Same programs and the same inputs: they come from the Rust timing example
(`tensor_timing inputs mlp|chain`), which also times the Rust engine
(`tensor_timing time`). The gradients with respect to X are cross-checked.

    CARGO_TARGET_DIR=/work/target-tensor python3 bench/tensor_numpy.py

CPU time per iteration on all sides (the machine may be shared). Single-threaded on
all sides (the Rust engine is): OMP/MKL/OpenBLAS threads and
torch.set_num_threads are set to 1.
"""
import json
import os
import subprocess
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402

try:
    import torch  # noqa: E402

    torch.set_num_threads(1)
except ImportError:  # PyTorch is optional
    torch = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
EXE = os.path.join(TARGET, "release-native", "examples", "tensor_timing")


def build():
    subprocess.run(
        ["cargo", "build", "--profile", "release-native", "-p", "adjoint-tensor",
         "--example", "tensor_timing"],
        cwd=ROOT, check=True, env=dict(os.environ, CARGO_TARGET_DIR=TARGET),
    )


def workload(name):
    out = subprocess.run([EXE, "inputs", name], check=True, capture_output=True, text=True)
    w = json.loads(out.stdout)
    return {k: np.array(v, dtype=np.float64) for k, v in w["inputs"].items()}


def per_call(f, seconds=1.0):
    """Mean CPU seconds per call after a warm-up, over about `seconds` of CPU time
    (the machine may be shared; the Rust side measures CPU time too)."""
    for _ in range(20):
        f()
    n, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        f()
        n += 1
    return (time.process_time() - start) / n


def mlp_numpy(v):
    X, Y, W1, b1, W2, b2 = (v[k] for k in ("X", "Y", "W1", "b1", "W2", "b2"))
    H = np.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    m = Z.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
    loss = np.mean(lse[:, 0] - (Z * Y).sum(axis=1))
    dZ = (np.exp(Z - lse) - Y) / Z.shape[0]
    dW2, db2 = H.T @ dZ, dZ.sum(axis=0)
    dA = (dZ @ W2.T) * (1 - H * H)
    dW1, db1, dX = X.T @ dA, dA.sum(axis=0), dA @ W1.T
    return loss, dX, (dW1, db1, dW2, db2)


def chain_numpy(v):
    depth = sum(1 for k in v if k.startswith("W"))
    hs = [v["X"]]
    for i in range(1, depth + 1):
        hs.append(np.tanh(hs[-1] @ v[f"W{i}"]))
    dH = np.ones_like(hs[-1])
    grads = []
    for i in range(depth, 0, -1):
        dA = dH * (1 - hs[i] * hs[i])
        grads.append(hs[i - 1].T @ dA)
        dH = dA @ v[f"W{i}"].T
    return hs[-1].sum(), dH, grads


def mlp_torch(t):
    H = torch.tanh(t["X"] @ t["W1"] + t["b1"])
    Z = H @ t["W2"] + t["b2"]
    loss = torch.mean(torch.logsumexp(Z, 1) - (Z * t["Y"]).sum(1))
    loss.backward()
    return t["X"].grad


def chain_torch(t):
    depth = sum(1 for k in t if k.startswith("W"))
    h = t["X"]
    for i in range(1, depth + 1):
        h = torch.tanh(h @ t[f"W{i}"])
    h.sum().backward()
    return t["X"].grad


def torch_call(f, v):
    def run():
        t = {k: torch.tensor(a, requires_grad=True) for k, a in v.items()}
        return f(t)
    return run


def main():
    if "--no-build" not in sys.argv:
        build()
    rust = {}
    out = subprocess.run([EXE, "time"], check=True, capture_output=True, text=True)
    for line in out.stdout.splitlines():
        r = json.loads(line)
        rust[r["name"]] = r
    rows = []
    for name, f_np, f_t in (("mlp", mlp_numpy, mlp_torch), ("chain", chain_numpy, chain_torch)):
        v = workload(name)
        _, dX, _ = f_np(v)
        ok = abs(dX.sum() - rust[name]["grad_sum"]) < 1e-9 * max(1.0, abs(dX.sum()))
        rows.append((name, "adjoint-tensor (Rust)", rust[name]["ns"] / 1e3, ok))
        rows.append((name, "NumPy, hand-written backward", per_call(lambda: f_np(v)) * 1e6, True))
        if torch is not None:
            tg = torch_call(f_t, v)()
            tok = abs(float(tg.sum()) - rust[name]["grad_sum"]) < 1e-9 * max(1.0, abs(dX.sum()))
            rows.append((name, "PyTorch CPU autograd (1 thread)",
                         per_call(torch_call(f_t, v)) * 1e6, tok))
    labels = {"mlp": "MLP 4-8-3, batch 6, softmax CE",
              "chain": "8 × (64×64 @ + tanh), sum"}
    print(f"numpy {np.__version__}" + (f", torch {torch.__version__}" if torch else ", no torch"))
    print(f"{'workload':34} {'implementation':34} {'µs/iter':>10} {'× Rust':>8}  X̄ matches")
    for name, impl, us, ok in rows:
        base = next(r[2] for r in rows if r[0] == name and r[1].startswith("adjoint"))
        print(f"{labels[name]:34} {impl:34} {us:10.1f} {us / base:8.2f}  {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
