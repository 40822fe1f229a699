//! Draws a layout as SVG (boxes and straight route polylines), to look at what the layout
//! does: `cargo run -p adjoint-layout --example svg -- chain-x1:12 > out.svg` (an argument
//! is `SHAPE:N`, a program shape from `programs/mod.rs`, or `N`, a generated graph).

#[path = "programs/mod.rs"]
mod programs;

use adjoint_layout::generate::extended_graph;
use adjoint_layout::{layout, Band, LayoutOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "chain-x1:8".into());
    let input = match arg.split_once(':') {
        Some((name, n)) => {
            let shape = programs::SHAPES
                .iter()
                .find(|s| s.name == name)
                .ok_or_else(|| format!("unknown program shape `{name}`"))?;
            programs::layout_input(&programs::trace(shape, n.parse()?))
        }
        None => extended_graph(arg.parse()?, 42).to_layout_input(),
    };
    let out = layout(&input, &LayoutOptions::default())?;
    println!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 -10 {} {}" style="background:white">"#,
        out.width + 20.0,
        out.height + 20.0
    );
    for r in &out.edges {
        let pts: Vec<String> = r
            .points
            .iter()
            .map(|p| format!("{:.1},{:.1}", p.x, p.y))
            .collect();
        println!(
            r##"<polyline points="{}" fill="none" stroke="#456" stroke-width="1"/>"##,
            pts.join(" ")
        );
    }
    for (v, (p, s)) in out.nodes.iter().zip(&out.sizes).enumerate() {
        let fill = match input.nodes[v].band {
            Band::Forward => "#dde8ff",
            Band::Adjoint { .. } => "#ffe4d6",
        };
        println!(
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="black"/><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle">{v}</text>"#,
            p.x - s.width / 2.0,
            p.y - s.height / 2.0,
            s.width,
            s.height,
            p.x,
            p.y + 4.0
        );
    }
    println!("<!-- crossings: {} -->\n</svg>", out.crossings);
    Ok(())
}
