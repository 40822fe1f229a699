// Fetches the Chinese strings (web/i18n/zh.txt) only when Chinese is wanted; see
// web/src/zh_load.rs. Imported by the glue, it runs while the wasm loads, so a page
// that starts in Chinese has the fetch under way early. scripts/csp-init.py fills ZH.
const ZH = /*ADJOINT_ZH*/ null;

let text = null;
let loading = null;

/** The table's text, fetched once; a failure can be retried. */
export function loadZh() {
  if (loading === null) {
    loading = (async () => {
      if (ZH === null) throw new Error("this build has no Chinese table (run scripts/csp-init.py)");
      const response = await fetch(new URL(ZH, import.meta.url).href);
      if (!response.ok) throw new Error(`HTTP ${response.status} for the Chinese table`);
      return (text = await response.text());
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The fetched text, else null (for the lab: web/lab-bridge.js). */
export function zhText() {
  return text;
}

/** `en`, `zh` or null, as `Lang::from_code` reads a code. */
function code(value) {
  const s = (value || "").trim().toLowerCase();
  return s === "en" || s.startsWith("en-") ? "en" : s === "zh" || s.startsWith("zh-") ? "zh" : null;
}

/** Will the page start in Chinese? `lesson_wiring::start_lang`'s order: the link's last
 * `lang=`, the stored choice, the browser's language. A widget (its data-lang) asks itself. */
function startsInChinese() {
  if (globalThis.__adjointWidget) return false;
  let link = null;
  let stored = null;
  for (const pair of location.search.replace(/^\?/, "").split("&")) {
    const [key, ...value] = pair.split("=");
    if (key === "lang") link = code(value.join("="));
  }
  try {
    stored = code(localStorage.getItem("adjoint.lang"));
  } catch {
    // Storage blocked: as if nothing were stored.
  }
  return (link || stored || code(navigator.language)) === "zh";
}

if (startsInChinese()) loadZh().catch(() => {});
