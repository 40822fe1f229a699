"""Tests of scripts/shorten_imports.py on small hand-made wasm modules and glue files
(the whole app's build is covered by the browser tests, which run the shortened files)."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
import shorten_imports as si  # noqa: E402


def name(text):
    raw = text.encode()
    return si.uleb(len(raw)) + raw


def module(imports, tail=b""):
    """A wasm module: one type (() -> ()), the given imports, then `tail` sections.
    Each import is (module, field, kind): 0 = function of type 0, 2 = memory."""
    types = b"\x01\x60\x00\x00"
    body = si.uleb(len(imports))
    for mod, field, kind in imports:
        body += name(mod) + name(field)
        body += b"\x00\x00" if kind == 0 else b"\x02\x01\x01\x02"
    return (
        b"\0asm\1\0\0\0"
        + b"\x01" + si.uleb(len(types)) + types
        + b"\x02" + si.uleb(len(body)) + body
        + tail
    )


GLUE = (
    'function __wbg_get_imports(){return{__proto__:null,"./x_bg.js":{__proto__:null,'
    "__wbg_alert_0123456789abcdef:function(e){alert(e)},"
    "__wbindgen_init_externref_table:function(){wasm.__wbindgen_start()}}}}"
)
IMPORTS = [
    ("./x_bg.js", "__wbg_alert_0123456789abcdef", 0),
    ("env", "memory", 2),
    ("./x_bg.js", "__wbindgen_init_externref_table", 0),
]
# A custom section after the imports, to check that later sections are kept as they are.
TAIL = b"\x00" + si.uleb(6) + name("note") + b"!"


class ShortNames(unittest.TestCase):
    def test_are_distinct_identifiers_in_order(self):
        names = [n for n, _ in zip(si.short_names(), range(3000))]
        self.assertEqual(names[:3], ["a", "b", "c"])
        self.assertEqual(len(set(names)), 3000)
        for n in names:
            self.assertRegex(n, r"^[A-Za-z_$][\w$]*$")
            self.assertNotIn(n, si.RESERVED)

    def test_leb128_round_trips(self):
        for value in [0, 1, 127, 128, 300, 16384, 2**32 - 1]:
            self.assertEqual(si.read_uleb(si.uleb(value), 0), (value, len(si.uleb(value))))


class Shorten(unittest.TestCase):
    def write(self, folder, wasm, glue):
        with open(os.path.join(folder, "x-1_bg.wasm"), "wb") as f:
            f.write(wasm)
        with open(os.path.join(folder, "x-1.js"), "w") as f:
            f.write(glue)

    def read(self, folder):
        with open(os.path.join(folder, "x-1_bg.wasm"), "rb") as f:
            wasm = f.read()
        with open(os.path.join(folder, "x-1.js")) as f:
            return wasm, f.read()

    def test_renames_the_glue_module_imports_in_both_files(self):
        with tempfile.TemporaryDirectory() as folder:
            self.write(folder, module(IMPORTS, TAIL), GLUE)
            done = si.shorten_dist(folder)
            wasm, glue = self.read(folder)
        self.assertEqual([w for w, _ in done], ["x-1_bg.wasm"])
        self.assertGreater(done[0][1], 50)
        self.assertEqual(si.imported_fields(wasm, "./x_bg.js"), ["a", "b"])
        self.assertEqual(si.imported_fields(wasm, "env"), ["memory"])
        self.assertIn("{__proto__:null,a:function(e){alert(e)},b:function()", glue)
        # Exports the glue calls keep their names; later sections are untouched.
        self.assertIn("wasm.__wbindgen_start()", glue)
        self.assertTrue(wasm.endswith(TAIL))
        self.assertEqual(wasm, module([("./x_bg.js", "a", 0), ("env", "memory", 2), ("./x_bg.js", "b", 0)], TAIL))

    def test_a_key_missing_from_the_glue_changes_nothing(self):
        glue = GLUE.replace("__wbindgen_init_externref_table:", "other:")
        with tempfile.TemporaryDirectory() as folder:
            self.write(folder, module(IMPORTS), glue)
            with self.assertRaisesRegex(si.WasmError, "__wbindgen_init_externref_table"):
                si.shorten_dist(folder)
            self.assertEqual(self.read(folder), (module(IMPORTS), glue))

    def test_a_key_written_twice_changes_nothing(self):
        glue = GLUE + "var q={__wbg_alert_0123456789abcdef:1};"
        with tempfile.TemporaryDirectory() as folder:
            self.write(folder, module(IMPORTS), glue)
            with self.assertRaises(si.WasmError):
                si.shorten_dist(folder)
            self.assertEqual(self.read(folder), (module(IMPORTS), glue))

    def test_not_a_wasm_module_is_an_error(self):
        with tempfile.TemporaryDirectory() as folder:
            self.write(folder, b"<html>", GLUE)
            with self.assertRaisesRegex(si.WasmError, "not a wasm module"):
                si.shorten_dist(folder)


if __name__ == "__main__":
    unittest.main()
