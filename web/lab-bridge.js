// The bridge to the tensor lab (web/lab): the tensor engine is a second wasm module that
// the app loads on the first tensor program, so the first load carries only what the
// scalar step-through needs. wasm-bindgen copies this file next to the app's glue
// (snippets/…); scripts/csp-init.py writes the lab's hashed file names below, relative
// to this file, so the app and a widget on another page both find them.
const LAB = /*ADJOINT_LAB*/ null;

let lab = null;
let loading = null;

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
      lab = module;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Runs a tensor program in the loaded lab: `{Ok: trace}` or `{Err: failure}`. */
export function runTensor(program, inputs) {
  return lab.run_tensor(program, inputs);
}
