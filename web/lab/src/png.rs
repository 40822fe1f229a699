//! The graph as a PNG at twice its on-screen size, for slides. The app's CSP forbids the
//! usual route (the SVG as a `blob:`/`data:` image drawn on a canvas), so the live SVG is
//! painted onto a canvas directly: every `rect`, `path`, `circle`, `ellipse`, `line`,
//! `polygon`/`polyline` and `text` run, placed by its own `getScreenCTM()`, with its
//! computed fill, stroke, dashes, opacity and font. `title` and anything not drawn (hidden,
//! `display: none`) are skipped; the graph has no images, markers or foreign objects.
//! The painter lives in the lab (it runs in the app's page, so it reads the same live
//! graph), which keeps it out of the app's first load; the app's share panel loads the
//! lab and calls [`export_png`] through `web/lab-bridge.js`.

use adjoint_web::live_graph::{live_graph, plain_colour};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys::{Array, Function};
use web_sys::{
    CanvasRenderingContext2d, CssStyleDeclaration, Element, HtmlCanvasElement, Path2d,
    SvgGraphicsElement, SvgTextContentElement, Window,
};

/// How many canvas pixels per CSS pixel.
pub const SCALE: f64 = 2.0;

/// Draws the graph on the page at [`SCALE`]× and hands the PNG to `done` (asynchronously:
/// the browser encodes it off the main thread): `done` is `canvas.toBlob`'s callback, so
/// it gets the `Blob`, or `null` if the browser could not encode the picture. An error is
/// returned (thrown, in the browser) at once if nothing could be drawn.
#[wasm_bindgen]
pub fn export_png(done: &Function) -> Result<(), String> {
    let (window, svg) = live_graph()?;
    let document = window.document().ok_or("no document")?;
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (rect.width(), rect.height());
    if w < 1.0 || h < 1.0 {
        return Err("the graph is not on screen".into());
    }
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    canvas.set_width((w * SCALE).round() as u32);
    canvas.set_height((h * SCALE).round() as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("the browser gave no 2D canvas")?;
    ctx.set_fill_style_str(&backdrop(&window, &svg));
    ctx.fill_rect(0.0, 0.0, w * SCALE, h * SCALE);
    let painter = Painter {
        window: &window,
        ctx: &ctx,
        origin: (rect.left(), rect.top()),
    };
    painter.children(&svg, 1.0);
    canvas
        .to_blob(done)
        .map_err(|_| "the browser would not encode the picture".to_string())
}

/// The first opaque background behind the graph (the panel's), else white.
fn backdrop(window: &Window, svg: &Element) -> String {
    let mut el = Some(svg.clone());
    while let Some(e) = el {
        if let Some(bg) =
            style(window, &e).and_then(|s| s.get_property_value("background-color").ok())
        {
            let (rgb, alpha) = plain_colour(&bg);
            if rgb.starts_with("rgb(") && alpha.is_none_or(|a| a.trim() != "0") {
                return rgb;
            }
        }
        el = e.parent_element();
    }
    "rgb(255, 255, 255)".into()
}

fn style(window: &Window, el: &Element) -> Option<CssStyleDeclaration> {
    window.get_computed_style(el).ok().flatten()
}

/// A computed length (`1.5px`) as a number.
fn px(v: &str) -> Option<f64> {
    v.trim().trim_end_matches("px").parse().ok()
}

/// A computed paint as a canvas colour and its alpha; `None` for `none`.
pub fn paint(v: &str) -> Option<(String, f64)> {
    if v.is_empty() || v == "none" || v.starts_with("url(") {
        return None;
    }
    let (rgb, alpha) = plain_colour(v);
    let alpha = alpha.and_then(|a| a.trim().parse().ok()).unwrap_or(1.0);
    Some((rgb, alpha))
}

/// A numeric attribute, 0 when absent or not a number.
fn num(el: &Element, name: &str) -> f64 {
    el.get_attribute(name).and_then(|v| px(&v)).unwrap_or(0.0)
}

struct Painter<'a> {
    window: &'a Window,
    ctx: &'a CanvasRenderingContext2d,
    /// The SVG's top-left corner in the viewport.
    origin: (f64, f64),
}

