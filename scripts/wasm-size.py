#!/usr/bin/env python3
"""Where the bytes of the app's wasm go: a benchmark aid, not a test.

Reads a wasm file as cargo writes it (before wasm-bindgen and wasm-opt strip the
`name` section) and prints:
  * code bytes per crate (the crate is read from the v0-mangled function name; build
    with RUSTFLAGS=-Csymbol-mangling-version=v0 so generic functions name the crate
    of their type arguments too),
  * the generic families compiled most often (sort, drop_in_place, ...),
  * the biggest single functions,
  * the data section split into text and other bytes, raw and gzip -9.

scripts/wasm-size.sh builds the wasm that way and calls this. Usage:
    python3 scripts/wasm-size.py path/to/adjoint-web.wasm [--top N]
Function names are demangled with c++filt when it is on PATH (binutils >= 2.36 reads
Rust v0 names); the per-crate totals do not need it.
"""

import collections
import gzip
import os
import re
import shutil
import subprocess
import sys


# The module reader is shorten_imports.py's (the build step that renames imports).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shorten_imports import read_name, read_uleb as leb, skip_import_desc  # noqa: E402
from shorten_imports import sections as all_sections  # noqa: E402


def sections(data):
    """Yields (id, start, end) of each section's content."""
    for sid, _, start, end in all_sections(data):
        yield sid, start, end


def imported_functions(data, start):
    """Number of imported functions (they come first in the function index space)."""
    count, j = leb(data, start)
    functions = 0
    for _ in range(count):
        _, j = read_name(data, j)  # module
        _, j = read_name(data, j)  # field
        functions += data[j] == 0
        j = skip_import_desc(data, j)
    return functions


def function_names(data, start, end):
    """The `name` custom section's function names, by function index."""
    length, j = leb(data, start)
    if data[j : j + length] != b"name":
        return None
    j += length
    names = {}
    while j < end:
        sub = data[j]
        size, j = leb(data, j + 1)
        if sub == 1:
            count, k = leb(data, j)
            for _ in range(count):
                index, k = leb(data, k)
                length, k = leb(data, k)
                names[index] = data[k : k + length].decode("utf8", "replace")
                k += length
        j += size
    return names


def data_bytes(data, start):
    """The bytes of every active data segment, concatenated."""
    count, j = leb(data, start)
    out = bytearray()
    for _ in range(count):
        flags, j = leb(data, j)
        if flags == 2:
            _, j = leb(data, j)
        if flags in (0, 2):
            while data[j] != 0x0B:  # skip the offset expression
                j += 1
            j += 1
        length, j = leb(data, j)
        out += data[j : j + length]
        j += length
    return bytes(out)


CRATE = re.compile(r"Cs[0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z_0-9]*)")


def crate_of(name):
    """The first crate named in a v0-mangled symbol (legacy names: the first path part)."""
    m = CRATE.search(name)
    if m:
        return m.group(2)[: int(m.group(1))]
    m = re.match(r"_ZN\d+([A-Za-z_0-9]+)", name)
    if m:
        return m.group(1)
    return "(other)"


def demangle(names):
    if not shutil.which("c++filt"):
        return names
    out = subprocess.run(["c++filt"], input="\n".join(names), capture_output=True, text=True)
    lines = out.stdout.split("\n")
    return [re.sub(r"\[[0-9a-f]{16}\]", "", d) for d in lines[: len(names)]]


def without_generics(name):
    depth, out = 0, []
    for ch in name:
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return re.sub(r"\{closure#\d+\}", "{closure}", "".join(out))


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    top = int(args[args.index("--top") + 1]) if "--top" in args else 20
    data = open(args[0], "rb").read()
    imports, bodies, names, rodata = 0, [], None, b""
    for sid, start, end in sections(data):
        if sid == 2:
            imports = imported_functions(data, start)
        elif sid == 10:
            count, j = leb(data, start)
            for _ in range(count):
                size, k = leb(data, j)
                bodies.append(size + (k - j))
                j = k + size
        elif sid == 11:
            rodata = data_bytes(data, start)
        elif sid == 0:
            names = function_names(data, start, end) or names
    if names is None:
        print("no name section: give the wasm cargo wrote, before wasm-bindgen/wasm-opt")
        return 1
    functions = [(size, names.get(imports + k, "?")) for k, size in enumerate(bodies)]
    # wasm-bindgen's describe functions only exist before wasm-bindgen runs (it
    # interprets them to learn the signatures, then removes them).
    functions = [f for f in functions if "describe" not in f[1]]
    total = sum(s for s, _ in functions)
    print(f"code: {total:,} bytes in {len(functions):,} functions (before wasm-opt)")

    per_crate = collections.Counter()
    for size, name in functions:
        per_crate[crate_of(name)] += size
    print("\nper crate (crate of the function's path)")
    for crate, size in per_crate.most_common(top):
        print(f"{size:>10,}  {100 * size / total:5.1f} %  {crate}")

    readable = demangle([n for _, n in functions])
    families = collections.Counter()
    copies = collections.Counter()
    for (size, _), name in zip(functions, readable):
        family = without_generics(name)
        families[family] += size
        copies[family] += 1
    print("\ngeneric families compiled more than 3 times (bytes, copies)")
    shown = 0
    for family, size in families.most_common():
        if copies[family] > 3:
            print(f"{size:>10,} {copies[family]:>5}  {family[:110]}")
            shown += 1
            if shown == top:
                break

    print("\nbiggest functions")
    for (size, _), name in sorted(zip(functions, readable), key=lambda x: -x[0][0])[:top]:
        print(f"{size:>10,}  {name[:120]}")

    text_pattern = rb"(?:[\x20-\x7e\n\t]|[\xc0-\xf4][\x80-\xbf]+){4,}"
    text = b"".join(re.findall(text_pattern, rodata))
    other = re.sub(text_pattern, b"", rodata)
    print("\ndata section (raw / gzip -9 of each part alone)")
    for label, part in (("all", rodata), ("text", text), ("other", other)):
        print(f"{label:>6}: {len(part):>9,} / {len(gzip.compress(part, 9)):>8,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
