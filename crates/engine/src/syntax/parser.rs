//! A precedence-climbing parser: `+ -` < `* /` < unary minus < `^` (right-associative).

use super::ast::{BinOp, Expr, ExprKind, Func, Program, Stmt};
use super::lexer::{lex, Tok, Token};
use crate::error::{EngineError, Span};

/// How deeply expressions may nest before the parser refuses (keeps the stack small in wasm).
pub const MAX_NESTING: usize = 200;

/// The longest program accepted, in bytes (a projector-sized program is well under 1 KB;
/// generated benchmark programs stay under this).
pub const MAX_SOURCE_BYTES: usize = 4 << 20;

/// Parses a whole program.
pub fn parse(src: &str) -> Result<Program, EngineError> {
    if src.len() > MAX_SOURCE_BYTES {
        return Err(EngineError::Limit {
            what: "the program's length in bytes",
            limit: MAX_SOURCE_BYTES,
        });
    }
    let tokens = lex(src)?;
    let mut p = Parser {
        tokens,
        pos: 0,
        depth: 0,
    };
    let mut stmts = Vec::new();
    loop {
        while p.peek() == &Tok::Sep {
            p.pos += 1;
        }
        if p.peek() == &Tok::Eof {
            break;
        }
        stmts.push(p.stmt()?);
        match p.peek() {
            Tok::Sep | Tok::Eof => {}
            _ => return Err(p.unexpected("an operator, a new line or `;`")),
        }
    }
    if stmts.is_empty() {
        return Err(EngineError::EmptyProgram);
    }
    Ok(Program { stmts })
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos.min(self.tokens.len() - 1)].tok
    }

    fn span(&self) -> Span {
        self.tokens[self.pos.min(self.tokens.len() - 1)].span
    }

    fn bump(&mut self) -> Token {
        let t = self.tokens[self.pos.min(self.tokens.len() - 1)].clone();
        self.pos += 1;
        t
    }

    fn unexpected(&self, wanted: &str) -> EngineError {
        let found = match self.peek() {
            Tok::Num(_) => "a number".to_string(),
            Tok::Ident(n) => format!("`{n}`"),
            Tok::Sep => "the end of the statement".to_string(),
            Tok::Eof => "the end of the program".to_string(),
            Tok::Plus => "`+`".into(),
            Tok::Minus => "`-`".into(),
            Tok::Star => "`*`".into(),
            Tok::Slash => "`/`".into(),
            Tok::Caret => "`^`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::Assign => "`=`".into(),
        };
        let hint = match (
            self.peek(),
            self.tokens.get(self.pos.wrapping_sub(1)).map(|t| &t.tok),
        ) {
            (Tok::Ident(_) | Tok::LParen, Some(Tok::Num(_))) => " (write `2*x`, not `2x`)",
            _ => "",
        };
        EngineError::Parse {
            message: format!("expected {wanted}, found {found}{hint}"),
            span: self.span(),
        }
    }

    fn stmt(&mut self) -> Result<Stmt, EngineError> {
        if let (Tok::Ident(name), Some(Tok::Assign)) = (
            self.peek().clone(),
            self.tokens.get(self.pos + 1).map(|t| &t.tok),
        ) {
            let span = self.bump().span;
            self.bump();
            if Func::from_name(&name).is_some() {
                return Err(EngineError::Parse {
                    message: format!("`{name}` is a function name and cannot be assigned"),
                    span,
                });
            }
            let expr = self.expr(0)?;
            return Ok(Stmt {
                name: Some((name, span)),
                expr,
            });
        }
        Ok(Stmt {
            name: None,
            expr: self.expr(0)?,
        })
    }

    /// Binding powers: (left, right). `^` binds right-to-left.
    fn infix(tok: &Tok) -> Option<(BinOp, u8, u8)> {
        Some(match tok {
            Tok::Plus => (BinOp::Add, 1, 2),
            Tok::Minus => (BinOp::Sub, 1, 2),
            Tok::Star => (BinOp::Mul, 3, 4),
            Tok::Slash => (BinOp::Div, 3, 4),
            Tok::Caret => (BinOp::Pow, 8, 7),
            _ => return None,
        })
    }

    fn expr(&mut self, min_bp: u8) -> Result<Expr, EngineError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(EngineError::Parse {
                message: format!("the expression nests deeper than {MAX_NESTING} levels"),
                span: self.span(),
            });
        }
        let mut lhs = self.prefix()?;
        while let Some((op, l_bp, r_bp)) = Self::infix(self.peek()) {
            if l_bp < min_bp {
                break;
            }
            self.bump();
            let rhs = self.expr(r_bp)?;
            let span = Span::new(lhs.span.start, rhs.span.end);
            lhs = Expr {
                kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                span,
            };
        }
        self.depth -= 1;
        Ok(lhs)
    }

    fn prefix(&mut self) -> Result<Expr, EngineError> {
        let t = self.bump();
        match t.tok {
            Tok::Num(v) => Ok(Expr {
                kind: ExprKind::Num(v),
                span: t.span,
            }),
            // Unary minus binds tighter than * but looser than ^: -x^2 = -(x^2).
            Tok::Minus => {
                let inner = self.expr(5)?;
                let span = Span::new(t.span.start, inner.span.end);
                Ok(Expr {
                    kind: ExprKind::Neg(Box::new(inner)),
                    span,
                })
            }
            Tok::Plus => self.expr(5),
            Tok::LParen => {
                let inner = self.expr(0)?;
                if self.peek() != &Tok::RParen {
                    return Err(self.unclosed(t.span));
                }
                let close = self.bump().span;
                let mut inner = inner;
                inner.span = Span::new(t.span.start, close.end);
                Ok(inner)
            }
            Tok::Ident(name) if self.peek() == &Tok::LParen => self.call(name, t.span),
            Tok::Ident(name) => Ok(Expr {
                kind: ExprKind::Var(name),
                span: t.span,
            }),
            _ => {
                self.pos -= 1;
                Err(self.unexpected("a number, a name or `(`"))
            }
        }
    }

    fn call(&mut self, name: String, name_span: Span) -> Result<Expr, EngineError> {
        let Some(func) = Func::from_name(&name) else {
            return Err(EngineError::UnknownFunction {
                name,
                span: name_span,
            });
        };
        let open = self.bump().span;
        let arg = self.expr(0)?;
        if self.peek() != &Tok::RParen {
            return Err(self.unclosed(open));
        }
        let close = self.bump().span;
        Ok(Expr {
            kind: ExprKind::Call(func, Box::new(arg)),
            span: Span::new(name_span.start, close.end),
        })
    }

    fn unclosed(&self, open: Span) -> EngineError {
        match self.peek() {
            Tok::Sep | Tok::Eof => EngineError::Parse {
                message: "this `(` is never closed: add `)`".to_string(),
                span: open,
            },
            _ => self.unexpected("`)`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Num(v) => format!("{v}"),
            ExprKind::Var(n) => n.clone(),
            ExprKind::Neg(a) => format!("(-{})", shape(a)),
            ExprKind::Binary(op, a, b) => format!("({} {op:?} {})", shape(a), shape(b)),
            ExprKind::Call(f, a) => format!("{f:?}({})", shape(a)),
        }
    }

    fn one(src: &str) -> String {
        let p = parse(src).expect("parses");
        shape(&p.stmts[p.stmts.len() - 1].expr)
    }

    #[test]
    fn precedence_and_associativity() {
        assert_eq!(one("a - b - c"), "((a Sub b) Sub c)");
        assert_eq!(one("a ^ b ^ c"), "(a Pow (b Pow c))");
        assert_eq!(one("-x^2"), "(-(x Pow 2))");
        assert_eq!(one("2*-x"), "(2 Mul (-x))");
        assert_eq!(
            one("ln(x1) + x1*x2 - sin(x2)"),
            "((Ln(x1) Add (x1 Mul x2)) Sub Sin(x2))"
        );
    }

    #[test]
    fn statements_and_comments() {
        let p =
            parse("# lecture 2.4\nv2 = exp(x1); v3 = v2 + 1\n\nv4 = v2 * v3\n").expect("parses");
        assert_eq!(p.stmts.len(), 3);
        assert_eq!(p.stmts[0].name.as_ref().map(|n| n.0.as_str()), Some("v2"));
    }

    #[test]
    fn errors_have_spans() {
        let e = parse("ln(x1 +").expect_err("unclosed");
        assert!(e.to_string().contains("expected"), "{e}");
        let e = parse("ln(x1").expect_err("unclosed");
        assert_eq!(e.span(), Some(Span::new(2, 3)));
        let e = parse("foo(x)").expect_err("unknown fn");
        assert!(matches!(e, EngineError::UnknownFunction { .. }));
        assert_eq!(
            parse("  # nothing\n").expect_err("empty"),
            EngineError::EmptyProgram
        );
        let e = parse("2x").expect_err("implicit mul");
        assert!(e.to_string().contains("2*x"), "{e}");
        let deep = "(".repeat(5000) + "x" + &")".repeat(5000);
        assert!(parse(&deep).is_err());
        let huge = "x+".repeat(MAX_SOURCE_BYTES / 2) + "x";
        assert!(matches!(parse(&huge), Err(EngineError::Limit { .. })));
    }
}
