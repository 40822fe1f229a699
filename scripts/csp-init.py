#!/usr/bin/env python3
"""Trunk post_build hook: moves the inline `<script type="module">` that Trunk writes into
index.html (it imports the wasm-bindgen glue and starts the app) into its own file,
`init-<hash>.js`, loaded with `<script type="module" src=...>`. The app's
Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, see index.html) forbids
inline scripts, so without this the app would not start under its own policy. It also
writes the hashed file names into the widget loader, adjoint-widget.js, and the build's
id into the service worker's cache name (sw.js), and the tensor lab's hashed names into
the bridge that loads it (snippets/…/lab-bridge.js) and into sw.js's install list. The
Chinese strings (web/i18n/zh.txt, copied by Trunk as zh.txt) get a content hash too, and
their name goes into the bridge that fetches them (snippets/…/zh-bridge.js) and into
sw.js's install list.
Before all that, it shortens the names each wasm module imports from its glue
(scripts/shorten_imports.py).

Runs in Trunk's staging directory ($TRUNK_STAGING_DIR). Fails loudly if the page has no
inline module script or more than one, so a Trunk upgrade that changes the output is noticed.
"""

import hashlib
import json
import os
import re
import sys


def attributes(tag):
    """The attributes of one HTML start tag, quoted or not (minified HTML drops quotes)."""
    found = re.findall(r"""([\w-]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?""", tag[1:])
    return {name.lower(): value.strip("\"'") for name, value in found[1:]}


def fill(path, fills):
    """Replaces each marker (a key of `fills`) in the file at `path`, which must hold each
    exactly once, with its value."""
    with open(path, encoding="utf-8") as f:
        js = f.read()
    for marker, value in fills.items():
        if js.count(marker) != 1:
            sys.exit(f"csp-init.py: {os.path.basename(path)} has no single {marker} to fill")
        js = js.replace(marker, value)
    with open(path, "w", encoding="utf-8") as f:
        f.write(js)


staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp-init.py: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)")

# First, before any file is named or hashed: the wasm modules' imports get short names
# (scripts/shorten_imports.py; about 8 KB less of the gzipped first load).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shorten_imports  # noqa: E402  (a sibling script, found through the line above)

try:
    for wasm_name, saved in shorten_imports.shorten_dist(staging):
        print(f"csp-init.py: {wasm_name}: import names shortened, {saved} bytes less")
except shorten_imports.WasmError as err:
    sys.exit(f"csp-init.py: cannot shorten the wasm imports: {err}")
page = os.path.join(staging, "index.html")
with open(page, encoding="utf-8") as f:
    html = f.read()

# Trunk's minifier (Trunk.toml: minify = "on_release") drops the quotes: type=module.
inline = re.compile(r'<script type="?module"?>(.*?)</script>', re.S)
found = inline.findall(html)
if len(found) != 1:
    sys.exit(f"csp-init.py: expected one inline module script in index.html, found {len(found)}")
body = found[0].strip() + "\n"
digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
name = f"init-{digest}.js"
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write("// Starts the app: written by scripts/csp-init.py from Trunk's inline script.\n")
    f.write(body)
tag = f'<script type="module" src="./{name}"></script>'
html = inline.sub(lambda _: tag, html, count=1)
if "<script>" in html or re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html):
    sys.exit("csp-init.py: index.html still has an inline script")
with open(page, "w", encoding="utf-8") as f:
    f.write(html)
print(f"csp-init.py: moved Trunk's inline init script to {name}")

# The widget loader (web/adjoint-widget.js, copied by Trunk) learns the hashed names of the
# glue, the wasm and the stylesheets here: its `/*ADJOINT_BUILD*/ null` becomes an object.
loader = os.path.join(staging, "adjoint-widget.js")
if os.path.exists(loader):
    # Any quoting and attribute order: the release build's HTML and JS are minified.
    glue = re.search(r"""from\s*["'`](\./[^"'`]+\.js)["'`]""", body)
    wasm = re.search(r"""module_or_path:\s*["'`](\./[^"'`]+\.wasm)["'`]""", body)
    css = [
        attrs["href"]
        for attrs in map(attributes, re.findall(r"<link\b[^>]*>", html))
        if attrs.get("rel") == "stylesheet" and attrs.get("href", "").endswith(".css")
    ]
    if not glue or not wasm or not css:
        sys.exit("csp-init.py: cannot find the glue, wasm and CSS names for adjoint-widget.js")
    build = json.dumps({"glue": glue.group(1), "wasm": wasm.group(1), "css": css})
    fill(loader, {"/*ADJOINT_BUILD*/ null": build})
    print(f"csp-init.py: wrote the build's file names into adjoint-widget.js ({len(css)} stylesheets)")

