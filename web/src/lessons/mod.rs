//! The lessons: one per section of the lecture (§1.1–2.7), in order. Each has an id for
//! deep links, its section number, a [`Scene`] the text points at, and its text in every
//! language (kept with the other strings of that language in `i18n/<lang>/lessons.rs`).

pub mod link;
pub mod markup;
pub mod progress;
pub mod scene;

pub use scene::Scene;

use crate::i18n::Lang;

/// Which lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LessonId {
    /// §1.1 Why gradients.
    WhyGradients,
    /// §1.2 Numerical differentiation.
    Numerical,
    /// §1.3 Symbolic differentiation and its swell.
    Symbolic,
    /// §1.4 The computational graph.
    Graph,
    /// §1.5 Forward mode.
    ForwardMode,
    /// §2.1 Reverse mode.
    ReverseMode,
    /// §2.2 Multiple paths.
    MultiplePaths,
    /// §2.3 The algorithm.
    Algorithm,
    /// §2.4 The extended graph.
    ExtendedGraph,
    /// §2.5 Backprop vs reverse AD.
    BackpropVsReverse,
    /// §2.6 Tensors.
    Tensors,
    /// §2.7 Data structures.
    DataStructures,
}

/// A lesson's text in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonText {
    /// The title.
    pub title: &'static str,
    /// 3–6 short paragraphs with `*emphasis*` and `` `code` `` markup.
    pub paragraphs: &'static [&'static str],
}

/// One lesson.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lesson {
    /// Which.
    pub id: LessonId,
    /// The id in URLs and localStorage (`reverse-mode`).
    pub slug: &'static str,
    /// The lecture section (`2.1`).
    pub section: &'static str,
    /// The scene the text points at.
    pub scene: Scene,
}

impl Lesson {
    /// The lesson's text in `lang` (English while Chinese is not available).
    pub fn text(&self, lang: Lang) -> LessonText {
        let english = || crate::i18n::en::lessons::lesson(self.id);
        match lang {
            Lang::En => english(),
            Lang::Zh => crate::i18n::zh_lesson(self.id).unwrap_or_else(english),
        }
    }
}

/// The lecture's running example (§1.4).
pub const LECTURE_PROGRAM: &str = "ln(x1) + x1*x2 - sin(x2)";
/// Its input values.
pub const LECTURE_VALUES: &str = "x1=2, x2=5";
/// The extended-graph example (§2.4).
pub const EXTENDED_PROGRAM: &str = "v2 = exp(x1)\nv3 = v2 + 1\nv4 = v2 * v3";

/// Every lesson, in the lecture's order.
pub const LESSONS: [Lesson; 12] = scene::catalog();

/// The lesson with URL id `slug`.
pub fn by_slug(slug: &str) -> Option<(usize, &'static Lesson)> {
    LESSONS.iter().enumerate().find(|(_, l)| l.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::has_chinese;

    #[test]
    fn twelve_lessons_in_the_lectures_order() {
        let sections: Vec<&str> = LESSONS.iter().map(|l| l.section).collect();
        assert_eq!(
            sections,
            ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]
        );
        let mut slugs: Vec<&str> = LESSONS.iter().map(|l| l.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), 12, "slugs are unique");
        for (i, l) in LESSONS.iter().enumerate() {
            assert_eq!(by_slug(l.slug).map(|(k, _)| k), Some(i));
            assert!(
                l.slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                l.slug
            );
        }
    }

    #[test]
    fn every_lesson_has_3_to_6_paragraphs_in_both_languages() {
        for l in &LESSONS {
            let en = l.text(Lang::En);
            let zh = l.text(Lang::Zh);
            for t in [en, zh] {
                assert!(!t.title.trim().is_empty(), "{}", l.slug);
                assert!(
                    (3..=6).contains(&t.paragraphs.len()),
                    "{}: {} paragraphs",
                    l.slug,
                    t.paragraphs.len()
                );
                for p in t.paragraphs {
                    assert!(!p.trim().is_empty(), "{}", l.slug);
                    assert!(
                        markup::segments(p).is_ok(),
                        "{}: unbalanced markup in {p}",
                        l.slug
                    );
                }
            }
            assert_eq!(en.paragraphs.len(), zh.paragraphs.len(), "{}", l.slug);
            assert!(has_chinese(zh.title), "{}", l.slug);
            assert!(zh.paragraphs.iter().all(|p| has_chinese(p)), "{}", l.slug);
            assert!(!has_chinese(en.title), "{}", l.slug);
            assert!(en.paragraphs.iter().all(|p| !has_chinese(p)), "{}", l.slug);
        }
    }

    #[test]
    fn the_lectures_numbers_appear_in_both_languages() {
        let find = |id: LessonId| LESSONS.iter().find(|l| l.id == id).expect("listed");
        for lang in Lang::ALL {
            let reverse = find(LessonId::ReverseMode).text(lang).paragraphs.join(" ");
            assert!(
                reverse.contains("1.716") && reverse.contains("5.5"),
                "{lang:?}"
            );
            let graph = find(LessonId::Graph).text(lang).paragraphs.join(" ");
            assert!(
                graph.contains("11.652") && graph.contains("−0.959"),
                "{lang:?}"
            );
            let forward = find(LessonId::ForwardMode).text(lang).paragraphs.join(" ");
            assert!(forward.contains("v̇4 = v̇1·v2 + v̇2·v1 = 5"), "{lang:?}");
        }
    }
}
