"""Shorten the names a wasm module imports from its wasm-bindgen glue (a build step).

wasm-bindgen names every browser binding it generates after the function and a 16-digit
hash (`__wbg_setAttribute_3c8d7a...`). Each name is written twice, in the wasm's import
section and as a key of the glue's import object, and hashes do not compress: for the
app's ~230 bindings that is ~8 KB of a gzipped first load. This step renames each
import of the glue's own module (`./<crate>_bg.js`) to a short identifier (`a`, `b`,
... `ba`, ...) in both files, the way a minifier renames locals. Nothing else changes:
the wasm refers to its imports by index, and the glue's import object is the only place
the names appear (checked: each must appear exactly once there, or nothing is written).

Used by scripts/csp-init.py (Trunk's post_build hook) on every `*_bg.wasm` of the
staging directory; runnable by hand on a dist folder: `python3 scripts/shorten_imports.py DIST`.
"""

import os
import re
import string
import sys

FIRST = string.ascii_letters + "_$"
REST = FIRST + string.digits
RESERVED = {"do", "if", "in", "for", "let", "new", "try", "var", "case", "else", "enum"}


class WasmError(Exception):
    """The file is not a wasm module this step understands."""


def short_names():
    """`a`, `b`, ..., `$`, `aa`, `ab`, ...: identifiers, skipping reserved words."""
    n = 0
    while True:
        i, name = n, FIRST[n % len(FIRST)]
        i //= len(FIRST)
        while i:
            i -= 1
            name += REST[i % len(REST)]
            i //= len(REST)
        n += 1
        if name not in RESERVED:
            yield name


def read_uleb(data, at):
    """An unsigned LEB128 at `at`: (value, position after it)."""
    value = shift = 0
    while True:
        if at >= len(data):
            raise WasmError("truncated LEB128")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def uleb(value):
    """`value` as an unsigned LEB128."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def read_name(data, at):
    length, at = read_uleb(data, at)
    if at + length > len(data):
        raise WasmError("truncated name")
    return data[at : at + length].decode("utf-8"), at + length


def name_bytes(name):
    raw = name.encode("utf-8")
    return uleb(len(raw)) + raw


def skip_limits(data, at):
    flags = data[at]
    at += 1
    _, at = read_uleb(data, at)
    if flags & 1:
        _, at = read_uleb(data, at)
    return at


def skip_import_desc(data, at):
    """Skips an import's kind and type; returns the position after it."""
    kind = data[at]
    at += 1
    if kind == 0:  # function: type index
        _, at = read_uleb(data, at)
    elif kind == 1:  # table: reference type, limits
        at = skip_limits(data, at + 1)
    elif kind == 2:  # memory: limits
        at = skip_limits(data, at)
    elif kind == 3:  # global: value type, mutability
        at += 2
    elif kind == 4:  # tag: attribute, type index
        _, at = read_uleb(data, at + 1)
    else:
        raise WasmError(f"unknown import kind {kind}")
    return at


def sections(data):
    """(id, start of content, end of content) of every section."""
    if data[:4] != b"\0asm" or data[4:8] != b"\1\0\0\0":
        raise WasmError("not a wasm module (version 1)")
    at = 8
    while at < len(data):
        section_id = data[at]
        size, start = read_uleb(data, at + 1)
        yield section_id, at, start, start + size
        at = start + size


def rename_imports(data, module, names):
    """The module with every import of `module` renamed by `names` (old -> new)."""
    for section_id, header, start, end in sections(data):
        if section_id != 2:
            continue
        count, at = read_uleb(data, start)
        body = bytearray(uleb(count))
        for _ in range(count):
            mod, at = read_name(data, at)
            field, at = read_name(data, at)
            desc_start = at
            at = skip_import_desc(data, at)
            if mod == module:
                field = names[field]
            body += name_bytes(mod) + name_bytes(field) + data[desc_start:at]
        if at != end:
            raise WasmError("import section has trailing bytes")
        return data[:header] + bytes([2]) + uleb(len(body)) + bytes(body) + data[end:]
    raise WasmError("no import section")


def imported_fields(data, module):
    """The field names the module imports from `module`, in order."""
    fields = []
    for section_id, _, start, _ in sections(data):
        if section_id != 2:
            continue
        count, at = read_uleb(data, start)
        for _ in range(count):
            mod, at = read_name(data, at)
            field, at = read_name(data, at)
            at = skip_import_desc(data, at)
            if mod == module:
                fields.append(field)
    return fields


def shorten(wasm_path, glue_path, module):
    """Renames `module`'s imports in the wasm and its glue; returns bytes saved (raw)."""
    with open(wasm_path, "rb") as f:
        data = f.read()
    with open(glue_path, encoding="utf-8") as f:
        glue = f.read()
    fields = imported_fields(data, module)
    # Keys of one object literal: they only have to differ from each other.
    fresh = short_names()
    names = {field: next(fresh) for field in fields}
    pattern = re.compile(r"(?<![\w$.])(" + "|".join(map(re.escape, fields)) + r")(?=:)")
    found = pattern.findall(glue)
    if sorted(found) != sorted(fields):
        missing = sorted(set(fields) - set(found))[:3]
        raise WasmError(f"{glue_path}: import keys not found exactly once (e.g. {missing})")
    new_glue = pattern.sub(lambda m: names[m.group(1)], glue)
    new_data = rename_imports(data, module, names)
    with open(wasm_path, "wb") as f:
        f.write(new_data)
    with open(glue_path, "w", encoding="utf-8") as f:
        f.write(new_glue)
    return len(data) - len(new_data) + len(glue) - len(new_glue)


def shorten_dist(folder):
    """Shortens every `*_bg.wasm` in `folder` with the glue that names its module."""
    files = sorted(os.listdir(folder))
    glues = {}
    for name in files:
        if name.endswith(".js"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for module in re.findall(r'"(\./[\w.-]+_bg\.js)"\s*:', f.read()):
                    glues[module] = name
    done = []
    for name in files:
        if not name.endswith("_bg.wasm"):
            continue
        path = os.path.join(folder, name)
        with open(path, "rb") as f:
            data = f.read()
        modules = {m for m in glues if imported_fields(data, m)}
        if len(modules) != 1:
            raise WasmError(f"{name}: expected one glue module among {sorted(glues)}")
        module = modules.pop()
        saved = shorten(path, os.path.join(folder, glues[module]), module)
        done.append((name, saved))
    return done


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: shorten_imports.py DIST")
    for wasm, saved in shorten_dist(sys.argv[1]):
        print(f"shorten_imports: {wasm}: {saved} bytes shorter")
