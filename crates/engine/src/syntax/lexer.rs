//! Turns program text into tokens with byte spans.

use crate::error::{EngineError, Span};

/// A token kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A number literal.
    Num(f64),
    /// A name (Unicode letters allowed).
    Ident(String),
    /// `+`
    Plus,
    /// `-` (also `−`)
    Minus,
    /// `*` (also `×`, `·`)
    Star,
    /// `/` (also `÷`)
    Slash,
    /// `^`
    Caret,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `=`
    Assign,
    /// A newline or `;`.
    Sep,
    /// End of text.
    Eof,
}

/// A token and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// The kind.
    pub tok: Tok,
    /// The span.
    pub span: Span,
}

/// Splits `src` into tokens; `#` comments run to the end of the line.
pub fn lex(src: &str) -> Result<Vec<Token>, EngineError> {
    let mut out = Vec::new();
    let mut it = src.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        let single = match c {
            '+' => Some(Tok::Plus),
            '-' | '−' => Some(Tok::Minus),
            '*' | '×' | '·' => Some(Tok::Star),
            '/' | '÷' => Some(Tok::Slash),
            '^' => Some(Tok::Caret),
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            '=' => Some(Tok::Assign),
            ';' | '\n' => Some(Tok::Sep),
            _ => None,
        };
        if let Some(tok) = single {
            it.next();
            out.push(Token {
                tok,
                span: Span::new(i, i + c.len_utf8()),
            });
        } else if c == '#' {
            while it.peek().is_some_and(|&(_, c)| c != '\n') {
                it.next();
            }
        } else if c.is_whitespace() {
            it.next();
        } else if c.is_ascii_digit() || c == '.' {
            out.push(lex_number(src, &mut it)?);
        } else if c.is_alphabetic() || c == '_' {
            let mut end = i;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() || d == '_' || d == '\'' {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                tok: Tok::Ident(src[i..end].to_string()),
                span: Span::new(i, end),
            });
        } else {
            return Err(EngineError::Parse {
                message: format!("unexpected character `{c}`"),
                span: Span::new(i, i + c.len_utf8()),
            });
        }
    }
    out.push(Token {
        tok: Tok::Eof,
        span: Span::new(src.len(), src.len()),
    });
    Ok(out)
}

fn lex_number(
    src: &str,
    it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> Result<Token, EngineError> {
    let start = it.peek().map_or(src.len(), |&(i, _)| i);
    let mut end = start;
    let mut take = |it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
                    pred: &dyn Fn(char) -> bool| {
        while let Some(&(j, d)) = it.peek() {
            if !pred(d) {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        end
    };
    take(it, &|d| d.is_ascii_digit() || d == '.');
    // An exponent: e or E, an optional sign, digits. Only taken when digits follow,
    // so `2e` stays a number followed by a name (reported by the parser).
    let rest = &src[end..];
    let exp_len = exponent_len(rest);
    if exp_len > 0 {
        for _ in 0..rest[..exp_len].chars().count() {
            it.next();
        }
        end += exp_len;
    }
    let text = &src[start..end];
    let span = Span::new(start, end);
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Token {
            tok: Tok::Num(v),
            span,
        }),
        Ok(_) => Err(EngineError::Parse {
            message: format!("the number `{text}` is too large"),
            span,
        }),
        Err(_) => Err(EngineError::Parse {
            message: format!("`{text}` is not a number"),
            span,
        }),
    }
}

fn exponent_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    if b.first().is_none_or(|&c| c != b'e' && c != b'E') {
        return 0;
    }
    let mut i = 1;
    if b.get(1).is_some_and(|&c| c == b'+' || c == b'-') {
        i = 2;
    }
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        0
    } else {
        i + digits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        lex(src)
            .expect("lexes")
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn numbers_names_and_operators() {
        assert_eq!(
            kinds("θ1 = 1e-3*x_2 # note"),
            vec![
                Tok::Ident("θ1".into()),
                Tok::Assign,
                Tok::Num(1e-3),
                Tok::Star,
                Tok::Ident("x_2".into()),
                Tok::Eof
            ]
        );
        assert_eq!(
            kinds(".5;2E2"),
            vec![Tok::Num(0.5), Tok::Sep, Tok::Num(200.0), Tok::Eof]
        );
    }

    #[test]
    fn bad_character_and_bad_number_point_at_themselves() {
        let e = lex("x1 $ 2").expect_err("rejects $");
        assert_eq!(e.span(), Some(Span::new(3, 4)));
        let e = lex("1.2.3").expect_err("rejects 1.2.3");
        assert_eq!(e.span(), Some(Span::new(0, 5)));
        assert!(lex("1e999").is_err());
    }
}
