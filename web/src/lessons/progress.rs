//! Which lessons a student has finished, and the chosen language, remembered in the
//! browser's localStorage (`adjoint.lessons.done`: slugs joined by commas;
//! `adjoint.lang`: `en` or `zh`). Parsing is plain Rust, tested natively; only
//! [`load`] and [`save`] touch the browser, and they fail quietly (private mode).

use super::LESSONS;
use crate::i18n::Lang;

/// The localStorage key of finished lessons.
pub const DONE_KEY: &str = "adjoint.lessons.done";
/// The localStorage key of the language.
pub const LANG_KEY: &str = "adjoint.lang";
/// The localStorage key of the last lesson opened.
pub const LAST_KEY: &str = "adjoint.lessons.last";

/// The set of finished lessons: bit `i` for `LESSONS[i]` (a set of slugs would compile a
/// B-tree of `&str` keys into the app for at most a dozen entries).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    done: u64,
}

// Every lesson has its bit.
const _: () = assert!(LESSONS.len() <= 64);

impl Progress {
    /// Reads the stored text; unknown slugs are dropped.
    pub fn parse(stored: &str) -> Self {
        let mut p = Progress::default();
        for slug in stored.split(',') {
            p.mark(slug.trim());
        }
        p
    }

    /// The text to store: slugs in lesson order, joined by commas.
    pub fn serialize(&self) -> String {
        LESSONS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.done & (1 << i) != 0)
            .map(|(_, l)| l.slug)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Whether lesson `slug` is done.
    pub fn is_done(&self, slug: &str) -> bool {
        super::by_slug(slug).is_some_and(|(i, _)| self.done & (1 << i) != 0)
    }

    /// Marks lesson `slug` done (unknown slugs are ignored).
    pub fn mark(&mut self, slug: &str) {
        if let Some((i, _)) = super::by_slug(slug) {
            self.done |= 1 << i;
        }
    }

    /// How many lessons are done.
    pub fn count(&self) -> usize {
        self.done.count_ones() as usize
    }
}

/// The browser's localStorage, if it is available.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Loads the stored progress (empty when nothing is stored or storage is blocked).
pub fn load() -> Progress {
    storage()
        .and_then(|s| s.get_item(DONE_KEY).ok().flatten())
        .map(|t| Progress::parse(&t))
        .unwrap_or_default()
}

/// Stores the progress; a blocked storage is ignored (progress then lasts the session).
pub fn save(p: &Progress) {
    if let Some(s) = storage() {
        let _ = s.set_item(DONE_KEY, &p.serialize());
    }
}

/// The stored language, if any.
pub fn load_lang() -> Option<Lang> {
    storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|t| Lang::from_code(&t))
}

/// Stores the language.
pub fn save_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// The last lesson opened, if any.
pub fn load_last() -> Option<&'static str> {
    storage()
        .and_then(|s| s.get_item(LAST_KEY).ok().flatten())
        .and_then(|t| super::by_slug(&t).map(|(_, l)| l.slug))
}

/// Stores the last lesson opened.
pub fn save_last(slug: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(LAST_KEY, slug);
    }
}

/// The language to start in: the stored one, else the browser's, else English.
pub fn initial_lang(stored: Option<Lang>, navigator: Option<&str>) -> Lang {
    stored
        .or_else(|| navigator.and_then(Lang::from_code))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_round_trips_in_lesson_order() {
        let mut p = Progress::parse("reverse-mode, nonsense,why-gradients");
        assert_eq!(p.count(), 2);
        assert!(p.is_done("reverse-mode"));
        assert_eq!(p.serialize(), "why-gradients,reverse-mode");
        p.mark("tensors");
        p.mark("no-such-lesson");
        assert_eq!(p.count(), 3);
        assert_eq!(Progress::parse(&p.serialize()), p);
        assert_eq!(Progress::parse(""), Progress::default());
    }

    #[test]
    fn the_stored_language_wins_over_the_browsers() {
        assert_eq!(initial_lang(Some(Lang::En), Some("zh-CN")), Lang::En);
        assert_eq!(initial_lang(None, Some("zh-CN")), Lang::Zh);
        assert_eq!(initial_lang(None, Some("de")), Lang::En);
        assert_eq!(initial_lang(None, None), Lang::En);
    }
}
