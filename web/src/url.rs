//! The view in the URL query — `?v=2&mode=extended&step=3&wrt=0&p=<program>&at=<values>`,
//! plus `&panel=numeric|symbolic` while a method panel is open, `&side=1` while backprop and
//! the extended graph are shown side by side, `&theme=dark|light` when the theme was
//! picked, and for iframes `&embed=1&hide=editor,tables,…` — so a reload or a shared link
//! restores it. Long programs and values are packed (`z=`, `zat=`: DEFLATE in
//! base64url, see [`crate::permalink`]). Links carry their format version (`v=`); links
//! without one (version 1: plain `p=`/`at=`, before `panel=` existed) still open. A damaged
//! packed value is reported (`UrlState::problem`) and the rest of the link still applies.
//! Parsing and formatting are pure (tested natively); `read` and `write` are the thin
//! browser adapters (History `replaceState`, no new entries).

use adjoint_engine::Mode;

use crate::embed::Hidden;
use crate::permalink;
use crate::state::Method;

/// What the URL can say about the view; `None` fields keep the app's defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    /// `mode=`
    pub mode: Option<Mode>,
    /// `step=`
    pub step: Option<usize>,
    /// `wrt=` (forward mode's variable index)
    pub wrt: Option<usize>,
    /// `p=` the program text.
    pub program: Option<String>,
    /// `at=` the values text.
    pub values: Option<String>,
    /// `panel=` the method panel open instead of the step-through view.
    pub panel: Option<Method>,
    /// `side=1`: backprop and the extended graph side by side (§2.5).
    pub side: bool,
    /// `theme=dark|light`, when picked (otherwise the OS decides).
    pub theme: Option<String>,
    /// `embed=1`: minimal chrome for an iframe.
    pub embed: bool,
    /// `hide=`: the parts an embed leaves out.
    pub hidden: Hidden,
    /// What could not be read from the link (a damaged `z=`), for a message.
    pub problem: Option<String>,
}

/// `&` + `key=` + the text, packed under `packed_key` when that is shorter.
async fn text_param(key: &str, packed_key: &str, text: &str) -> String {
    let encoded = encode(text);
    match permalink::worth_packing(encoded.len(), text).await {
        Some(packed) => format!("&{packed_key}={packed}"),
        None => format!("&{key}={encoded}"),
    }
}

/// Percent-encodes `s` for a query value (UTF-8; unreserved characters stay as they are).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes a query value: `+` is a space, `%XX` a byte; invalid escapes are kept as text
/// and invalid UTF-8 is replaced, so decoding never fails.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses a query string (with or without the leading `?`). Unknown keys and values that
/// do not parse are ignored.
pub fn parse(query: &str) -> UrlState {
    let mut st = UrlState::default();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        let key = decode(k);
        match key.as_str() {
            "mode" => st.mode = Mode::from_name(&v),
            "step" => st.step = v.parse().ok(),
            "wrt" => st.wrt = v.parse().ok(),
            "p" => st.program = Some(v),
            "at" => st.values = Some(v),
            "z" | "zat" => match permalink::unpack(&v) {
                Ok(text) if key == "z" => st.program = Some(text),
                Ok(text) => st.values = Some(text),
                Err(e) => st.problem = Some(e.to_string()),
            },
            "panel" => st.panel = Method::from_name(&v),
            "side" => st.side = v == "1",
            "theme" if v == "dark" || v == "light" => st.theme = Some(v),
            "embed" => st.embed = v == "1" || v == "true",
            "hide" => st.hidden = Hidden::parse(&v),
            "v" if v.parse::<u32>().is_ok_and(|n| n > permalink::VERSION) => {
                st.problem = Some(format!(
                    "this link was made by a newer Adjoint (format {v}); what this one understands is shown"
                ));
            }
            _ => {}
        }
    }
    st
}

/// The program and values parameters (`&p=…&at=…`, or packed `&z=…&zat=…`): the costly
/// part of a link (DEFLATE for long texts, asynchronous: see [`crate::permalink`]), which
/// the app computes once per edit rather than once per step ([`use_texts`]).
pub async fn texts(program: Option<&str>, values: Option<&str>) -> String {
    let mut q = String::new();
    if let Some(p) = program {
        q.push_str(&text_param("p", "z", p).await);
    }
    if let Some(v) = values {
        q.push_str(&text_param("at", "zat", v).await);
    }
    q
}