impl Painter<'_> {
    fn children(&self, el: &Element, opacity: f64) {
        let kids = el.children();
        for i in 0..kids.length() {
            if let Some(child) = kids.item(i) {
                self.element(&child, opacity);
            }
        }
    }

    /// Sets the canvas transform to `el`'s user space (scaled by [`SCALE`]).
    fn place(&self, el: &Element) -> bool {
        let Some(m) = el
            .dyn_ref::<SvgGraphicsElement>()
            .and_then(|g| g.get_screen_ctm())
        else {
            return false;
        };
        let (x0, y0) = self.origin;
        self.ctx
            .set_transform(
                SCALE * f64::from(m.a()),
                SCALE * f64::from(m.b()),
                SCALE * f64::from(m.c()),
                SCALE * f64::from(m.d()),
                SCALE * (f64::from(m.e()) - x0),
                SCALE * (f64::from(m.f()) - y0),
            )
            .is_ok()
    }

    fn element(&self, el: &Element, opacity: f64) {
        let tag = el.tag_name();
        if matches!(
            tag.as_str(),
            "title" | "desc" | "defs" | "metadata" | "clipPath" | "marker"
        ) {
            return;
        }
        let Some(st) = style(self.window, el) else {
            return;
        };
        let get = |p: &str| st.get_property_value(p).unwrap_or_default();
        if get("display") == "none" {
            return;
        }
        let opacity = opacity * px(&get("opacity")).unwrap_or(1.0);
        if tag == "g" || tag == "svg" || tag == "a" {
            self.children(el, opacity);
            return;
        }
        if get("visibility") == "hidden" || !self.place(el) {
            return;
        }
        if tag == "text" {
            self.text(el, &st, opacity);
            return;
        }
        let Some(path) = shape(el, &tag, &st) else {
            return;
        };
        if let Some((colour, a)) = paint(&get("fill")) {
            self.ctx.set_fill_style_str(&colour);
            self.ctx
                .set_global_alpha(opacity * a * px(&get("fill-opacity")).unwrap_or(1.0));
            self.ctx.fill_with_path_2d(&path);
        }
        if let Some((colour, a)) = paint(&get("stroke")) {
            let width = px(&get("stroke-width")).unwrap_or(1.0);
            if width > 0.0 {
                self.ctx.set_stroke_style_str(&colour);
                self.ctx.set_line_width(width);
                self.ctx
                    .set_global_alpha(opacity * a * px(&get("stroke-opacity")).unwrap_or(1.0));
                let dashes: Array = get("stroke-dasharray")
                    .split([',', ' '])
                    .filter_map(px)
                    .map(JsValue::from_f64)
                    .collect();
                let _ = self.ctx.set_line_dash(&dashes);
                self.ctx.set_line_cap(&get("stroke-linecap"));
                self.ctx.set_line_join(&get("stroke-linejoin"));
                self.ctx.stroke_with_path(&path);
            }
        }
    }

    /// A `text`: each run (a text node or a `tspan`) drawn where the browser placed its
    /// first character, in its own font and fill.
    fn text(&self, el: &Element, st: &CssStyleDeclaration, opacity: f64) {
        let Some(text) = el.dyn_ref::<SvgTextContentElement>() else {
            return;
        };
        self.ctx.set_text_align("left");
        self.ctx.set_text_baseline("alphabetic");
        let mut index = 0u32;
        let nodes = el.child_nodes();
        for i in 0..nodes.length() {
            let Some(node) = nodes.item(i) else { continue };
            let run = node.text_content().unwrap_or_default();
            let chars = run.encode_utf16().count() as u32;
            let run_style = node
                .dyn_ref::<Element>()
                .and_then(|e| style(self.window, e))
                .unwrap_or_else(|| st.clone());
            if chars > 0 && !run.trim_matches('\u{200B}').is_empty() {
                if let Ok(at) = text.get_start_position_of_char(index) {
                    self.run(
                        &run,
                        &run_style,
                        opacity,
                        (f64::from(at.x()), f64::from(at.y())),
                    );
                }
            }
            index += chars;
        }
    }

    fn run(&self, run: &str, st: &CssStyleDeclaration, opacity: f64, (x, y): (f64, f64)) {
        let get = |p: &str| st.get_property_value(p).unwrap_or_default();
        // The canvas knows neither: apply them here (with JS's case mapping, which keeps
        // Unicode case tables out of the wasm).
        let js = web_sys::js_sys::JsString::from(run);
        let run: String = match get("text-transform").as_str() {
            "uppercase" => js.to_upper_case().into(),
            "lowercase" => js.to_lower_case().into(),
            _ => run.to_string(),
        };
        // `letterSpacing` is not in web-sys; an older browser without it just ignores it.
        let spacing = get("letter-spacing").replace("normal", "0px");
        let _ = web_sys::js_sys::Reflect::set(self.ctx, &"letterSpacing".into(), &spacing.into());
        let Some((colour, a)) = paint(&get("fill")) else {
            return;
        };
        self.ctx.set_font(&format!(
            "{} {} {} {}",
            get("font-style"),
            get("font-weight"),
            get("font-size"),
            get("font-family")
        ));
        self.ctx.set_fill_style_str(&colour);
        self.ctx
            .set_global_alpha(opacity * a * px(&get("fill-opacity")).unwrap_or(1.0));
        let _ = self.ctx.fill_text(&run, x, y);
    }
}

