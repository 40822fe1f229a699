//! What the share panel hands out: the texts (trace JSON, DOT, the step's table as LaTeX,
//! PyTorch/JAX/Needle code — all written by the engine), a self-contained SVG of the graph
//! as drawn (and a PNG at 2×, painted by the lab: `web/lab/src/png.rs`), and the browser
//! adapters that download a file or copy text.
//!
//! The SVG is a clone of the live `svg[data-testid=graph]` with every element's computed
//! paint and font written onto it as presentation attributes (`fill`, `stroke`,
//! `font-family`, …), so it needs no stylesheet, theme variables or web fonts: it opens the
//! same in a browser and in Inkscape-like tools. Nothing here sets a `style` attribute (the
//! app's CSP forbids them).

use adjoint_engine::export::framework::Framework;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Function, Reflect};
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, Url};

use crate::i18n::{Key, Lang};
use adjoint_web::live_graph::{live_graph, plain_colour};

/// One thing to export: its button text, file name and MIME type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The trace as JSON (what the CLI's `trace --format json` prints).
    TraceJson,
    /// The final graph as Graphviz DOT.
    Dot,
    /// The current step's adjoint table as LaTeX (an `align*` of the rows so far).
    LatexTable,
    /// Code computing the same gradient in a framework.
    Code(Framework),
    /// The graph as drawn at this step, self-contained SVG.
    Svg,
    /// The graph as drawn at this step, a PNG at twice its on-screen size (for slides).
    Png,
}

impl Export {
    /// Every export, in menu order.
    pub const ALL: [Export; 8] = [
        Export::Svg,
        Export::Png,
        Export::TraceJson,
        Export::Dot,
        Export::LatexTable,
        Export::Code(Framework::PyTorch),
        Export::Code(Framework::Jax),
        Export::Code(Framework::Needle),
    ];

    /// The button's text in `lang` (frameworks go by their own names).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Export::TraceJson => lang.t(Key::ExportJson),
            Export::Dot => lang.t(Key::ExportDot),
            Export::LatexTable => lang.t(Key::ExportLatex),
            Export::Code(Framework::PyTorch) => "PyTorch",
            Export::Code(Framework::Jax) => "JAX",
            Export::Code(Framework::Needle) => "Needle",
            Export::Svg => lang.t(Key::ExportSvg),
            Export::Png => lang.t(Key::ExportPng),
        }
    }

    /// `data-export` of its button.
    pub fn key(self) -> &'static str {
        match self {
            Export::TraceJson => "json",
            Export::Dot => "dot",
            Export::LatexTable => "latex",
            Export::Code(f) => f.name(),
            Export::Svg => "svg",
            Export::Png => "png",
        }
    }

    /// The downloaded file's name.
    pub fn file_name(self, step: usize) -> String {
        match self {
            Export::TraceJson => "adjoint-trace.json".into(),
            Export::Dot => "adjoint-graph.dot".into(),
            Export::LatexTable => format!("adjoint-table-step-{step}.tex"),
            Export::Code(f) => format!("adjoint_{}.py", f.name()),
            Export::Svg => format!("adjoint-step-{step}.svg"),
            Export::Png => format!("adjoint-step-{step}.png"),
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Export::TraceJson => "application/json",
            Export::Svg => "image/svg+xml",
            Export::Png => "image/png",
            _ => "text/plain",
        }
    }

    /// Why this export does not apply to a tensor program, if it does not (in `lang`).
    pub fn unavailable(self, tensor: bool, lang: Lang) -> Option<&'static str> {
        matches!(self, Export::Code(_))
            .then(|| lang.t(Key::ExportScalarOnly))
            .filter(|_| tensor)
    }
}

/// The computed properties written onto the exported SVG's elements.
const PAINT: [&str; 14] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "visibility",
];

/// The live graph as a self-contained SVG document (see the module doc). The page's tree is
/// walked and written out as XML text — not cloned: a clone would carry the `style`
/// attribute the app sets through the CSSOM, which the CSP then reports as inline style.
pub fn svg_of_graph() -> Result<String, String> {
    let (window, live) = live_graph()?;
    let view = live.get_attribute("viewBox").unwrap_or_default();
    let size: Vec<f64> = view
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Adjoint: reverse-mode AD step by step -->\n",
    );
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{}\"",
        xml_escape(&view)
    ));
    if let [x, y, w, h] = size[..] {
        out.push_str(&format!(" width=\"{w:.0}\" height=\"{h:.0}\">"));
        // A backdrop, so a dark-theme picture is not transparent on white paper.
        let background = window
            .get_computed_style(&live)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("background-color").ok())
            .map(|c| plain_colour(&c).0)
            .filter(|c| !c.is_empty() && c != "rgba(0, 0, 0, 0)");
        if let Some(bg) = background {
            out.push_str(&format!(
                "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>"
            ));
        }
    } else {
        out.push('>');
    }
    let children = live.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            write_element(&window, &child, &mut out);
        }
    }
    out.push_str("</svg>\n");
    Ok(out)
}

