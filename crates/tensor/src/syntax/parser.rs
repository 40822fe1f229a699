//! A recursive-descent parser for the tensor language, with a nesting limit so deep
//! input gives an error instead of a stack overflow.
//!
//! ```text
//! program := stmt (SEP stmt)*          stmt := NAME '=' expr | expr
//! expr    := term (('+' | '-') term)*   term := unary (('*' | '/' | '@') unary)*
//! unary   := '-' unary | power          power := postfix ('^' unary)?
//! postfix := primary ('[' (INT | STR) ']' | '.' 'T')*
//! primary := NUM | NAME | NAME '(' args ')' | '(' expr ')' | '(' expr ',' … ')'
//!          | '[' array ']' | '{' STR ':' expr, … '}'
//! ```

use adjoint_engine::Span;

use super::ast::{BinOp, Expr, ExprKind, Key, Stmt};
use super::lexer::{lex, Tok, Token};
use crate::error::TensorError;

/// How deeply expressions may nest.
pub const MAX_DEPTH: usize = 100;

/// How many operators one statement may hold (a longer chain such as `x+x+…` would
/// build a syntax tree deep enough to overflow the stack when lowered or dropped).
pub const MAX_OPS: usize = 1000;

/// Parses a program into its statements.
pub fn parse(src: &str) -> Result<Vec<Stmt>, TensorError> {
    let mut p = Parser {
        toks: lex(src)?,
        at: 0,
        depth: 0,
        ops: 0,
    };
    let mut out = Vec::new();
    loop {
        while p.peek() == &Tok::Sep {
            p.at += 1;
        }
        if p.peek() == &Tok::Eof {
            break;
        }
        out.push(p.stmt()?);
        match p.peek() {
            Tok::Sep | Tok::Eof => {}
            _ => return Err(p.error("expected a new line or `;` after the statement")),
        }
    }
    if out.is_empty() {
        return Err(TensorError::EmptyProgram);
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Token>,
    at: usize,
    depth: usize,
    /// Operators in the current statement.
    ops: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        self.toks.get(self.at).map_or(&Tok::Eof, |t| &t.tok)
    }
    fn span(&self) -> Span {
        self.toks
            .get(self.at)
            .or(self.toks.last())
            .map_or(Span::new(0, 0), |t| t.span)
    }
    fn prev_end(&self) -> usize {
        self.at
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(0, |t| t.span.end)
    }
    fn bump(&mut self) -> Token {
        let t = self.toks.get(self.at).cloned().unwrap_or(Token {
            tok: Tok::Eof,
            span: self.span(),
        });
        self.at += 1;
        t
    }
    fn error(&self, message: impl Into<String>) -> TensorError {
        TensorError::Parse {
            message: message.into(),
            span: self.span(),
        }
    }
    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == &Tok::Punct(c);
        if hit {
            self.at += 1;
        }
        hit
    }
    fn expect(&mut self, c: char, what: &str) -> Result<(), TensorError> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.error(format!("expected `{c}` {what}")))
        }
    }
    fn node(&self, kind: ExprKind, start: usize) -> Expr {
        Expr {
            kind,
            span: Span::new(start, self.prev_end().max(start)),
        }
    }
    fn enter(&mut self) -> Result<(), TensorError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("expressions nest more than {MAX_DEPTH} deep")));
        }
        Ok(())
    }

    /// Counts one more operator in the statement, or fails past [`MAX_OPS`].
    fn grow(&mut self) -> Result<(), TensorError> {
        self.ops += 1;
        if self.ops > MAX_OPS {
            return Err(self.error(format!(
                "a statement may hold at most {MAX_OPS} operators; split it into several statements"
            )));
        }
        Ok(())
    }

    fn stmt(&mut self) -> Result<Stmt, TensorError> {
        self.ops = 0;
        if let (Tok::Ident(name), Some(Tok::Punct('='))) = (
            self.peek().clone(),
            self.toks.get(self.at + 1).map(|t| &t.tok),
        ) {
            let span = self.span();
            self.at += 2;
            let expr = self.expr()?;
            return Ok(Stmt {
                name: Some((name, span)),
                expr,
            });
        }
        Ok(Stmt {
            name: None,
            expr: self.expr()?,
        })
    }

    fn expr(&mut self) -> Result<Expr, TensorError> {
        self.enter()?;
        let start = self.span().start;
        let mut left = self.term()?;
        loop {
            let op = match self.peek() {
                Tok::Punct('+') => BinOp::Add,
                Tok::Punct('-') => BinOp::Sub,
                _ => break,
            };
            self.grow()?;
            self.at += 1;
            let right = self.term()?;
            left = self.node(ExprKind::Binary(op, Box::new(left), Box::new(right)), start);
        }
        self.depth -= 1;
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, TensorError> {
        let start = self.span().start;
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Tok::Punct('*') => BinOp::Mul,
                Tok::Punct('/') => BinOp::Div,
                Tok::Punct('@') => BinOp::MatMul,
                _ => break,
            };
            self.grow()?;
            self.at += 1;
            let right = self.unary()?;
            left = self.node(ExprKind::Binary(op, Box::new(left), Box::new(right)), start);
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, TensorError> {
        self.enter()?;
        let start = self.span().start;
        let e = if self.eat('-') {
            let inner = self.unary()?;
            match inner.kind {
                ExprKind::Num(v) => self.node(ExprKind::Num(-v), start),
                _ => self.node(ExprKind::Neg(Box::new(inner)), start),
            }
        } else {
            let base = self.postfix()?;
            if self.eat('^') {
                let exp = self.unary()?;
                self.node(
                    ExprKind::Binary(BinOp::Pow, Box::new(base), Box::new(exp)),
                    start,
                )
            } else {
                base
            }
        };
        self.depth -= 1;
        Ok(e)
    }

    fn postfix(&mut self) -> Result<Expr, TensorError> {
        let start = self.span().start;
        let mut e = self.primary()?;
        loop {
            if matches!(self.peek(), Tok::Punct('[' | '.')) {
                self.grow()?;
            }
            if self.eat('[') {
                let key = match self.bump().tok {
                    Tok::Str(s) => Key::Name(s),
                    Tok::Num(v) if v >= 0.0 && v.fract() == 0.0 && v < 1e9 => {
                        Key::Index(v as usize)
                    }
                    _ => {
                        self.at -= 1;
                        return Err(self.error(
                            "an index is a whole number (t[0]) or a string key (d[\"cat\"])",
                        ));
                    }
                };
                self.expect(']', "to close the index")?;
                e = self.node(ExprKind::Index(Box::new(e), key), start);
            } else if self.eat('.') {
                match self.bump().tok {
                    Tok::Ident(t) if t == "T" => {}
                    _ => {
                        self.at -= 1;
                        return Err(self.error("after `.` only `T` (transpose) is known"));
                    }
                }
                e = self.node(ExprKind::Transpose(Box::new(e)), start);
            } else {
                return Ok(e);
            }
        }
    }

    fn primary(&mut self) -> Result<Expr, TensorError> {
        let start = self.span().start;
        let t = self.bump();
        match t.tok {
            Tok::Num(v) => Ok(self.node(ExprKind::Num(v), start)),
            Tok::Ident(name) if self.eat('(') => {
                let args = self.list(')', "to close the call")?;
                Ok(self.node(ExprKind::Call(name, args), start))
            }
            Tok::Ident(name) => Ok(self.node(ExprKind::Name(name), start)),
            Tok::Punct('(') => {
                let mut items = self.list(')', "to close the parenthesis")?;
                let trailing = self.toks.get(self.at.wrapping_sub(2)).map(|t| &t.tok)
                    == Some(&Tok::Punct(','));
                if items.len() == 1 && !trailing {
                    return Ok(items.remove(0));
                }
                if items.is_empty() {
                    return Err(TensorError::Parse {
                        message: "empty parentheses: write a value or a tuple (a, b)".into(),
                        span: Span::new(start, self.prev_end()),
                    });
                }
                Ok(self.node(ExprKind::Tuple(items), start))
            }
            Tok::Punct('[') => {
                self.at -= 1;
                let (shape, data) = self.array()?;
                Ok(self.node(ExprKind::Array { shape, data }, start))
            }
            Tok::Punct('{') => self.dict(start),
            _ => {
                self.at -= 1;
                Err(self.error("expected a number, a name, `(`, `[` or `{` here"))
            }
        }
    }

    /// `a, b, …` up to `close` (a trailing comma is allowed).
    fn list(&mut self, close: char, what: &str) -> Result<Vec<Expr>, TensorError> {
        let mut items = Vec::new();
        while !self.eat(close) {
            items.push(self.expr()?);
            if !self.eat(',') {
                self.expect(close, what)?;
                break;
            }
        }
        Ok(items)
    }

    /// A nested list of numbers: its shape and row-major entries.
    fn array(&mut self) -> Result<(Vec<usize>, Vec<f64>), TensorError> {
        self.enter()?;
        let open = self.span();
        self.expect('[', "to start an array")?;
        let mut rows: Vec<(Vec<usize>, Vec<f64>)> = Vec::new();
        while !self.eat(']') {
            let span = self.span();
            let item = match self.peek() {
                Tok::Punct('[') => self.array()?,
                Tok::Punct('-') | Tok::Num(_) => {
                    let neg = self.eat('-');
                    match self.bump().tok {
                        Tok::Num(v) => (vec![], vec![if neg { -v } else { v }]),
                        _ => {
                            self.at -= 1;
                            return Err(self.error("expected a number after `-`"));
                        }
                    }
                }
                _ => return Err(self.error("array literals hold numbers or nested arrays only")),
            };
            if let Some((first, _)) = rows.first() {
                if first != &item.0 {
                    return Err(TensorError::Parse {
                        message: format!(
                            "ragged array: this entry has shape {:?} but the first has {:?}",
                            item.0, first
                        ),
                        span: Span::new(span.start, self.prev_end()),
                    });
                }
            }
            rows.push(item);
            if !self.eat(',') {
                self.expect(']', "to close the array")?;
                break;
            }
        }
        self.depth -= 1;
        let Some((inner, _)) = rows.first() else {
            return Err(TensorError::Parse {
                message: "empty array: tensors need at least one entry".into(),
                span: Span::new(open.start, self.prev_end()),
            });
        };
        let mut shape = vec![rows.len()];
        shape.extend_from_slice(inner);
        Ok((shape, rows.into_iter().flat_map(|(_, d)| d).collect()))
    }

    fn dict(&mut self, start: usize) -> Result<Expr, TensorError> {
        let mut entries = Vec::new();
        while !self.eat('}') {
            let Tok::Str(key) = self.bump().tok else {
                self.at -= 1;
                return Err(self.error("dict keys are strings: {\"cat\": a0}"));
            };
            self.expect(':', "after the key")?;
            entries.push((key, self.expr()?));
            if !self.eat(',') {
                self.expect('}', "to close the dict")?;
                break;
            }
        }
        if entries.is_empty() {
            return Err(TensorError::Parse {
                message: "empty dict: give at least one entry".into(),
                span: Span::new(start, self.prev_end()),
            });
        }
        Ok(self.node(ExprKind::Dict(entries), start))
    }
}
