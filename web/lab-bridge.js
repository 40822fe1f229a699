// The bridge to the tensor lab (web/lab): the tensor engine is a second wasm module that
// the app loads on the first tensor program, so the first load carries only what the
// scalar step-through needs. wasm-bindgen copies this file next to the app's glue
// (snippets/…); scripts/csp-init.py writes the lab's hashed file names below, relative
// to this file, so the app and a widget on another page both find them.
const LAB = /*ADJOINT_LAB*/ null;

import { zhText } from "./zh-bridge.js";

let lab = null;
let loading = null;

/** Raw DEFLATE of `bytes` by the browser (CompressionStream), for packed permalinks
 * (web/src/permalink.rs): the app's wasm then needs no compressor. Here because this is
 * the app's one snippet file (scripts/csp-init.py and sw.js know it); it does not need the
 * lab. Rejects where the browser has no "deflate-raw". */
export async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Has the lab been loaded? */
export function labReady() {
  return lab !== null;
}

/** Loads the lab once; later calls share the first promise. A failure can be retried. */
export function loadLab() {
  if (loading === null) {
    loading = (async () => {
      if (LAB === null) throw new Error("this build has no tensor module (run scripts/csp-init.py)");
      const module = await import(new URL(LAB.glue, import.meta.url).href);
      await module.default({ module_or_path: new URL(LAB.wasm, import.meta.url).href });
      // One task later the lab's start-up render (web/lab/src/panel.rs) has run.
      await new Promise((resolve) => setTimeout(resolve, 0));
      lab = module;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Runs a tensor program in the loaded lab: the outcome as postcard bytes. */
export function runTensor(program, inputs) {
  return lab.run_tensor(program, inputs);
}

/** The share panel's text export `kind` of a run (throws the reason if none). */
export function exportText(kind, program, values, mode, wrt, step) {
  return lab.export_text(kind, program, values, mode, wrt, step);
}

/** The PNG of the graph on the page (a Blob, or null if the browser could not encode it);
 * rejects with the reason if nothing could be drawn. */
export function exportPng() {
  return new Promise((resolve) => lab.export_png(resolve));
}

/** Mounts a method panel (a Yew app of the lab's) in `host`; returns its handle. */
export function mountPanel(host, method, program, values, lang) {
  shareZh(lang);
  return new lab.MethodPanel(host, method, program, values, lang);
}

/** Gives a mounted panel new props. */
export function updatePanel(panel, method, program, values, lang) {
  shareZh(lang);
  panel.update(method, program, values, lang);
}

let labHasZh = false;

/** Gives the lab, which has no Chinese strings, the app's table before its first Chinese panel. */
function shareZh(lang) {
  if (lang !== "zh" || labHasZh || zhText() === null) return;
  lab.install_zh(zhText());
  labHasZh = true;
}

/** Unmounts a panel and frees its handle. */
export function destroyPanel(panel) {
  panel.destroy();
  panel.free();
}
