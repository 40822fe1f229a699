//! The Chinese strings as a data file, so the app's wasm need not carry them: an English
//! visitor never downloads them, a Chinese one fetches `web/i18n/zh.txt` (hashed and
//! filled into `web/zh-bridge.js` by `scripts/csp-init.py`) and [`install`]s it.
//!
//! The Rust tables in `zh/` stay the one source: natively (and in a wasm build with the
//! `zh-tables` feature) they are compiled in, [`render`] writes the file from them, and
//! the test `zh_table_file_is_current` fails when the checked-in file differs
//! (`ADJOINT_UPDATE_ZH=1 cargo test -p adjoint-web zh_table` rewrites it).
//!
//! The format is one string per line, so a line break cannot occur inside a string:
//! `\` is written `\\`, a line feed `\n`, a carriage return `\r`.
//!
//! ```text
//! adjoint-zh 1
//! keys <number of keys>
//! <one line per Key, in declaration order>
//! lessons <number of lessons>
//! <slug> <number of paragraphs>     (then, per lesson: the title, then each paragraph)
//! ```

use std::sync::OnceLock;

use super::Key;
use crate::lessons::{LessonId, LessonText, LESSONS};

/// The first line of a table file (the format's name and version).
pub const HEADER: &str = "adjoint-zh 1";

/// Why a table file was refused; `line` counts from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZhTableError {
    /// The first line is not [`HEADER`].
    #[error("the Chinese table does not start with `{HEADER}` (found «{0}»)")]
    Header(String),
    /// A count line is missing or says another number than this build has.
    #[error("the Chinese table's line {line} should be `{expected}` (found «{found}»): the file is from another build")]
    Count {
        /// Where.
        line: usize,
        /// What this build expects there.
        expected: String,
        /// What the file has.
        found: String,
    },
    /// The file stops early.
    #[error("the Chinese table stops at line {line}, before {missing}")]
    Short {
        /// The last line there is.
        line: usize,
        /// What was still expected.
        missing: String,
    },
    /// A backslash not followed by `\`, `n` or `r`.
    #[error("the Chinese table's line {line} has an unknown escape `\\{escape}`")]
    Escape {
        /// Where.
        line: usize,
        /// The character after the backslash (empty at the end of the line).
        escape: String,
    },
    /// A string with another number of `{}` placeholders than its English.
    #[error("the Chinese table's line {line} has {found} `{{}}` placeholders where the English has {expected}")]
    Placeholders {
        /// Where.
        line: usize,
        /// The English string's count.
        expected: usize,
        /// The Chinese string's count.
        found: usize,
    },
    /// Something after the last lesson.
    #[error("the Chinese table has unexpected text at line {0}, after the last lesson")]
    Trailing(usize),
}

/// A parsed table: the strings of every key (indexed by `key as usize`) and of every
/// lesson (in [`LESSONS`] order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZhTable {
    keys: Vec<&'static str>,
    lessons: Vec<LessonText>,
}

impl ZhTable {
    /// The text of `key`.
    pub fn text(&self, key: Key) -> Option<&'static str> {
        self.keys.get(key as usize).copied()
    }

    /// The text of lesson `id`.
    pub fn lesson(&self, id: LessonId) -> Option<LessonText> {
        let at = LESSONS.iter().position(|l| l.id == id)?;
        self.lessons.get(at).copied()
    }
}

/// The installed table of this wasm instance (the app's, or the lab's).
static INSTALLED: OnceLock<ZhTable> = OnceLock::new();

/// Parses `text` and makes it this instance's Chinese; a second call keeps the first
/// table. The strings live as long as the page (the text is kept once, unescaped lines
/// aside), so [`super::Lang::t`] keeps returning `&'static str`.
pub fn install(text: &str) -> Result<(), ZhTableError> {
    if INSTALLED.get().is_none() {
        let table = parse(text)?;
        let _ = INSTALLED.set(table);
    }
    Ok(())
}

/// Has a table been installed?
pub fn installed() -> bool {
    INSTALLED.get().is_some()
}

/// The installed text of `key`, if a table is installed.
pub fn text(key: Key) -> Option<&'static str> {
    INSTALLED.get()?.text(key)
}

/// The installed text of lesson `id`, if a table is installed.
pub fn lesson(id: LessonId) -> Option<LessonText> {
    INSTALLED.get()?.lesson(id)
}