/// [`texts`] never packed (`&p=…&at=…`): what a link says until packing is done.
pub fn plain_texts(program: &str, values: &str) -> String {
    format!("&p={}&at={}", encode(program), encode(values))
}

/// The app's [`texts`] for `program` and `values`: packed once per edit, in the
/// background; until then (or if this browser cannot pack) the [`plain_texts`].
#[yew::hook]
pub fn use_texts(program: &str, values: &str) -> String {
    let packed = yew::use_state(|| None::<(String, String, String)>);
    let latest = yew::use_mut_ref(|| 0u64);
    {
        let packed = packed.clone();
        yew::use_effect_with((program.to_string(), values.to_string()), move |(p, v)| {
            let (p, v) = (p.clone(), v.clone());
            *latest.borrow_mut() += 1;
            let this = *latest.borrow();
            yew::platform::spawn_local(async move {
                let t = texts(Some(&p), Some(&v)).await;
                // An older edit finishing late must not replace a newer one's link.
                if *latest.borrow() == this {
                    packed.set(Some((p, v, t)));
                }
            });
        });
    }
    match &*packed {
        Some((p, v, t)) if p == program && v == values => t.clone(),
        _ => plain_texts(program, values),
    }
}

/// The query string of `st`, starting with `?v=2` (unset fields are left out), with the
/// program and values parameters given as [`texts`] made them (`st.program` and
/// `st.values` are ignored).
pub fn format_with_texts(st: &UrlState, texts: &str) -> String {
    let mut q = format!("?v={}", permalink::VERSION);
    if let Some(mode) = st.mode {
        q.push_str(&format!("&mode={}", mode.name()));
        if mode == Mode::Forward {
            q.push_str(&format!("&wrt={}", st.wrt.unwrap_or(0)));
        }
    }
    if let Some(step) = st.step {
        q.push_str(&format!("&step={step}"));
    }
    q.push_str(texts);
    if let Some(m) = st.panel {
        q.push_str(&format!("&panel={}", m.name()));
    }
    if st.side {
        q.push_str("&side=1");
    }
    if let Some(t) = &st.theme {
        q.push_str(&format!("&theme={}", encode(t)));
    }
    if st.embed {
        q.push_str("&embed=1");
    }
    if !st.hidden.is_empty() {
        q.push_str(&format!("&hide={}", st.hidden.list()));
    }
    q
}

/// Reads the current page's query (empty state outside a browser).
pub fn read() -> UrlState {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|q| parse(&q))
        .unwrap_or_default()
}

