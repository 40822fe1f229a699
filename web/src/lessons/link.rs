//! Deep links to a lesson: `?lesson=<slug>&step=<n>&lang=zh&bug=order&ask=1` (other keys, such as the
//! app's program and mode, are left to `url.rs`). Parsed from and written to a query
//! string without the browser, so it is tested natively.

use adjoint_engine::teach::Bug;

use super::by_slug;
use crate::i18n::Lang;

/// The lesson part of a URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LessonLink {
    /// The lesson's index in `LESSONS`.
    pub lesson: Option<usize>,
    /// The step to open at (overrides the lesson's own).
    pub step: Option<usize>,
    /// The language.
    pub lang: Option<Lang>,
    /// The bug-hunt switch that is on (`bug=overwrite|order|reuse`).
    pub bug: Option<Bug>,
    /// Whether predict-then-reveal asks before each step (`ask=1`).
    pub ask: bool,
}

impl LessonLink {
    /// Reads `lesson`, `step` and `lang` from a query string (with or without `?`);
    /// unknown or malformed values are ignored.
    pub fn parse(query: &str) -> Self {
        let mut out = LessonLink::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "lesson" => out.lesson = by_slug(v).map(|(i, _)| i),
                "step" => out.step = v.parse().ok(),
                "lang" => out.lang = Lang::from_code(v),
                "bug" => out.bug = Bug::from_name(v),
                "ask" => out.ask = v == "1",
                _ => {}
            }
        }
        out
    }

    /// The query pairs for this link, in a fixed order: `lesson=…&step=…&lang=…&bug=…&ask=1`.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.lesson.and_then(|i| super::LESSONS.get(i)) {
            parts.push(format!("lesson={}", l.slug));
        }
        if let Some(s) = self.step {
            parts.push(format!("step={s}"));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        if let Some(b) = self.bug {
            parts.push(format!("bug={}", b.name()));
        }
        if self.ask {
            parts.push("ask=1".to_string());
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_round_trip() {
        let l = LessonLink::parse("?p=x&lesson=multiple-paths&step=9&lang=zh&bug=order&ask=1");
        assert_eq!(l.lesson, Some(6));
        assert_eq!(l.step, Some(9));
        assert_eq!(l.lang, Some(Lang::Zh));
        assert_eq!(l.bug, Some(Bug::WrongOrder));
        assert!(l.ask);
        assert_eq!(
            l.to_query(),
            "lesson=multiple-paths&step=9&lang=zh&bug=order&ask=1"
        );
        assert_eq!(LessonLink::parse(&l.to_query()), l);
        let bad = LessonLink::parse("lesson=nope&step=-1&lang=xx&bug=none&ask=yes");
        assert_eq!(bad, LessonLink::default());
    }
}