/// The outline of a basic shape as a `Path2D`, in its own user space. Geometry is read from
/// the computed style first (CSS may set `rx`, `r`, …), then from the attributes.
fn shape(el: &Element, tag: &str, st: &CssStyleDeclaration) -> Option<Path2d> {
    let n = |a: &str| {
        st.get_property_value(a)
            .ok()
            .and_then(|v| px(&v))
            .unwrap_or_else(|| num(el, a))
    };
    let d = match tag {
        "path" => el.get_attribute("d")?,
        "rect" => {
            let (x, y, w, h) = (n("x"), n("y"), n("width"), n("height"));
            let rx = n("rx").min(w / 2.0).min(h / 2.0);
            if w <= 0.0 || h <= 0.0 {
                return None;
            }
            let path = Path2d::new().ok()?;
            if rx > 0.0 {
                let _ = path.round_rect_with_f64(x, y, w, h, rx);
            } else {
                path.rect(x, y, w, h);
            }
            return Some(path);
        }
        "circle" | "ellipse" => {
            let (rx, ry) = if tag == "circle" {
                (n("r"), n("r"))
            } else {
                (n("rx"), n("ry"))
            };
            let path = Path2d::new().ok()?;
            path.ellipse(n("cx"), n("cy"), rx, ry, 0.0, 0.0, std::f64::consts::TAU)
                .ok()?;
            return Some(path);
        }
        "line" => format!("M{} {}L{} {}", n("x1"), n("y1"), n("x2"), n("y2")),
        "polygon" | "polyline" => {
            let points = el.get_attribute("points")?;
            let close = if tag == "polygon" { "Z" } else { "" };
            format!("M{}{close}", points.trim())
        }
        _ => return None,
    };
    Path2d::new_with_path_string(&d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paints_become_canvas_colours_with_their_alpha() {
        assert_eq!(paint("none"), None);
        assert_eq!(paint(""), None);
        assert_eq!(
            paint("rgb(0, 114, 178)"),
            Some(("rgb(0, 114, 178)".to_string(), 1.0))
        );
        assert_eq!(
            paint("color(srgb 1 0.5 0 / 0.25)"),
            Some(("rgb(255, 128, 0)".to_string(), 0.25))
        );
        assert_eq!(px("1.5px"), Some(1.5));
        assert_eq!(px("none"), None);
    }
}
