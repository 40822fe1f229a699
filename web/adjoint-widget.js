// Adjoint's widget loader: one script a host page includes to mount a widget into every
// `<div data-adjoint data-program="…" data-at="…" data-mode="…" data-step="…">`:
//
//   <script type="module" src="https://your.site/adjoint/adjoint-widget.js"></script>
//
// It runs the app's own wasm (the same build as the page next to it), so it must sit in
// the built app's folder (Trunk copies it there). scripts/csp-init.py writes the hashed
// names of the glue, the wasm and the CSS into BUILD below at build time. The app's CSS is
// handed to every widget's shadow root as one constructed stylesheet (CSP-safe: no inline
// style), with `:root` rewritten to the widget's root element `.adjoint-root`.
//
// `ready` resolves to a function that mounts widgets added to the page later.

const BUILD = /*ADJOINT_BUILD*/ null;

const FLAG = '__adjointWidget';

async function start() {
  if (!BUILD) throw new Error('adjoint-widget.js: use the copy in the built app (trunk build), not the source');
  const base = new URL('./', import.meta.url);
  const texts = await Promise.all(BUILD.css.map(async (href) => {
    const response = await fetch(new URL(href, base));
    if (!response.ok) throw new Error(`adjoint-widget.js: ${href} answered HTTP ${response.status}`);
    return response.text();
  }));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(texts.join('\n').replaceAll(':root', '.adjoint-root'));
  // Tells the app's `main` not to mount the full app on the host page.
  globalThis[FLAG] = true;
  const glue = await import(new URL(BUILD.glue, base).href);
  await glue.default({ module_or_path: new URL(BUILD.wasm, base) });
  const mount = () => glue.mount_widgets(sheet, base.href);
  mount();
  return mount;
}

export const ready = start();
