//! Compares our layout with Graphviz `dot` on generated extended AD graphs and prints a
//! markdown table: size, time, speed ratio and crossings of both.
//!
//! Run: `cargo run --profile release-native -p adjoint-layout --example compare_dot -- [N ...]`
//! (default sizes 10 30 100 300 1000 3000); arguments ending in `.dot` compare on those files; arguments ending in `.plain` (saved
//! `dot -Tplain` output) just print the crossings of that drawing. `DOT_TIMEOUT_SECS` (default 600) bounds each
//! `dot` run (0: do not run dot). Crossings of dot's drawing are counted with the same `count_crossings`: ranks
//! are dot's distinct node-centre x values, a node's key is its centre y, and an edge that
//! spans several ranks gets a key at each rank it passes: the y where its B-spline crosses
//! that rank's x.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use adjoint_layout::generate::extended_graph;
use adjoint_layout::{count_crossings, layout, LayoutOptions};

const SEED: u64 = 42;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    for plain in args.iter().filter(|a| a.ends_with(".plain")) {
        println!(
            "{plain}: {} crossings",
            dot_crossings(&std::fs::read_to_string(plain)?)
        );
    }
    if !args.is_empty() && args.iter().all(|a| a.ends_with(".plain")) {
        return Ok(());
    }
    let files: Vec<&String> = args.iter().filter(|a| a.ends_with(".dot")).collect();
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() && files.is_empty() {
        sizes = vec![10, 30, 100, 300, 1000, 3000];
    }
    let timeout = std::env::var("DOT_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let dir = std::env::temp_dir().join("adjoint-layout-compare");
    std::fs::create_dir_all(&dir)?;
    println!("| N (forward) | nodes | edges | ours (ms) | ours CPU (ms) | dot (ms) | dot / ours | our crossings | dot crossings |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut jobs: Vec<(String, adjoint_layout::dot::DotGraph)> = sizes
        .iter()
        .map(|&n| (n.to_string(), extended_graph(n, SEED)))
        .collect();
    for f in files {
        let stem = Path::new(f)
            .file_stem()
            .map_or("file".into(), |s| s.to_string_lossy().into_owned());
        jobs.push((
            stem,
            adjoint_layout::dot::parse(&std::fs::read_to_string(f)?)?,
        ));
    }
    for (n, graph) in jobs {
        let input = graph.to_layout_input();
        let (ours, cpu, result) = time_ours(&input)?;
        let path = dir.join(format!("extended-{n}.dot"));
        std::fs::write(&path, graph.to_dot())?;
        let dot = if timeout == 0 {
            None
        } else {
            Some(run_dot(&path, Duration::from_secs(timeout))?)
        };
        let (dot_ms, dot_cross) = match dot {
            None => ("not run".to_string(), "–".to_string()),
            Some(Some((t, plain))) => {
                (format!("{:.1}", t * 1e3), dot_crossings(&plain).to_string())
            }
            Some(None) => (format!("> {timeout} s (killed)"), "–".to_string()),
        };
        let ratio = dot_ms
            .parse::<f64>()
            .map_or("–".to_string(), |d| format!("{:.0}×", d / (ours * 1e3)));
        println!(
            "| {n} | {} | {} | {:.2} | {} | {dot_ms} | {ratio} | {} | {dot_cross} |",
            input.nodes.len(),
            input.edges.len(),
            ours * 1e3,
            cpu.map_or("–".to_string(), |c| format!("{:.2}", c * 1e3)),
            result.crossings
        );
    }
    println!("\nDOT files: {}", dir.display());
    Ok(())
}

/// Median wall time of our layout over enough runs to fill ~0.5 s (at least 3), and the
/// mean on-CPU time of the same runs (Linux `/proc/thread-self/schedstat`, read around the
/// whole loop since it is updated per scheduler tick; robust when other processes share the
/// cores).
fn time_ours(
    input: &adjoint_layout::LayoutInput,
) -> Result<(f64, Option<f64>, adjoint_layout::Layout), adjoint_layout::LayoutError> {
    let options = LayoutOptions::default();
    let mut times = Vec::new();
    let mut result = layout(input, &options)?;
    let cpu_start = cpu_seconds();
    while times.len() < 3 || (times.iter().sum::<f64>() < 0.5 && times.len() < 200) {
        let t = Instant::now();
        result = layout(input, &options)?;
        times.push(t.elapsed().as_secs_f64());
    }
    let runs = times.len() as f64;
    let cpu = cpu_start.zip(cpu_seconds()).map(|(a, b)| (b - a) / runs);
    times.sort_by(f64::total_cmp);
    Ok((times[times.len() / 2], cpu, result))
}

/// On-CPU time of this thread in seconds, if the OS tells.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Runs `dot -Tplain` once; `None` if it ran past the timeout (then it is killed).
fn run_dot(path: &Path, timeout: Duration) -> std::io::Result<Option<(f64, String)>> {
    let out_path: PathBuf = path.with_extension("plain");
    let out = std::fs::File::create(&out_path)?;
    let start = Instant::now();
    let mut child = Command::new("dot")
        .arg("-Tplain")
        .arg(path)
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()?;
    loop {
        if child.try_wait()?.is_some() {
            let elapsed = start.elapsed().as_secs_f64();
            return Ok(Some((elapsed, std::fs::read_to_string(&out_path)?)));
        }
        if start.elapsed() > timeout {
            child.kill()?;
            child.wait()?;
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Splits a `-Tplain` line into fields, honouring double quotes.
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// An edge of `-Tplain` output: tail, head, B-spline control points (inches).
type PlainEdge = (String, String, Vec<(f64, f64)>);

/// Crossings of dot's drawing, counted by `count_crossings` (see the file docs).
fn dot_crossings(plain: &str) -> usize {
    let mut nodes: Vec<(String, f64, f64)> = Vec::new();
    let mut edges: Vec<PlainEdge> = Vec::new();
    for line in plain.lines() {
        let f = fields(line);
        let num = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
        match f.first().map(String::as_str) {
            Some("node") => nodes.push((f[1].clone(), num(2), num(3))),
            Some("edge") => {
                let n = num(3) as usize;
                let pts = (0..n).map(|k| (num(4 + 2 * k), num(5 + 2 * k))).collect();
                edges.push((f[1].clone(), f[2].clone(), pts));
            }
            _ => {}
        }
    }
    // Ranks: distinct node-centre x values (dot prints them rounded; 1e-3 in. tolerance).
    let mut xs: Vec<f64> = nodes.iter().map(|n| n.1).collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 1e-3);
    let rank_of = |x: f64| xs.iter().position(|r| (r - x).abs() < 1e-3).unwrap_or(0);
    let by_name: std::collections::BTreeMap<&str, (f64, f64)> = nodes
        .iter()
        .map(|(n, x, y)| (n.as_str(), (*x, *y)))
        .collect();
    let mut paths = Vec::new();
    for (tail, head, ctrl) in &edges {
        let (Some(&(tx, ty)), Some(&(hx, hy))) =
            (by_name.get(tail.as_str()), by_name.get(head.as_str()))
        else {
            continue;
        };
        let (rt, rh) = (rank_of(tx), rank_of(hx));
        let poly = flatten(ctrl);
        let mut path = vec![(rt, ty)];
        let between: Vec<usize> = if rt < rh {
            (rt + 1..rh).collect()
        } else {
            (rh + 1..rt).rev().collect()
        };
        for r in between {
            path.push((r, y_at(&poly, xs[r]).unwrap_or((ty + hy) / 2.0)));
        }
        path.push((rh, hy));
        paths.push(path);
    }
    count_crossings(&paths)
}

/// Samples a piecewise cubic Bézier (1 + 3k control points) into a polyline.
fn flatten(ctrl: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = ctrl.first().copied().into_iter().collect::<Vec<_>>();
    for seg in ctrl.windows(4).step_by(3) {
        for s in 1..=16 {
            let t = s as f64 / 16.0;
            let u = 1.0 - t;
            let b = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
            let x = (0..4).map(|k| b[k] * seg[k].0).sum();
            let y = (0..4).map(|k| b[k] * seg[k].1).sum();
            out.push((x, y));
        }
    }
    out
}

/// The y where a polyline first crosses the vertical line at `x`.
fn y_at(poly: &[(f64, f64)], x: f64) -> Option<f64> {
    poly.windows(2).find_map(|w| {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let (lo, hi) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
        if x < lo || x > hi {
            return None;
        }
        if (x1 - x0).abs() < 1e-12 {
            return Some(y0);
        }
        Some(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
    })
}
