//! Every string of the interface in English and Simplified Chinese. A [`Key`] names a
//! string; each language has one place (`en/`, `zh/`) with an exhaustive `match`, so a
//! key missing in either fails to compile. Strings may carry `{}` placeholders, filled
//! in order by [`fill`]; both languages must have the same number (tested).
//!
//! The Chinese tables are compiled natively and with the `zh-tables` feature; the app's
//! wasm leaves them out and reads the same strings from a file fetched when Chinese is
//! wanted ([`table`]). Until that file is installed, Chinese reads as English and
//! [`Lang::usable`] says so.

pub mod en;
pub mod keys;
pub mod narrate;
pub mod table;
#[cfg(any(feature = "zh-tables", not(target_arch = "wasm32")))]
pub mod zh;

pub use keys::Key;

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code used in URLs (`lang=zh`), in localStorage and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// Parses a code (`en`, `zh`, `zh-CN`, `zh-Hans`…; case-insensitive).
    pub fn from_code(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        if s == "en" || s.starts_with("en-") {
            Some(Lang::En)
        } else if s == "zh" || s.starts_with("zh-") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// The string `key` in this language (English while Chinese is not available).
    pub fn t(self, key: Key) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Zh => zh_text(key).unwrap_or_else(|| en::text(key)),
        }
    }

    /// This language if its strings are here, else English (Chinese before its table
    /// has been fetched and installed).
    pub fn usable(self) -> Lang {
        if self == Lang::Zh && !zh_ready() {
            Lang::En
        } else {
            self
        }
    }

    /// The string `key` with its `{}` placeholders filled by `args` in order.
    pub fn f(self, key: Key, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.t(key), args)
    }
}

/// Are the Chinese strings here (compiled in, or fetched and installed)?
pub fn zh_ready() -> bool {
    cfg!(any(feature = "zh-tables", not(target_arch = "wasm32"))) || table::installed()
}

/// The Chinese string of `key`: compiled in.
#[cfg(any(feature = "zh-tables", not(target_arch = "wasm32")))]
fn zh_text(key: Key) -> Option<&'static str> {
    Some(zh::text(key))
}

/// The Chinese string of `key` from the installed table.
#[cfg(not(any(feature = "zh-tables", not(target_arch = "wasm32"))))]
fn zh_text(key: Key) -> Option<&'static str> {
    table::text(key)
}

/// The Chinese text of lesson `id`: compiled in.
#[cfg(any(feature = "zh-tables", not(target_arch = "wasm32")))]
pub fn zh_lesson(id: crate::lessons::LessonId) -> Option<crate::lessons::LessonText> {
    Some(zh::lessons::lesson(id))
}

/// The Chinese text of lesson `id` from the installed table.
#[cfg(not(any(feature = "zh-tables", not(target_arch = "wasm32"))))]
pub fn zh_lesson(id: crate::lessons::LessonId) -> Option<crate::lessons::LessonText> {
    table::lesson(id)
}

/// Replaces each `{}` in `template` by the next of `args` (a missing one leaves `{}`).
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        match args.next() {
            Some(a) => out.push_str(&a.to_string()),
            None => out.push_str("{}"),
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// How many `{}` placeholders a string has.
#[cfg(test)]
pub fn placeholders(s: &str) -> usize {
    s.matches("{}").count()
}

/// Whether a string contains a CJK ideograph (for tests, here and in the app's half).
#[doc(hidden)]
pub fn has_chinese(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_nonempty_string_in_both_languages() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                assert!(
                    !lang.t(*key).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        for key in Key::ALL {
            assert_eq!(
                placeholders(en::text(*key)),
                placeholders(zh::text(*key)),
                "{key:?}: «{}» vs «{}»",
                en::text(*key),
                zh::text(*key)
            );
            assert!(
                !zh::text(*key).contains('{') || zh::text(*key).contains("{}"),
                "{key:?}"
            );
        }
    }

    #[test]
    fn chinese_strings_are_chinese() {
        for key in Key::ALL {
            let zh = zh::text(*key);
            if key.is_symbolic() {
                continue;
            }
            assert!(has_chinese(zh), "{key:?} has no Chinese: «{zh}»");
            assert!(
                !has_chinese(en::text(*key)),
                "{key:?}'s English has Chinese"
            );
        }
    }

    #[test]
    fn symbolic_keys_read_the_same_in_both_languages() {
        for key in Key::ALL.iter().filter(|k| k.is_symbolic()) {
            assert_eq!(en::text(*key), zh::text(*key), "{key:?}");
        }
    }

    #[test]
    fn keys_are_listed_once() {
        let mut seen = std::collections::BTreeSet::new();
        for key in Key::ALL {
            assert!(seen.insert(format!("{key:?}")), "{key:?} listed twice");
        }
    }

    #[test]
    fn fill_places_arguments_in_order() {
        assert_eq!(fill("Step {} / {}", &[&3, &12]), "Step 3 / 12");
        assert_eq!(fill("{} and {}", &[&"a"]), "a and {}");
        assert_eq!(Lang::Zh.f(Key::StepCounter, &[&3, &12]), "第 3 / 12 步");
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