/// Reads a table file, checking it against this build's keys, lessons and English
/// placeholders. The text is kept for the life of the page (see [`install`]).
pub fn parse(text: &str) -> Result<ZhTable, ZhTableError> {
    let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
    let mut lines = Lines {
        rest: text.lines(),
        at: 0,
    };
    let first = lines.next("the header")?;
    if first != HEADER {
        return Err(ZhTableError::Header(first.chars().take(40).collect()));
    }
    lines.count("keys", Key::ALL.len())?;
    let mut keys = Vec::with_capacity(Key::ALL.len());
    for key in Key::ALL {
        let s = lines.string("a key's string")?;
        let (expected, found) = (placeholders(super::en::text(*key)), placeholders(s));
        if expected != found {
            return Err(ZhTableError::Placeholders {
                line: lines.at,
                expected,
                found,
            });
        }
        keys.push(s);
    }
    lines.count("lessons", LESSONS.len())?;
    let mut lessons = Vec::with_capacity(LESSONS.len());
    for l in &LESSONS {
        let head = lines.next("a lesson")?;
        let paragraphs = head
            .strip_prefix(l.slug)
            .and_then(|n| n.strip_prefix(' '))
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=64).contains(n))
            .ok_or_else(|| ZhTableError::Count {
                line: lines.at,
                expected: format!("{} <paragraphs>", l.slug),
                found: head.chars().take(40).collect(),
            })?;
        let title = lines.string("a lesson's title")?;
        let mut body = Vec::with_capacity(paragraphs);
        for _ in 0..paragraphs {
            body.push(lines.string("a lesson's paragraph")?);
        }
        lessons.push(LessonText {
            title,
            paragraphs: Box::leak(body.into_boxed_slice()),
        });
    }
    if lines.rest.next().is_some() {
        return Err(ZhTableError::Trailing(lines.at + 1));
    }
    Ok(ZhTable { keys, lessons })
}

/// The lines of a table file, numbered.
struct Lines {
    rest: std::str::Lines<'static>,
    at: usize,
}

impl Lines {
    /// The next line, or why the file is too short.
    fn next(&mut self, missing: &str) -> Result<&'static str, ZhTableError> {
        let line = self.rest.next().ok_or_else(|| ZhTableError::Short {
            line: self.at,
            missing: missing.to_string(),
        })?;
        self.at += 1;
        Ok(line)
    }

    /// The next line unescaped.
    fn string(&mut self, missing: &str) -> Result<&'static str, ZhTableError> {
        let line = self.next(missing)?;
        unescape(line).map_err(|escape| ZhTableError::Escape {
            line: self.at,
            escape,
        })
    }

    /// Checks that the next line is `<word> <n>`.
    fn count(&mut self, word: &str, n: usize) -> Result<(), ZhTableError> {
        let expected = format!("{word} {n}");
        let line = self.next(&expected)?;
        if line == expected {
            Ok(())
        } else {
            Err(ZhTableError::Count {
                line: self.at,
                expected,
                found: line.chars().take(40).collect(),
            })
        }
    }
}

/// How many `{}` placeholders a string has.
fn placeholders(s: &str) -> usize {
    s.matches("{}").count()
}

