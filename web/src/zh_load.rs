//! Chinese on demand: the app's wasm carries no Chinese strings; `web/zh-bridge.js`
//! fetches the table file (`web/i18n/zh.txt`, see `i18n/table.rs`) and the app installs
//! it. At start ([`then_mount`]) the app mounts only once a Chinese visitor's table is
//! there, so no English text flashes first (the bridge started the fetch already, while
//! the wasm was loading). Switching to 中文 later ([`use_lang_switch`]) fetches it once,
//! shows that it is busy meanwhile, and on failure stays in English with a message in
//! both languages; the next click tries again.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::lessons::progress;

/// Where fetching the Chinese table stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LangLoad {
    /// Nothing is being fetched.
    Idle,
    /// The table is on its way.
    Loading,
    /// The last attempt failed: why, in the browser's words.
    Failed(String),
}

#[cfg(target_arch = "wasm32")]
mod bridge {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/zh-bridge.js")]
    extern "C" {
        /// The table file's text (one fetch per page; a failed one is retried).
        #[wasm_bindgen(js_name = loadZh)]
        pub fn load_zh() -> js_sys::Promise;
    }
}

/// Fetches and installs the Chinese table, unless it is here already.
#[cfg(target_arch = "wasm32")]
pub async fn load() -> Result<(), String> {
    use wasm_bindgen::JsCast;
    if crate::i18n::zh_ready() {
        return Ok(());
    }
    let text = wasm_bindgen_futures::JsFuture::from(bridge::load_zh())
        .await
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "unknown error".to_string())
        })?;
    let text = text
        .as_string()
        .ok_or_else(|| "the Chinese table is not text".to_string())?;
    crate::i18n::table::install(&text).map_err(|e| e.to_string())
}

/// Natively the Chinese tables are compiled in: nothing to fetch.
#[cfg(not(target_arch = "wasm32"))]
pub async fn load() -> Result<(), String> {
    Ok(())
}

thread_local! {
    /// Why the start-up fetch failed, for the first render's message.
    static START_FAILURE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `mount` once `lang`'s strings are here: at once for English or an installed
/// table, else after fetching it. A failed fetch mounts anyway (the app then starts in
/// English, [`Lang::usable`], and says why).
pub fn then_mount(lang: Lang, mount: impl FnOnce() + 'static) {
    if lang.usable() == lang {
        mount();
        return;
    }
    yew::platform::spawn_local(async move {
        if let Err(why) = load().await {
            START_FAILURE.with(|f| *f.borrow_mut() = Some(why));
        }
        mount();
    });
}

/// The language switch's callback and where its fetch stands. Picking a language whose
/// strings are here switches at once (and remembers it); picking Chinese before its table
/// is here fetches it first, then switches.
#[hook]
pub fn use_lang_switch(lang: UseStateHandle<Lang>) -> (Callback<Lang>, LangLoad) {
    let status = use_state(|| {
        START_FAILURE
            .with(|f| f.borrow().clone())
            .map_or(LangLoad::Idle, LangLoad::Failed)
    });
    let on_lang = {
        let status = status.clone();
        Callback::from(move |l: Lang| {
            if l.usable() == l {
                progress::save_lang(l);
                lang.set(l);
                status.set(LangLoad::Idle);
                return;
            }
            if *status == LangLoad::Loading {
                return;
            }
            status.set(LangLoad::Loading);
            let (lang, status) = (lang.clone(), status.clone());
            yew::platform::spawn_local(async move {
                match load().await {
                    Ok(()) => {
                        progress::save_lang(l);
                        lang.set(l);
                        status.set(LangLoad::Idle);
                    }
                    Err(why) => status.set(LangLoad::Failed(why)),
                }
            });
        })
    };
    (on_lang, (*status).clone())
}

/// The switch's status line: nothing when idle, "loading" while fetching, and after a
/// failure a message in both languages (the Chinese one cannot come from the table).
pub fn status_view(status: &LangLoad) -> Html {
    match status {
        LangLoad::Idle => Html::default(),
        LangLoad::Loading => html! {
            <span class="lang-status hint" role="status" data-testid="lang-status" data-state="loading">
                { "Loading 中文…" }
            </span>
        },
        LangLoad::Failed(why) => html! {
            <span class="lang-status is-error" role="alert" data-testid="lang-status" data-state="failed">
                { format!("Chinese could not be loaded ({why}); click 中文 to try again. 中文界面未能加载，请再点一次“中文”重试。") }
            </span>
        },
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[function_component(Failure)]
    fn failure() -> Html {
        status_view(&LangLoad::Failed("HTTP 404".into()))
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_failure_message_speaks_both_languages_and_names_the_cause() {
        let html = crate::components::adjoint_table::render_tests::render::<Failure>(()).await;
        assert!(
            html.contains("Chinese could not be loaded (HTTP 404)"),
            "{html}"
        );
        assert!(html.contains("中文界面未能加载"), "{html}");
        assert!(html.contains(r#"role="alert""#), "{html}");
    }

    #[test]
    fn natively_chinese_is_compiled_in_and_mounts_at_once() {
        assert_eq!(Lang::Zh.usable(), Lang::Zh);
        let mounted = std::rc::Rc::new(std::cell::Cell::new(false));
        let m = mounted.clone();
        then_mount(Lang::Zh, move || m.set(true));
        assert!(mounted.get());
    }
}
