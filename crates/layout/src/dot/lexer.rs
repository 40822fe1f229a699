//! Tokens of the DOT language subset we read, each with its 1-based line and column.

use crate::LayoutError;

/// A DOT token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// A bare identifier or numeral (keywords are recognised by the parser).
    Bare(String),
    /// A quoted string or HTML-like `<...>` string, unescaped.
    Quoted(String),
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `->`
    Arrow,
    /// `--`
    Undirected,
    /// `=`
    Eq,
    /// `;`
    Semi,
    /// `,`
    Comma,
    /// `:`
    Colon,
}

/// A token and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spanned {
    /// The token.
    pub tok: Tok,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Builds a parse error at a position.
pub(crate) fn error(line: usize, column: usize, message: impl Into<String>) -> LayoutError {
    LayoutError::Parse {
        line,
        column,
        message: message.into(),
    }
}

/// Character cursor that tracks line and column.
struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.bump() {
            if c == '\n' {
                break;
            }
        }
    }
}

/// Splits DOT text into tokens, skipping whitespace and `//`, `#` and `/* */` comments.
pub(crate) fn tokenize(text: &str) -> Result<Vec<Spanned>, LayoutError> {
    let mut cur = Cursor {
        chars: text.chars().peekable(),
        line: 1,
        column: 1,
    };
    let mut out = Vec::new();
    while let Some(c) = cur.peek() {
        let (line, column) = (cur.line, cur.column);
        let tok = match c {
            c if c.is_whitespace() => {
                cur.bump();
                continue;
            }
            '#' => {
                cur.skip_line();
                continue;
            }
            '/' => {
                cur.bump();
                match cur.bump() {
                    Some('/') => cur.skip_line(),
                    Some('*') => block_comment(&mut cur, line, column)?,
                    _ => return Err(error(line, column, "unexpected `/`")),
                }
                continue;
            }
            '"' => Tok::Quoted(quoted(&mut cur, line, column)?),
            '<' => Tok::Quoted(html(&mut cur, line, column)?),
            '-' => {
                cur.bump();
                match cur.peek() {
                    Some('>') => {
                        cur.bump();
                        Tok::Arrow
                    }
                    Some('-') => {
                        cur.bump();
                        Tok::Undirected
                    }
                    Some(d) if d.is_ascii_digit() || d == '.' => {
                        Tok::Bare(format!("-{}", bare(&mut cur)))
                    }
                    _ => return Err(error(line, column, "expected `->` after `-`")),
                }
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => Tok::Bare(bare(&mut cur)),
            _ => {
                cur.bump();
                match c {
                    '{' => Tok::LBrace,
                    '}' => Tok::RBrace,
                    '[' => Tok::LBracket,
                    ']' => Tok::RBracket,
                    '=' => Tok::Eq,
                    ';' => Tok::Semi,
                    ',' => Tok::Comma,
                    ':' => Tok::Colon,
                    other => {
                        return Err(error(
                            line,
                            column,
                            format!("unexpected character `{other}`"),
                        ))
                    }
                }
            }
        };
        out.push(Spanned { tok, line, column });
    }
    Ok(out)
}

fn bare(cur: &mut Cursor<'_>) -> String {
    let mut s = String::new();
    while let Some(c) = cur.peek() {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            s.push(c);
            cur.bump();
        } else {
            break;
        }
    }
    s
}

fn block_comment(cur: &mut Cursor<'_>, line: usize, column: usize) -> Result<(), LayoutError> {
    let mut star = false;
    while let Some(c) = cur.bump() {
        if star && c == '/' {
            return Ok(());
        }
        star = c == '*';
    }
    Err(error(line, column, "unterminated `/*` comment"))
}

/// A quoted string: `\"` becomes `"`, a backslash-newline is removed, other escapes stay.
fn quoted(cur: &mut Cursor<'_>, line: usize, column: usize) -> Result<String, LayoutError> {
    cur.bump();
    let mut s = String::new();
    while let Some(c) = cur.bump() {
        match c {
            '"' => return Ok(s),
            '\\' => match cur.bump() {
                Some('"') => s.push('"'),
                Some('\n') => {}
                Some(other) => {
                    s.push('\\');
                    s.push(other);
                }
                None => break,
            },
            other => s.push(other),
        }
    }
    Err(error(line, column, "unterminated quoted string"))
}

/// An HTML-like string `<...>` with balanced angle brackets, kept verbatim without the outer pair.
fn html(cur: &mut Cursor<'_>, line: usize, column: usize) -> Result<String, LayoutError> {
    cur.bump();
    let mut depth = 1usize;
    let mut s = String::new();
    while let Some(c) = cur.bump() {
        match c {
            '<' => depth += 1,
            '>' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(s);
                }
            }
            _ => {}
        }
        s.push(c);
    }
    Err(error(line, column, "unterminated `<...>` string"))
}
