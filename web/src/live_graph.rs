//! The graph as drawn on the page, as both of its pictures read it: the live
//! `svg[data-testid=graph]` and its computed colours in plain `rgb(…)` form. Shared by the
//! app's SVG export (`export.rs`) and the lab's PNG painter (`web/lab/src/png.rs`).

/// A computed colour as SVG 1.1 tools read it: `color(srgb r g b / a)` (what Chromium
/// computes for `color-mix`) becomes `rgb(R, G, B)` and its alpha, if any, is returned
/// apart for `fill-opacity`/`stroke-opacity`; `rgba(…)` likewise. Other values pass through.
pub fn plain_colour(v: &str) -> (String, Option<String>) {
    let inner = v
        .strip_prefix("color(srgb ")
        .or_else(|| v.strip_prefix("rgba("))
        .and_then(|x| x.strip_suffix(')'));
    let Some(inner) = inner else {
        return (v.to_string(), None);
    };
    let srgb = v.starts_with("color(");
    let (rgb, alpha) = match inner.split_once('/') {
        Some((c, a)) => (c, Some(a.trim().to_string())),
        None => (inner, None),
    };
    let nums: Vec<f64> = rgb
        .split([' ', ','])
        .filter(|x| !x.is_empty())
        .filter_map(|x| x.trim().parse().ok())
        .collect();
    let (channels, alpha) = match (srgb, nums.as_slice()) {
        (true, [r, g, b]) => ([*r * 255.0, *g * 255.0, *b * 255.0], alpha),
        (false, [r, g, b, a]) => ([*r, *g, *b], Some(a.to_string())),
        _ => return (v.to_string(), None),
    };
    let [r, g, b] = channels.map(|c| c.round().clamp(0.0, 255.0) as u8);
    (format!("rgb({r}, {g}, {b})"), alpha)
}

/// The window and the graph's live `<svg>` on the page, or why there is none.
pub fn live_graph() -> Result<(web_sys::Window, web_sys::Element), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let svg = document
        .query_selector("svg[data-testid=graph]")
        .ok()
        .flatten()
        .ok_or("no graph on the page")?;
    Ok((window, svg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_colours_become_plain_rgb_with_their_alpha_apart() {
        assert_eq!(
            plain_colour("color(srgb 0.158431 0.255843 0.326588)"),
            ("rgb(40, 65, 83)".to_string(), None)
        );
        assert_eq!(
            plain_colour("color(srgb 1 0.5 0 / 0.25)"),
            ("rgb(255, 128, 0)".to_string(), Some("0.25".to_string()))
        );
        assert_eq!(
            plain_colour("rgba(0, 114, 178, 0.5)"),
            ("rgb(0, 114, 178)".to_string(), Some("0.5".to_string()))
        );
        assert_eq!(
            plain_colour("rgb(1, 2, 3)"),
            ("rgb(1, 2, 3)".to_string(), None)
        );
        assert_eq!(plain_colour("none"), ("none".to_string(), None));
    }
}
