#!/usr/bin/env python3
"""Trunk post_build hook: moves the inline `<script type="module">` that Trunk writes into
index.html (it imports the wasm-bindgen glue and starts the app) into its own file,
`init-<hash>.js`, loaded with `<script type="module" src=...>`. The app's
Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, see index.html) forbids
inline scripts, so without this the app would not start under its own policy.

Runs in Trunk's staging directory ($TRUNK_STAGING_DIR). Fails loudly if the page has no
inline module script or more than one, so a Trunk upgrade that changes the output is noticed.
"""

import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp-init.py: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)")
page = os.path.join(staging, "index.html")
with open(page, encoding="utf-8") as f:
    html = f.read()

inline = re.compile(r'<script type="module">(.*?)</script>', re.S)
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
