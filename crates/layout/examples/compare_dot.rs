//! Compares our layout with Graphviz `dot` on generated extended AD graphs and prints a
//! markdown table: size, time, speed ratio and crossings of both.
//!
//! Run: `cargo run --profile release-native -p adjoint-layout --example compare_dot -- [ARG ...]`
//! where an argument is `N` (a generated graph with N forward nodes; default 10 30 100 300
//! 1000 3000), `SHAPE:N` (the extended graph of a program with N statements, built by the
//! engine as the app lays it out; shapes in `programs/mod.rs`: `chain-x1`, `chain-local`,
//! `fan`), a `.dot` file, or a `.plain` file (saved `dot -Tplain` output: just print the
//! crossings of that drawing). `DOT_TIMEOUT_SECS` (default 600) bounds each
//! `dot` run (0: do not run dot). Crossings of dot's drawing are counted exactly as ours
//! (`crossing_path` then `count_crossings`): rank lines are dot's distinct node-centre x
//! values, an edge's key at its ends is its node's centre y, and at every rank line between
//! the y where its B-spline (sampled 16 times per cubic piece) first crosses that line.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use adjoint_layout::generate::extended_graph;
use adjoint_layout::{count_crossings, crossing_path, layout, LayoutOptions, Point};

const SEED: u64 = 42;

#[path = "programs/mod.rs"]
mod programs;

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
    let mut jobs: Vec<Job> = Vec::new();
    for a in &args {
        if let Ok(n) = a.parse::<usize>() {
            let graph = extended_graph(n, SEED);
            jobs.push((n.to_string(), graph.to_layout_input(), graph));
        } else if a.ends_with(".dot") {
            let stem = Path::new(a)
                .file_stem()
                .map_or("file".into(), |s| s.to_string_lossy().into_owned());
            let graph = adjoint_layout::dot::parse(&std::fs::read_to_string(a)?)?;
            jobs.push((stem, graph.to_layout_input(), graph));
        } else if let Some((name, n)) = a.split_once(':') {
            let shape = programs::SHAPES
                .iter()
                .find(|s| s.name == name)
                .ok_or_else(|| format!("unknown program shape `{name}`"))?;
            let trace = programs::trace(shape, n.parse()?);
            jobs.push((
                a.replace(':', "-"),
                programs::layout_input(&trace),
                programs::dot_graph(&trace),
            ));
        } else if !a.ends_with(".plain") {
            return Err(format!("unknown argument `{a}`").into());
        }
    }
    if jobs.is_empty() {
        for n in [10, 30, 100, 300, 1000, 3000] {
            let graph = extended_graph(n, SEED);
            jobs.push((n.to_string(), graph.to_layout_input(), graph));
        }
    }
    let timeout = std::env::var("DOT_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let dir = std::env::temp_dir().join("adjoint-layout-compare");
    std::fs::create_dir_all(&dir)?;
    println!("| graph | nodes | edges | layers | ours (ms) | ours CPU (ms) | dot (ms) | dot / ours | our crossings | dot crossings |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (n, input, graph) in jobs {
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
            "| {n} | {} | {} | {} | {:.2} | {} | {dot_ms} | {ratio} | {} | {dot_cross} |",
            input.nodes.len(),
            input.edges.len(),
            result.layers.iter().max().map_or(0, |l| l + 1),
            ours * 1e3,
            cpu.map_or("–".to_string(), |c| format!("{:.2}", c * 1e3)),
            result.crossings
        );
    }
    println!("\nDOT files: {}", dir.display());
    Ok(())
}

/// A graph to compare: its name, our layout input, and the DOT graph given to `dot`.
type Job = (
    String,
    adjoint_layout::LayoutInput,
    adjoint_layout::dot::DotGraph,
);

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
        let poly: Vec<Point> = flatten(ctrl)
            .into_iter()
            .map(|(x, y)| Point { x, y })
            .collect();
        paths.push(crossing_path(&xs, (rt, ty), (rh, hy), &poly));
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
