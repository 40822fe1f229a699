//! The embed view (`?embed=1`): the app with minimal chrome for an iframe in a course page,
//! and the parts a host can hide (`hide=editor,tables,pseudocode,controls`), plus the iframe
//! snippet the "Copy embed code" button writes. Pure and tested natively.

use crate::export::xml_escape;
use crate::i18n::{Key, Lang};

/// A part of the page an embed can hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The program editor and the mode tabs.
    Editor,
    /// The adjoint table and `node_to_grad`.
    Tables,
    /// The pseudocode.
    Pseudocode,
    /// The step buttons and the scrubber (the keyboard still steps).
    Controls,
}

impl Part {
    /// Every part, in the order `hide=` writes them.
    pub const ALL: [Part; 4] = [Part::Editor, Part::Tables, Part::Pseudocode, Part::Controls];

    /// Its name in `hide=`.
    pub fn name(self) -> &'static str {
        match self {
            Part::Editor => "editor",
            Part::Tables => "tables",
            Part::Pseudocode => "pseudocode",
            Part::Controls => "controls",
        }
    }
}

/// The parts hidden, as a small ordered set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hidden(u8);

impl Hidden {
    /// Parses `editor,tables` (unknown names are ignored).
    pub fn parse(list: &str) -> Self {
        let mut h = Hidden::default();
        for name in list.split(',').map(str::trim) {
            if let Some(p) = Part::ALL.into_iter().find(|p| p.name() == name) {
                h = h.with(p);
            }
        }
        h
    }

    /// This set with `p` hidden too.
    pub fn with(self, p: Part) -> Self {
        Hidden(self.0 | (1 << p as u8))
    }

    /// Is `p` hidden?
    pub fn hides(self, p: Part) -> bool {
        self.0 & (1 << p as u8) != 0
    }

    /// Nothing hidden?
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// `editor,tables` (in [`Part::ALL`] order).
    pub fn list(self) -> String {
        Part::ALL
            .into_iter()
            .filter(|p| self.hides(*p))
            .map(Part::name)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The iframe snippet for the page at `page_url` (origin and path, no query) showing the
/// view `query` (a `?…` permalink) in embed mode, its title in `lang`.
pub fn iframe_snippet(page_url: &str, query: &str, lang: Lang) -> String {
    let sep = if query.is_empty() { "?" } else { "&" };
    let src = format!("{page_url}{query}{sep}embed=1");
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"960\" height=\"600\" loading=\"lazy\" style=\"border:0\"></iframe>",
        xml_escape(&src),
        xml_escape(lang.t(Key::EmbedIframeTitle))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hide_lists_round_trip_in_a_fixed_order_and_ignore_unknown_names() {
        let h = Hidden::parse("tables, editor,nonsense,,controls");
        assert!(h.hides(Part::Editor) && h.hides(Part::Tables) && h.hides(Part::Controls));
        assert!(!h.hides(Part::Pseudocode));
        assert_eq!(h.list(), "editor,tables,controls");
        assert_eq!(Hidden::parse(&h.list()), h);
        assert!(Hidden::parse("").is_empty());
    }

    #[test]
    fn the_snippet_is_an_iframe_in_embed_mode_with_the_view_escaped() {
        let s = iframe_snippet(
            "https://course.example/adjoint/",
            "?v=2&step=3&p=x%3Cy",
            Lang::En,
        );
        assert!(s.starts_with("<iframe src=\"https://course.example/adjoint/?v=2&amp;step=3&amp;p=x%3Cy&amp;embed=1\""), "{s}");
        assert!(
            s.contains("title=\"Adjoint: reverse-mode AD step by step\"")
                && s.ends_with("</iframe>")
        );
        assert!(
            iframe_snippet("https://a.b/", "", Lang::En).contains("src=\"https://a.b/?embed=1\"")
        );
        assert!(iframe_snippet("https://a.b/", "", Lang::Zh)
            .contains("title=\"Adjoint：一步步看反向模式自动微分\""));
    }
}
