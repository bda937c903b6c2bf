//! `pasteup proof`: the galley proof — every item set in its box, leg by leg, line by line.

use std::process::ExitCode;

use pasteup_core::catalogue::UiLang;
use pasteup_core::layout::Makeup;
use pasteup_core::proof::galley::{Galley, galley_json, galleys, write_galley};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::io::Write;

use super::EXIT_PROBLEMS;
use super::{BoxArgs, no_such_item, open_usable};

/// Prints the galley proof of the issue (or of one item), its words in `lang`; `--json`
/// stays English.
pub fn run(args: &BoxArgs, lang: UiLang) -> ExitCode {
    let (only, json) = (args.item.as_deref(), args.json);
    let opened = match open_usable(&args.issue, args.layout.as_deref(), lang) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let makeup = Makeup::new(opened.issue, &opened.layout);
    let mut galleys = galleys(&makeup);
    if let Some(id) = only {
        galleys.retain(|g| g.item.id() == id);
        if galleys.is_empty() {
            return no_such_item(&args.issue, makeup.issue(), id, lang);
        }
    }
    if json {
        crate::note_stdout(write_json(&galleys));
    } else {
        let mut out = String::new();
        for g in &galleys {
            write_galley(&mut out, g, lang);
        }
        out!("{out}");
    }
    // The whole proof exits as `check` does: overset, overlapping, off the grid, below the foot
    // or placed twice (found from outside: only overset gave 1 here); one item's, as it fits.
    let problems = match only {
        Some(_) => galleys.iter().any(|g| g.at.is_some() && g.fit.is_overset()),
        None => !makeup.findings(&opened.problems, &opened.layout_path).is_empty(),
    };
    ExitCode::from(if problems { EXIT_PROBLEMS } else { 0 })
}

/// `{"items": [...]}` as `report::ProofReport` describes it, written one item at a time so
/// that 100,000 items never stand in memory as JSON at once.
fn write_json(galleys: &[Galley]) -> std::io::Result<()> {
    struct Items<'a>(&'a [Galley<'a>]);
    impl Serialize for Items<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(galley_json))
        }
    }
    struct Proof<'a>(&'a [Galley<'a>]);
    impl Serialize for Proof<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry("items", &Items(self.0))?;
            map.end()
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, &Proof(galleys)).map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()
}
