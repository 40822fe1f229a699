//! Parser for the DOT subset described in `mod.rs`: a loop over statements, no recursion.

use std::collections::BTreeMap;

use super::lexer::{error, tokenize, Spanned, Tok};
use super::{DotEdge, DotGraph, DotNode};
use crate::{Band, LayoutError};

/// Parses a whole `digraph`.
pub(crate) fn parse(text: &str) -> Result<DotGraph, LayoutError> {
    let tokens = tokenize(text)?;
    let end = tokens.last().map_or((1, 1), |t| (t.line, t.column + 1));
    let mut p = Parser {
        tokens,
        at: 0,
        end,
        graph: DotGraph::default(),
        ids: BTreeMap::new(),
        columns: Vec::new(),
    };
    p.header()?;
    p.statements()?;
    p.resolve_columns()?;
    Ok(p.graph)
}

/// Parser state: the tokens, a cursor, the graph built so far, and `column_of` references
/// (node, target id, position) resolved at the end, when every node is known.
struct Parser {
    tokens: Vec<Spanned>,
    at: usize,
    end: (usize, usize),
    graph: DotGraph,
    ids: BTreeMap<String, usize>,
    columns: Vec<(usize, String, (usize, usize))>,
}

/// One `key = value` attribute and where its value starts.
struct Attr {
    key: String,
    value: String,
    pos: (usize, usize),
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at).map(|t| &t.tok)
    }

    fn pos(&self) -> (usize, usize) {
        self.tokens
            .get(self.at)
            .map_or(self.end, |t| (t.line, t.column))
    }

    fn fail<T>(&self, message: impl Into<String>) -> Result<T, LayoutError> {
        let (line, column) = self.pos();
        Err(error(line, column, message))
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        if self.peek() == Some(tok) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, tok: &Tok, what: &str) -> Result<(), LayoutError> {
        if self.eat(tok) {
            Ok(())
        } else {
            self.fail(format!("expected {what}"))
        }
    }

    fn keyword(&self) -> Option<String> {
        match self.peek() {
            Some(Tok::Bare(s)) => Some(s.to_ascii_lowercase()),
            _ => None,
        }
    }

    /// An identifier: bare, numeral or quoted.
    fn id(&mut self, what: &str) -> Result<String, LayoutError> {
        match self.peek() {
            Some(Tok::Bare(s)) | Some(Tok::Quoted(s)) => {
                let s = s.clone();
                self.at += 1;
                Ok(s)
            }
            _ => self.fail(format!("expected {what}")),
        }
    }

    /// `strict? digraph ID? {`
    fn header(&mut self) -> Result<(), LayoutError> {
        if self.keyword().as_deref() == Some("strict") {
            self.at += 1;
        }
        match self.keyword().as_deref() {
            Some("digraph") => self.at += 1,
            Some("graph") => {
                return self.fail("undirected `graph` is not supported; use `digraph`")
            }
            _ => return self.fail("expected `digraph`"),
        }
        if !matches!(self.peek(), Some(Tok::LBrace)) {
            self.graph.name = Some(self.id("a graph name or `{`")?);
        }
        self.expect(&Tok::LBrace, "`{`")
    }

    /// Statements up to the closing `}`, which must end the text.
    fn statements(&mut self) -> Result<(), LayoutError> {
        loop {
            match self.peek() {
                None => return self.fail("expected `}` before the end of the text"),
                Some(Tok::RBrace) => {
                    self.at += 1;
                    return match self.peek() {
                        None => Ok(()),
                        Some(_) => self.fail("unexpected text after the closing `}`"),
                    };
                }
                Some(Tok::Semi) => self.at += 1,
                Some(_) => self.statement()?,
            }
        }
    }

    fn statement(&mut self) -> Result<(), LayoutError> {
        match self.keyword().as_deref() {
            Some("graph" | "node" | "edge") => {
                self.at += 1;
                self.attributes()?;
                return Ok(());
            }
            Some("subgraph") => return self.fail("subgraphs are not supported"),
            _ => {}
        }
        if matches!(self.peek(), Some(Tok::LBrace)) {
            return self.fail("subgraphs are not supported");
        }
        let first = self.id("a node id")?;
        if self.eat(&Tok::Eq) {
            self.id("a value after `=`")?; // graph attribute, ignored
            return Ok(());
        }
        self.port()?;
        let mut chain = vec![first];
        loop {
            match self.peek() {
                Some(Tok::Arrow) => {
                    self.at += 1;
                    chain.push(self.id("a node id after `->`")?);
                    self.port()?;
                }
                Some(Tok::Undirected) => {
                    return self.fail("`--` is for undirected graphs; use `->`")
                }
                _ => break,
            }
        }
        let attrs = self.attributes()?;
        let ids: Vec<usize> = chain.into_iter().map(|id| self.node(id)).collect();
        if ids.len() == 1 {
            self.node_attributes(ids[0], attrs)
        } else {
            let label = attrs
                .into_iter()
                .rev()
                .find(|a| a.key == "label")
                .map(|a| a.value);
            for w in ids.windows(2) {
                self.graph.edges.push(DotEdge {
                    src: w[0],
                    dst: w[1],
                    label: label.clone(),
                });
            }
            Ok(())
        }
    }

    /// Optional `:port` or `:port:compass` after a node id, ignored.
    fn port(&mut self) -> Result<(), LayoutError> {
        for _ in 0..2 {
            if !self.eat(&Tok::Colon) {
                break;
            }
            self.id("a port name after `:`")?;
        }
        Ok(())
    }

    /// Zero or more `[ key = value, ... ]` lists.
    fn attributes(&mut self) -> Result<Vec<Attr>, LayoutError> {
        let mut attrs = Vec::new();
        while self.eat(&Tok::LBracket) {
            loop {
                if self.eat(&Tok::RBracket) {
                    break;
                }
                let key = self.id("an attribute name or `]`")?;
                let pos = self.pos();
                let value = if self.eat(&Tok::Eq) {
                    self.id("an attribute value")?
                } else {
                    "true".into()
                };
                attrs.push(Attr { key, value, pos });
                if !self.eat(&Tok::Comma) {
                    self.eat(&Tok::Semi);
                }
            }
        }
        Ok(attrs)
    }

    /// Index of the node with this id, added on first mention.
    fn node(&mut self, id: String) -> usize {
        if let Some(&i) = self.ids.get(&id) {
            return i;
        }
        let i = self.graph.nodes.len();
        self.ids.insert(id.clone(), i);
        self.graph.nodes.push(DotNode {
            id,
            label: None,
            band: Band::Forward,
        });
        i
    }

    /// `label`, `band` and `column_of`; every other attribute is ignored.
    fn node_attributes(&mut self, node: usize, attrs: Vec<Attr>) -> Result<(), LayoutError> {
        for a in attrs {
            match a.key.as_str() {
                "label" => self.graph.nodes[node].label = Some(a.value),
                "band" => {
                    self.graph.nodes[node].band = match a.value.as_str() {
                        "forward" => Band::Forward,
                        "adjoint" => Band::Adjoint { column_of: None },
                        _ => {
                            return Err(error(
                                a.pos.0,
                                a.pos.1,
                                "band must be `forward` or `adjoint`",
                            ))
                        }
                    }
                }
                "column_of" => self.columns.push((node, a.value, a.pos)),
                _ => {}
            }
        }
        Ok(())
    }

    /// Turns `column_of` ids into indexes; the node must be in the adjoint band.
    fn resolve_columns(&mut self) -> Result<(), LayoutError> {
        for (node, target, (line, column)) in std::mem::take(&mut self.columns) {
            let Some(&f) = self.ids.get(&target) else {
                return Err(error(
                    line,
                    column,
                    format!("column_of names unknown node `{target}`"),
                ));
            };
            match &mut self.graph.nodes[node].band {
                Band::Adjoint { column_of } => *column_of = Some(f),
                Band::Forward => {
                    return Err(error(line, column, "column_of needs band=\"adjoint\""))
                }
            }
        }
        Ok(())
    }
}
