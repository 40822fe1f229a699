//! Tokens of the tensor language with byte spans.

use adjoint_engine::Span;

use crate::error::TensorError;

/// A token kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A number.
    Num(f64),
    /// A string literal (dict keys): `"cat"`.
    Str(String),
    /// A name.
    Ident(String),
    /// One of `+ - * / ^ @ ( ) [ ] { } , : . =`, as that character (ASCII).
    Punct(char),
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

/// The ASCII punctuation a character stands for (Unicode operators included).
fn punct(c: char) -> Option<char> {
    Some(match c {
        '−' => '-',
        '×' | '·' => '*',
        '÷' => '/',
        '+' | '-' | '*' | '/' | '^' | '@' | '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '.'
        | '=' => c,
        _ => return None,
    })
}

/// Splits `src` into tokens; `#` starts a comment to the end of the line.
pub fn lex(src: &str) -> Result<Vec<Token>, TensorError> {
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(src.len(), |&(p, _)| p);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        let next_digit = chars.get(i + 1).is_some_and(|&(_, d)| d.is_ascii_digit());
        let start = i;
        let tok = if c == '#' {
            while chars.get(i).is_some_and(|&(_, d)| d != '\n') {
                i += 1;
            }
            continue;
        } else if c == ';' || c == '\n' {
            i += 1;
            Tok::Sep
        } else if c.is_whitespace() {
            i += 1;
            continue;
        } else if c.is_ascii_digit() || (c == '.' && next_digit) {
            i = number_end(&chars, i);
            let text = &src[at..end_of(i)];
            Tok::Num(text.parse().map_err(|_| TensorError::Parse {
                message: format!("`{text}` is not a number"),
                span: Span::new(at, end_of(i)),
            })?)
        } else if c == '"' {
            i += 1;
            while chars.get(i).is_some_and(|&(_, d)| d != '"' && d != '\n') {
                i += 1;
            }
            if chars.get(i).is_none_or(|&(_, d)| d != '"') {
                return Err(TensorError::Parse {
                    message: "this string has no closing `\"`".into(),
                    span: Span::new(at, end_of(i)),
                });
            }
            i += 1;
            Tok::Str(src[at + 1..end_of(i) - 1].to_string())
        } else if c.is_alphabetic() || c == '_' {
            while chars
                .get(i)
                .is_some_and(|&(_, d)| d.is_alphanumeric() || d == '_' || d == '\'')
            {
                i += 1;
            }
            Tok::Ident(src[at..end_of(i)].to_string())
        } else if let Some(p) = punct(c) {
            i += 1;
            Tok::Punct(p)
        } else {
            return Err(TensorError::Parse {
                message: format!("unexpected character `{c}`"),
                span: Span::new(at, at + c.len_utf8()),
            });
        };
        out.push(Token {
            tok,
            span: Span::new(end_of(start), end_of(i)),
        });
    }
    out.push(Token {
        tok: Tok::Eof,
        span: Span::new(src.len(), src.len()),
    });
    Ok(out)
}

/// The end of the number starting at `i`: digits, one `.`, an exponent `e±digits`.
fn number_end(chars: &[(usize, char)], mut i: usize) -> usize {
    let is = |i: usize, f: &dyn Fn(char) -> bool| chars.get(i).is_some_and(|&(_, c)| f(c));
    while is(i, &|c| c.is_ascii_digit()) {
        i += 1;
    }
    if is(i, &|c| c == '.') && !is(i + 1, &|c| c.is_alphabetic()) {
        i += 1;
        while is(i, &|c| c.is_ascii_digit()) {
            i += 1;
        }
    }
    if is(i, &|c| c == 'e' || c == 'E') {
        let j = if is(i + 1, &|c| c == '+' || c == '-') {
            i + 2
        } else {
            i + 1
        };
        if is(j, &|c| c.is_ascii_digit()) {
            i = j;
            while is(i, &|c| c.is_ascii_digit()) {
                i += 1;
            }
        }
    }
    i
}
