// The Chinese strings, fetched only when Chinese is wanted: the app's wasm carries none
// (web/src/i18n/table.rs, web/src/zh_load.rs). wasm-bindgen copies this file next to the
// app's glue (snippets/…), which imports it, so it runs while the wasm is still loading:
// a visitor who will start in Chinese has the fetch under way at once, and the app mounts
// when it and the wasm are both here. scripts/csp-init.py writes the table's hashed file
// name below, relative to this file, so the app and a widget on another page both find it.
const ZH = /*ADJOINT_ZH*/ null;

let text = null;
let loading = null;

/** Fetches the table once; later calls share the first promise. A failure can be retried. */
export function loadZh() {
  if (loading === null) {
    loading = (async () => {
      if (ZH === null) throw new Error("this build has no Chinese table (run scripts/csp-init.py)");
      const response = await fetch(new URL(ZH, import.meta.url).href);
      if (!response.ok) throw new Error(`HTTP ${response.status} for the Chinese table`);
      text = await response.text();
      return text;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The table's text, once fetched (for the lab, web/lab-bridge.js), else null. */
export function zhText() {
  return text;
}

/** `en` or `zh` for a language code, as `Lang::from_code` reads it; else null. */
function code(value) {
  const s = (value || "").trim().toLowerCase();
  if (s === "en" || s.startsWith("en-")) return "en";
  if (s === "zh" || s.startsWith("zh-")) return "zh";
  return null;
}

/** Will the app's page start in Chinese? The same order as `lesson_wiring::start_lang`:
 * the link's `lang=`, else the stored choice, else the browser's language. Only a head
 * start: the app decides, and fetches itself if this guessed wrong. */
function startsInChinese() {
  // A widget's language is its data-lang: the app asks when it mounts one.
  if (globalThis.__adjointWidget) return false;
  let stored = null;
  try {
    stored = globalThis.localStorage.getItem("adjoint.lang");
  } catch {
    // Storage blocked (private mode): as if nothing were stored.
  }
  // As `LessonLink::parse`: undecoded pairs, the last `lang=` wins.
  let link = null;
  for (const pair of globalThis.location.search.replace(/^\?/, "").split("&")) {
    const at = pair.indexOf("=");
    if ((at < 0 ? pair : pair.slice(0, at)) === "lang") link = code(at < 0 ? "" : pair.slice(at + 1));
  }
  return (link || code(stored) || code(globalThis.navigator.language)) === "zh";
}

if (startsInChinese()) loadZh().catch(() => {});
