//! The view in the URL query — `?mode=extended&step=3&wrt=0&p=<program>&at=<values>`, plus
//! `&panel=numeric|symbolic` while a method panel is open — so a reload or a shared link
//! restores it (links from before `panel=` existed open the step-through view). Parsing and
//! formatting are pure (tested natively); `read` and `write` are the thin browser adapters
//! (History `replaceState`, no new entries).

use adjoint_engine::Mode;

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
        match decode(k).as_str() {
            "mode" => st.mode = Mode::from_name(&v),
            "step" => st.step = v.parse().ok(),
            "wrt" => st.wrt = v.parse().ok(),
            "p" => st.program = Some(v),
            "at" => st.values = Some(v),
            "panel" => st.panel = Method::from_name(&v),
            _ => {}
        }
    }
    st
}

/// Formats the query string, starting with `?`.
pub fn format(
    mode: Mode,
    step: usize,
    wrt: usize,
    program: &str,
    values: &str,
    panel: Option<Method>,
) -> String {
    let mut q = format!("?mode={}&step={step}", mode.name());
    if mode == Mode::Forward {
        q.push_str(&format!("&wrt={wrt}"));
    }
    q.push_str(&format!("&p={}&at={}", encode(program), encode(values)));
    if let Some(m) = panel {
        q.push_str(&format!("&panel={}", m.name()));
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

    #[test]
    fn round_trip_of_a_program_with_symbols_and_unicode() {
        let program = "v2 = exp(x1); v3 = v2 + 1\nv4 = v2 * v3 # θ·x";
        let values = "x1=1, x2=-0.5";
        let q = format(Mode::Extended, 3, 0, program, values, None);
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
            let q = format(Mode::Reverse, 4, 0, "x*y", "x=1, y=2", Some(m));
            assert!(q.ends_with(&format!("&panel={}", m.name())), "{q}");
            let st = parse(&q);
            assert_eq!(
                (st.panel, st.mode, st.step),
                (Some(m), Some(Mode::Reverse), Some(4))
            );
        }
        // A link written before `panel=` existed, and one with a panel this build lacks.
        let old = parse("?mode=reverse&step=5&p=x*y&at=x%3D1");
        assert_eq!((old.panel, old.step), (None, Some(5)));
        assert_eq!(parse("?panel=tensor&step=2").panel, None);
    }

    #[test]
    fn forward_mode_keeps_wrt() {
        let st = parse(&format(Mode::Forward, 0, 1, "x*y", "x=1, y=2", None));
        assert_eq!((st.mode, st.wrt), (Some(Mode::Forward), Some(1)));
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