# The tensor lab (web/lab, built by Trunk's second rust link) has hashed names; the bridge
# that imports it (web/lab-bridge.js, copied by wasm-bindgen under snippets/) learns them
# here, relative to its own place, so a widget on another page finds them too.
# Trunk names a "worker" build without a hash (adjoint-web-lab.js, adjoint-web-lab_bg.wasm):
# give both a content hash, like every other file, so no cache serves an old lab to a new app.
for plain in ("adjoint-web-lab.js", "adjoint-web-lab_bg.wasm"):
    path = os.path.join(staging, plain)
    if os.path.exists(path):
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:16]
        stem, ext = plain.split(".", 1)
        hashed = stem.replace("adjoint-web-lab", f"adjoint-web-lab-{digest}") + "." + ext
        os.replace(path, os.path.join(staging, hashed))
lab_glue = [f for f in os.listdir(staging) if re.fullmatch(r"adjoint-web-lab-[0-9a-f]{16}\.js", f)]
lab_wasm = [f for f in os.listdir(staging) if re.fullmatch(r"adjoint-web-lab-[0-9a-f]{16}_bg\.wasm", f)]
bridges = [
    os.path.join(root, f)
    for root, _, files in os.walk(os.path.join(staging, "snippets"))
    for f in files
    if f == "lab-bridge.js"
]
if len(lab_glue) != 1 or len(lab_wasm) != 1 or len(bridges) != 1:
    sys.exit(f"csp-init.py: expected one lab glue, wasm and bridge, found {lab_glue} {lab_wasm} {bridges}")
lab_files = [lab_glue[0], lab_wasm[0]]
bridge = bridges[0]
up = os.path.relpath(staging, os.path.dirname(bridge))
lab = json.dumps({"glue": f"{up}/{lab_glue[0]}", "wasm": f"{up}/{lab_wasm[0]}"})
fill(bridge, {"/*ADJOINT_LAB*/ null": lab})
print(f"csp-init.py: the lab bridge loads {lab}")

# The Chinese strings (web/i18n/zh.txt, generated from src/i18n/zh/ and fetched only when
# Chinese is wanted): hashed like the lab, and named to web/zh-bridge.js relative to it.
plain = os.path.join(staging, "zh.txt")
if not os.path.exists(plain):
    sys.exit("csp-init.py: no zh.txt in the build (index.html copies web/i18n/zh.txt)")
with open(plain, "rb") as f:
    digest = hashlib.sha256(f.read()).hexdigest()[:16]
zh_file = f"zh-{digest}.txt"
os.replace(plain, os.path.join(staging, zh_file))
zh_bridges = [
    os.path.join(root, f)
    for root, _, files in os.walk(os.path.join(staging, "snippets"))
    for f in files
    if f == "zh-bridge.js"
]
if len(zh_bridges) != 1:
    sys.exit(f"csp-init.py: expected one zh-bridge.js under snippets/, found {zh_bridges}")
zh_up = os.path.relpath(staging, os.path.dirname(zh_bridges[0]))
fill(zh_bridges[0], {"/*ADJOINT_ZH*/ null": json.dumps(f"{zh_up}/{zh_file}")})
print(f"csp-init.py: the Chinese bridge fetches {zh_up}/{zh_file}")

# The service worker (web/sw.js) names its cache after the build, so each build installs
# afresh and drops the previous build's files.
worker = os.path.join(staging, "sw.js")
if os.path.exists(worker):
    build_id = hashlib.sha256((html + lab + zh_file).encode("utf-8")).hexdigest()[:16]
    # The glue imports the bridge; the page names neither it nor the lab.
    snippets = [os.path.relpath(b, staging).replace(os.sep, "/") for b in bridges]
    fill(worker, {
        '/*ADJOINT_BUILD_ID*/ "dev"': f'"{build_id}"',
        "/*ADJOINT_LAZY*/ []": json.dumps([f"./{f}" for f in lab_files + [zh_file] + snippets]),
    })
    print(f"csp-init.py: sw.js caches this build as adjoint-{build_id}")
