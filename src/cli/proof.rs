//! `pasteup proof`: the galley proof — every item set in its box, leg by leg, line by line.

use std::path::Path;
use std::process::ExitCode;

use pasteup_core::catalogue::UiLang;
use pasteup_core::layout::Makeup;
use pasteup_core::proof::galley::{galley_json, galleys, write_galley};
use pasteup_core::report::ProofReport;

use super::open_for_command;
use super::{EXIT_INVALID, EXIT_PROBLEMS};

/// Prints the galley proof of the issue (or of one item), its words in `lang`; `--json`
/// stays English.
pub fn run(issue: &Path, layout: Option<&Path>, only: Option<&str>, json: bool, lang: UiLang) -> ExitCode {
    let opened = match open_for_command(issue, layout) {
        Ok(o) => o,
        Err(code) => return code,
    };
    for p in &opened.problems {
        eprintln!("{p}");
    }
    let makeup = Makeup::new(opened.issue, &opened.layout);
    let mut galleys = galleys(&makeup);
    if let Some(id) = only {
        galleys.retain(|g| g.item.id() == id);
        if galleys.is_empty() {
            eprintln!("{}: no item \"{}\" in the issue", issue.display(), pasteup_core::format::printable(id));
            return ExitCode::from(EXIT_INVALID);
        }
    }
    if json {
        let report = ProofReport { items: galleys.iter().map(galley_json).collect() };
        println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    } else {
        let mut out = String::new();
        for g in &galleys {
            write_galley(&mut out, g, lang);
        }
        print!("{out}");
    }
    let overset = galleys.iter().any(|g| g.at.is_some() && g.fit.is_overset());
    ExitCode::from(if overset { EXIT_PROBLEMS } else { 0 })
}
