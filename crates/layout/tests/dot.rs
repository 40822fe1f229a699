//! The DOT reader, writer and `layout_dot_json`.

use adjoint_layout::dot::{parse, DotGraph};
use adjoint_layout::generate::extended_graph;
use adjoint_layout::{layout_dot_json, Band, LayoutError};

fn ids(g: &DotGraph) -> Vec<&str> {
    g.nodes.iter().map(|n| n.id.as_str()).collect()
}

fn edges(g: &DotGraph) -> Vec<(usize, usize)> {
    g.edges.iter().map(|e| (e.src, e.dst)).collect()
}

fn parse_error(text: &str) -> (usize, usize, String) {
    match parse(text) {
        Err(LayoutError::Parse {
            line,
            column,
            message,
        }) => (line, column, message),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn the_example_from_the_issue() {
    let g =
        parse(r#"digraph G { a -> b; b -> c [label="x"]; a [label="hello"]; }"#).expect("valid");
    assert_eq!(g.name.as_deref(), Some("G"));
    assert_eq!(ids(&g), ["a", "b", "c"]);
    assert_eq!(edges(&g), [(0, 1), (1, 2)]);
    assert_eq!(g.edges[1].label.as_deref(), Some("x"));
    assert_eq!(g.nodes[0].label.as_deref(), Some("hello"));
    assert_eq!(g.nodes[0].text(), "hello");
    assert_eq!(g.nodes[1].text(), "b");
}

#[test]
fn chains_quotes_comments_and_ignored_statements() {
    let text = r#"
        // a comment
        # a preprocessor-style comment
        strict digraph {
            rankdir = LR; graph [fontsize=10]; node [shape=box] edge [color=red]
            "x y" -> b -> "c\"q" -> 12 -> -3.5 [weight=2, label=<<b>bold</b>>];
            /* block
               comment */ b:port:n -> d
            d [color=blue label="multi\nline"];
        }"#;
    let g = parse(text).expect("valid");
    assert_eq!(ids(&g), ["x y", "b", "c\"q", "12", "-3.5", "d"]);
    assert_eq!(edges(&g), [(0, 1), (1, 2), (2, 3), (3, 4), (1, 5)]);
    assert_eq!(g.edges[3].label.as_deref(), Some("<b>bold</b>"));
    assert_eq!(g.nodes[5].label.as_deref(), Some("multi\\nline"));
}

#[test]
fn band_and_column_attributes() {
    let g =
        parse(r#"digraph { v -> w; w_bar [band=adjoint, column_of="w"]; p [band="adjoint"]; }"#)
            .expect("valid");
    assert_eq!(g.nodes[2].band, Band::Adjoint { column_of: Some(1) });
    assert_eq!(g.nodes[3].band, Band::Adjoint { column_of: None });
    assert_eq!(g.nodes[0].band, Band::Forward);
}

#[test]
fn errors_carry_line_and_column() {
    assert_eq!(parse_error("graph { a -- b }").0, 1);
    let (line, column, message) = parse_error("digraph {\n  a -> ;\n}");
    assert_eq!((line, column), (2, 8));
    assert!(message.contains("node id"), "{message}");
    let (line, column, _) = parse_error("digraph {\n a -> b\n");
    assert_eq!(
        line, 2,
        "end of text is reported at the last token (col {column})"
    );
    let (line, column, message) = parse_error("digraph { a [label=\"open }");
    assert_eq!((line, column), (1, 20));
    assert!(message.contains("unterminated"));
    let (line, column, message) = parse_error("digraph {\n\n   subgraph s { a }\n}");
    assert_eq!((line, column), (3, 4));
    assert!(message.contains("subgraph"));
    let (_, _, message) = parse_error("digraph { a [column_of=zz band=adjoint]; }");
    assert!(message.contains("zz"));
    let (line, column, _) = parse_error("digraph { a -> b } trailing");
    assert_eq!((line, column), (1, 20));
    let (_, _, message) = parse_error("digraph { a ! b }");
    assert!(message.contains('!'));
    assert_eq!(parse_error("").0, 1);
}

#[test]
fn generated_dot_round_trips() {
    let g = extended_graph(25, 3);
    let back = parse(&g.to_dot()).expect("our own DOT parses");
    assert_eq!(back.name.as_deref(), Some("G"));
    assert_eq!(back.nodes, g.nodes);
    assert_eq!(back.edges, g.edges);
}

#[test]
fn json_has_nodes_edges_and_crossings() {
    let json =
        layout_dot_json(r#"digraph G { a -> b; b -> c [label="x"]; a -> c; a [label="hello"]; }"#)
            .expect("valid");
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let nodes = v["nodes"].as_object().expect("object");
    assert_eq!(nodes.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
    let a = nodes["a"].as_array().expect("[x, y]");
    assert_eq!(a.len(), 2);
    let edges = v["edges"].as_array().expect("array");
    assert_eq!(edges.len(), 3);
    assert_eq!(edges[0][0], "a");
    assert_eq!(edges[0][1], "b");
    assert!(edges[2][2].as_array().expect("points").len() >= 2);
    assert_eq!(v["crossings"], 0);
    assert_eq!(
        json,
        layout_dot_json(r#"digraph G { a -> b; b -> c [label="x"]; a -> c; a [label="hello"]; }"#)
            .expect("valid")
    );
}

#[test]
fn json_errors_name_the_dot_node() {
    let err = layout_dot_json("digraph { a -> b -> c -> a; }").expect_err("cycle");
    match err {
        LayoutError::AtDotNode { id, source } => {
            assert!(["a", "b", "c"].contains(&id.as_str()));
            assert!(matches!(*source, LayoutError::Cycle { .. }));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(matches!(
        layout_dot_json("digraph { a -> a }"),
        Err(LayoutError::AtDotNode { .. })
    ));
    assert_eq!(
        layout_dot_json("digraph { }").expect("empty"),
        r#"{"nodes":{},"edges":[],"crossings":0}"#
    );
}
