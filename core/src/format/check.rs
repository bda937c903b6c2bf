//! A layout read from a file, checked against its issue by the one validator
//! ([`crate::layout::validate::check_layout`]), with each problem placed at its line and
//! column of the file.

use std::cell::OnceCell;
use std::path::Path;

use super::locate::{Node, Source};
use crate::layout::validate::{Site, check_layout as validate};
use crate::model::{Issue, Layout};
use crate::problem::{Located, Problem};

/// The layout with every bad placement removed, and what was wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutReport {
    pub layout: Layout,
    pub problems: Vec<Located>,
}

/// Check `layout` (parsed from `layout_src`, read from `path`) against `issue`.
pub fn check_layout(issue: &Issue, layout: &Layout, layout_src: &str, path: &Path) -> LayoutReport {
    let checked = validate(issue, layout);
    // The source is scanned for positions only when something is wrong.
    let src = OnceCell::new();
    let positions = Positions { text: layout_src, src: &src };
    let problems = checked
        .found
        .into_iter()
        .map(|found| {
            let mut problem = found.problem;
            let first_line = found.first.and_then(|site| positions.of(site)).map(|(line, _)| line);
            match &mut problem {
                Problem::DuplicatePage { first_line: at, .. } | Problem::PlacedTwice { first_line: at, .. } => {
                    *at = first_line;
                }
                _ => {}
            }
            let pos = positions.of(found.at);
            Located { problem, file: path.to_path_buf(), line: pos.map(|p| p.0), col: pos.map(|p| p.1) }
        })
        .collect();
    LayoutReport { layout: checked.layout, problems }
}

struct Positions<'a, 'c> {
    text: &'a str,
    src: &'c OnceCell<Source<'a>>,
}

impl<'a> Positions<'a, '_> {
    fn source(&self) -> &Source<'a> {
        self.src.get_or_init(|| Source::new(self.text))
    }

    /// Line and column of a site: the field's value, or the page or placement itself.
    fn of(&self, site: Site) -> Option<(usize, usize)> {
        let src = self.source();
        let page = |pi: usize| -> Option<Node> { src.root_element("pages", pi) };
        match site {
            Site::Page { page: pi } => src.field_pos(page(pi), "number"),
            Site::Conflict { index } => src.field_pos(src.root_element("conflicts", index), "item"),
            Site::Placement { page: pi, placement, field } => {
                src.field_pos(page(pi).and_then(|node| src.element(node, "placements", placement)), field)
            }
        }
    }
}