/// Attributes that describe the page, not the picture.
const DROPPED: [&str; 5] = ["class", "style", "tabindex", "aria-hidden", "role"];

/// Writes `el` and its subtree as XML, with its computed paint as attributes.
fn write_element(window: &web_sys::Window, el: &Element, out: &mut String) {
    let tag = el.tag_name();
    if tag == "foreignObject" {
        // A chunk of the graph (a foreignObject holding an svg, for the page's paint): its
        // groups go straight into the drawing, which any SVG viewer then shows.
        let mut child = el
            .first_element_child()
            .and_then(|s| s.first_element_child());
        while let Some(c) = child {
            write_element(window, &c, out);
            child = c.next_element_sibling();
        }
        return;
    }
    out.push('<');
    out.push_str(&tag);
    let names = el.get_attribute_names();
    for i in 0..names.length() {
        let Some(name) = names.get(i).as_string() else {
            continue;
        };
        if DROPPED.contains(&name.as_str()) || PAINT.contains(&name.as_str()) {
            continue;
        }
        if let Some(v) = el.get_attribute(&name) {
            out.push_str(&format!(" {name}=\"{}\"", xml_escape(&v)));
        }
    }
    if let Ok(Some(style)) = window.get_computed_style(el) {
        for prop in PAINT {
            let Ok(v) = style.get_property_value(prop) else {
                continue;
            };
            if v.is_empty() || v == "normal" || v == "auto" {
                continue;
            }
            let (v, alpha) = plain_colour(&v);
            out.push_str(&format!(" {prop}=\"{}\"", xml_escape(&v)));
            if let (Some(a), "fill" | "stroke") = (alpha, prop) {
                out.push_str(&format!(" {prop}-opacity=\"{a}\""));
            }
        }
    }
    out.push('>');
    let nodes = el.child_nodes();
    for i in 0..nodes.length() {
        let Some(node) = nodes.item(i) else { continue };
        if let Some(child) = node.dyn_ref::<Element>() {
            write_element(window, child, out);
        } else if node.node_type() == web_sys::Node::TEXT_NODE {
            out.push_str(&xml_escape(&node.text_content().unwrap_or_default()));
        }
    }
    out.push_str(&format!("</{tag}>"));
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Offers `text` as a file download.
pub fn download(name: &str, e: Export, text: &str) -> Result<(), String> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(e.mime());
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file")?;
    download_blob(name, &blob)
}

/// Offers `blob` as a file download named `name`.
pub fn download_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let url = Url::create_object_url_with_blob(blob).map_err(|_| "could not make a link")?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no link element")?
        .dyn_into()
        .map_err(|_| "no link element")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// Copies `text` with the asynchronous clipboard API, if the page may (a secure context
/// with focus); returns false when it cannot, and the caller leaves the text selected.
pub fn copy(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(clipboard) = Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return false;
    };
    let Ok(write) = Reflect::get(&clipboard, &JsValue::from_str("writeText")) else {
        return false;
    };
    write
        .dyn_ref::<Function>()
        .is_some_and(|f| f.call1(&clipboard, &JsValue::from_str(text)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keys_and_tensor_availability() {
        assert_eq!(Export::Svg.file_name(4), "adjoint-step-4.svg");
        assert_eq!(Export::Png.file_name(4), "adjoint-step-4.png");
        assert_eq!(Export::Png.mime(), "image/png");
        assert_eq!(Export::Code(Framework::Jax).file_name(0), "adjoint_jax.py");
        let keys: Vec<&str> = Export::ALL.iter().map(|e| e.key()).collect();
        assert_eq!(
            keys,
            ["svg", "png", "json", "dot", "latex", "pytorch", "jax", "needle"]
        );
        assert!(Export::Code(Framework::PyTorch)
            .unavailable(true, Lang::En)
            .is_some());
        assert!(Export::Code(Framework::PyTorch)
            .unavailable(false, Lang::En)
            .is_none());
        assert!(Export::Svg.unavailable(true, Lang::En).is_none());
        assert_eq!(Export::Png.label(Lang::En), "Picture (PNG, 2×)");
        assert_eq!(Export::Png.label(Lang::Zh), "图片（PNG，2 倍）");
        assert_eq!(Export::Code(Framework::Jax).label(Lang::Zh), "JAX");
        assert!(Export::Code(Framework::Jax)
            .unavailable(true, Lang::Zh)
            .is_some_and(crate::i18n::has_chinese));
    }
}