/// Replaces the current history entry's query with `query` (no new history entry).
pub fn write(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(current) = window.location().search() else {
        return;
    };
    if current == query {
        return;
    }
    if let Ok(history) = window.history() {
        // Failure (e.g. a sandboxed frame) only loses the shareable link, never the view.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query string of `st` with its texts packed when worth it, as the app writes it.
    fn format(st: &UrlState) -> String {
        let texts = texts(st.program.as_deref(), st.values.as_deref());
        use std::future::Future as _;
        // Natively packing awaits nothing: the future is ready at its first poll.
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        match std::pin::pin!(texts).poll(&mut cx) {
            std::task::Poll::Ready(t) => format_with_texts(st, &t),
            std::task::Poll::Pending => panic!("native packing never waits"),
        }
    }

    /// A view as the app writes it.
    fn view(
        mode: Mode,
        step: usize,
        wrt: usize,
        program: &str,
        values: &str,
        panel: Option<Method>,
    ) -> String {
        format(&UrlState {
            mode: Some(mode),
            step: Some(step),
            wrt: Some(wrt),
            program: Some(program.into()),
            values: Some(values.into()),
            panel,
            ..UrlState::default()
        })
    }

    #[test]
    fn round_trip_of_a_program_with_symbols_and_unicode() {
        let program = "v2 = exp(x1); v3 = v2 + 1\nv4 = v2 * v3 # θ·x";
        let values = "x1=1, x2=-0.5";
        let q = view(Mode::Extended, 3, 0, program, values, None);
        assert!(q.starts_with("?v=2&"), "{q}");
        assert!(
            !q.contains(' ') && !q.contains('\n') && !q.contains('+'),
            "{q}"
        );
        let st = parse(&q);
        assert_eq!(st.mode, Some(Mode::Extended));
        assert_eq!(st.step, Some(3));
        assert_eq!(st.wrt, None);
        assert_eq!(st.program.as_deref(), Some(program));
        assert_eq!(st.values.as_deref(), Some(values));
        assert_eq!(st.panel, None);
        assert!(!q.contains("panel"), "no panel open, no panel= in {q}");
    }

    #[test]
    fn the_open_panel_round_trips_and_old_links_still_parse() {
        for m in Method::ALL {
            let q = view(Mode::Reverse, 4, 0, "x*y", "x=1, y=2", Some(m));
            assert!(q.ends_with(&format!("&panel={}", m.name())), "{q}");
            let st = parse(&q);
            assert_eq!(
                (st.panel, st.mode, st.step),
                (Some(m), Some(Mode::Reverse), Some(4))
            );
        }
        // A link written before `panel=` and `v=` existed, and one with a panel this build lacks.
        let old = parse("?mode=reverse&step=5&p=x*y&at=x%3D1");
        assert_eq!((old.panel, old.step), (None, Some(5)));
        assert_eq!(old.program.as_deref(), Some("x*y"));
        assert_eq!(old.problem, None);
        assert_eq!(parse("?panel=tensor&step=2").panel, None);
    }

    #[test]
    fn the_side_by_side_view_round_trips() {
        let q = format(&UrlState {
            mode: Some(Mode::Backprop),
            step: Some(6),
            side: true,
            ..UrlState::default()
        });
        assert!(q.contains("&side=1"), "{q}");
        let st = parse(&q);
        assert!(st.side && st.step == Some(6), "{q}");
        // Only `1` turns it on; links without it, or with another value, show one graph.
        assert!(!parse("?v=2&step=6").side);
        assert!(!parse("?v=2&side=0").side);
        assert!(!format(&UrlState::default()).contains("side"));
    }

    #[test]
    fn forward_mode_keeps_wrt() {
        let st = parse(&view(Mode::Forward, 0, 1, "x*y", "x=1, y=2", None));
        assert_eq!((st.mode, st.wrt), (Some(Mode::Forward), Some(1)));
    }

    #[test]
    fn every_field_round_trips_and_long_texts_are_packed() {
        let program: String = (1..=30)
            .map(|i| format!("v{} = sin(v{i}) * x1 + {i}\n", i + 1))
            .collect();
        let values = format!("{{\"X\": [{}]}}", vec!["0.125"; 80].join(", "));
        let st = UrlState {
            mode: Some(Mode::Forward),
            step: Some(7),
            wrt: Some(1),
            program: Some(program.clone()),
            values: Some(values.clone()),
            panel: Some(Method::Symbolic),
            side: true,
            theme: Some("dark".into()),
            embed: true,
            hidden: Hidden::parse("tables,controls"),
            problem: None,
        };
        let q = format(&st);
        assert!(
            q.contains("&z=") && q.contains("&zat="),
            "long texts are packed: {q}"
        );
        assert!(!q.contains("&p=") && !q.contains("&at="), "{q}");
        assert!(
            q.len() < (program.len() + values.len()) / 2,
            "{} chars: {q}",
            q.len()
        );
        assert_eq!(parse(&q), st);
    }

    #[test]
    fn a_damaged_packed_program_is_reported_and_the_rest_applies() {
        let st = parse("?v=2&mode=reverse&step=4&z=%%%not-base64&at=x%3D1&theme=light");
        assert_eq!(st.program, None, "the default program is kept");
        assert!(
            st.problem
                .as_deref()
                .is_some_and(|p| p.contains("packed program")),
            "{st:?}"
        );
        assert_eq!(
            (st.mode, st.step, st.values.as_deref()),
            (Some(Mode::Reverse), Some(4), Some("x=1"))
        );
        assert_eq!(st.theme.as_deref(), Some("light"));
        let newer = parse("?v=99&step=1");
        assert!(
            newer
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("newer")),
            "{newer:?}"
        );
        assert_eq!(newer.step, Some(1));
        assert_eq!(parse("?theme=<script>").theme, None);
    }

    #[test]
    fn tolerant_parsing() {
        let st = parse("mode=nonsense&step=abc&p=ln(x1)+%2B+1&at=x1%3D2&zzz=1&p2&%");
        assert_eq!(st.mode, None);
        assert_eq!(st.step, None);
        assert_eq!(st.program.as_deref(), Some("ln(x1) + 1"));
        assert_eq!(st.values.as_deref(), Some("x1=2"));
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%E2%86%92"), "→");
        assert_eq!(parse(""), UrlState::default());
    }
}
