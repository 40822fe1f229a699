//! The lessons' inline markup: `*emphasis*` and `` `code` ``, nothing else. Parsed into
//! segments (testable natively) that the lesson panel turns into `<em>` and `<code>`.

/// A piece of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Plain text.
    Text(&'a str),
    /// `*emphasis*`.
    Emphasis(&'a str),
    /// `` `code` ``.
    Code(&'a str),
}

/// Splits `paragraph` into segments; an unclosed `*` or `` ` `` is an error naming it.
pub fn segments(paragraph: &str) -> Result<Vec<Segment<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = paragraph;
    while let Some(at) = rest.find(['*', '`']) {
        if at > 0 {
            out.push(Segment::Text(&rest[..at]));
        }
        let mark = &rest[at..at + 1];
        let after = &rest[at + 1..];
        let Some(end) = after.find(mark) else {
            return Err(format!("unclosed {mark} in: {paragraph}"));
        };
        let inner = &after[..end];
        out.push(if mark == "*" {
            Segment::Emphasis(inner)
        } else {
            Segment::Code(inner)
        });
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_and_code() {
        assert_eq!(
            segments("a *b* `c*d` e").expect("balanced"),
            vec![
                Segment::Text("a "),
                Segment::Emphasis("b"),
                Segment::Text(" "),
                Segment::Code("c*d"),
                Segment::Text(" e"),
            ]
        );
        assert!(segments("an *open one").is_err());
        assert_eq!(segments("").expect("empty"), vec![]);
    }
}