/// A line's string: borrowed when it has no escape, else unescaped (and kept). The
/// error is the character after a bad backslash.
fn unescape(line: &'static str) -> Result<&'static str, String> {
    if !line.contains('\\') {
        return Ok(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            other => return Err(other.map(String::from).unwrap_or_default()),
        }
    }
    Ok(Box::leak(out.into_boxed_str()))
}

/// A string as one line of the file.
pub fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// The table file of the compiled Chinese tables (`web/i18n/zh.txt`).
#[cfg(any(feature = "zh-tables", not(target_arch = "wasm32")))]
pub fn render() -> String {
    let mut out = format!("{HEADER}\nkeys {}\n", Key::ALL.len());
    for key in Key::ALL {
        out.push_str(&escape(super::zh::text(*key)));
        out.push('\n');
    }
    out.push_str(&format!("lessons {}\n", LESSONS.len()));
    for l in &LESSONS {
        let t = super::zh::lessons::lesson(l.id);
        out.push_str(&format!("{} {}\n", l.slug, t.paragraphs.len()));
        for s in std::iter::once(&t.title).chain(t.paragraphs) {
            out.push_str(&escape(s));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checked-in file, relative to the crate.
    const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/i18n/zh.txt");

    #[test]
    fn zh_table_file_is_current() {
        let want = render();
        if std::env::var_os("ADJOINT_UPDATE_ZH").is_some() {
            std::fs::write(FILE, &want).expect("web/i18n/zh.txt is writable");
        }
        let have = std::fs::read_to_string(FILE).unwrap_or_default();
        assert!(
            have == want,
            "web/i18n/zh.txt differs from the Chinese tables in web/src/i18n/zh/: \
             regenerate it with `ADJOINT_UPDATE_ZH=1 cargo test -p adjoint-web zh_table` \
             and commit it"
        );
    }

    #[test]
    fn zh_table_parses_back_to_the_compiled_strings() {
        let table = parse(&render()).expect("the rendered table parses");
        for key in Key::ALL {
            assert_eq!(
                table.text(*key),
                Some(super::super::zh::text(*key)),
                "{key:?}"
            );
        }
        for l in &LESSONS {
            assert_eq!(
                table.lesson(l.id),
                Some(super::super::zh::lessons::lesson(l.id)),
                "{}",
                l.slug
            );
        }
    }

    #[test]
    fn zh_table_escapes_round_trip() {
        for s in [
            "plain 中文",
            "a\\b",
            "line\nbreak",
            "cr\r\nlf",
            "\\n is not a line break",
            "\\",
            "ends with \\\\",
            "",
        ] {
            let line = escape(s);
            assert!(!line.contains('\n') && !line.contains('\r'), "{line}");
            let back = unescape(Box::leak(line.into_boxed_str())).expect("unescapes");
            assert_eq!(back, s);
        }
        assert_eq!(unescape("bad \\t"), Err("t".to_string()));
        assert_eq!(unescape("dangling \\"), Err(String::new()));
    }

    /// The rendered table with line `n` (from 1) replaced by `with`.
    fn with_line(n: usize, with: &str) -> String {
        render()
            .lines()
            .enumerate()
            .map(|(i, l)| if i + 1 == n { with } else { l })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn zh_table_refuses_wrong_files_with_the_line() {
        let keys = Key::ALL.len();
        assert_eq!(
            parse("<!doctype html>"),
            Err(ZhTableError::Header("<!doctype html>".into()))
        );
        assert_eq!(
            parse(""),
            Err(ZhTableError::Short {
                line: 0,
                missing: "the header".into()
            })
        );
        let e = parse(&with_line(2, "keys 3")).expect_err("wrong key count");
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(e.to_string().contains(&format!("keys {keys}")), "{e}");
        let e = parse(&with_line(3, "bad \\q escape")).expect_err("bad escape");
        assert_eq!(
            e,
            ZhTableError::Escape {
                line: 3,
                escape: "q".into()
            }
        );
        // ShareCopied is "{}已复制。": one placeholder.
        let at = 3 + Key::ShareCopied as usize;
        let e = parse(&with_line(at, "已复制。")).expect_err("placeholder lost");
        assert_eq!(
            e,
            ZhTableError::Placeholders {
                line: at,
                expected: 1,
                found: 0
            }
        );
        let first_lesson = 4 + keys;
        let e = parse(&with_line(first_lesson, "numerical 4")).expect_err("wrong slug");
        assert!(
            e.to_string().contains(&format!("line {first_lesson}")),
            "{e}"
        );
        let e = parse(&format!("{}extra\n", render())).expect_err("trailing text");
        assert!(matches!(e, ZhTableError::Trailing(_)), "{e}");
    }

    #[test]
    fn zh_table_refuses_every_truncation_without_panicking() {
        let full = render();
        let lines: Vec<&str> = full.lines().collect();
        for n in 0..lines.len() {
            let cut = lines[..n].join("\n");
            let e = parse(&cut).expect_err("a short file is refused");
            assert!(
                matches!(e, ZhTableError::Short { .. } | ZhTableError::Header(_)),
                "{n} lines: {e}"
            );
        }
        // Cut inside a line: refused or (inside the last line) a shorter last paragraph.
        for (at, _) in full.char_indices().step_by(211) {
            let _ = parse(&full[..at]);
        }
        assert!(parse(&full).is_ok());
    }

    #[test]
    fn zh_table_install_keeps_the_first_table() {
        assert!(install("not a table").is_err());
        assert!(!installed(), "a refused file installs nothing");
        install(&render()).expect("installs");
        assert!(installed());
        assert_eq!(text(Key::ShareButton), Some("分享"));
        assert_eq!(lesson(LessonId::Graph).map(|l| l.title), Some("计算图"));
        install("not a table").expect("a second install keeps the first");
        assert_eq!(text(Key::ShareButton), Some("分享"));
    }
}
