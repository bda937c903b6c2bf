//! `pasteup fit`: for every box that does not fit (overset or short), the remedies that make
//! it fit, each tried by the fit engine on a copy of the desk (docs/copyfit.md). Exit 0 when
//! every box fits, 1 when one does not, 2 when the input cannot be used.

use std::fmt::Write as _;
use std::process::ExitCode;

use pasteup_core::catalogue::{Render, Report, UiLang};
use pasteup_core::document::Opened;
use pasteup_core::format::printable;
use pasteup_core::layout::{Makeup, UnfitBox};
use serde::Serialize;

use super::EXIT_PROBLEMS;
use super::{BoxArgs, no_such_item, open_usable};

/// `--json`: `{"boxes": [...]}`.
#[derive(Serialize)]
struct FitJson<'a> {
    boxes: &'a [UnfitBox],
}

pub fn run(args: &BoxArgs, lang: UiLang) -> ExitCode {
    let opened = match open_usable(&args.issue, args.layout.as_deref(), lang) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let only = args.item.as_deref();
    if let Some(id) = only
        && !opened.issue.items.iter().any(|i| i.id() == id)
    {
        return no_such_item(&args.issue, &opened.issue, id, lang);
    }
    let (out, code) = report(opened, only, args.json, lang);
    out!("{out}");
    ExitCode::from(code)
}

/// The remedies of an opened issue and layout (only `only`'s box when given), and the exit
/// code they call for.
pub fn report(opened: Opened, only: Option<&str>, json: bool, lang: UiLang) -> (String, u8) {
    let desk = Makeup::new(opened.issue, &opened.layout);
    let boxes = desk.unfit_boxes(only);
    let out = if json {
        serde_json::to_string(&FitJson { boxes: &boxes }).unwrap_or_default() + "\n"
    } else {
        text(&boxes, lang)
    };
    (out, if boxes.is_empty() { 0 } else { EXIT_PROBLEMS })
}

fn text(boxes: &[UnfitBox], lang: UiLang) -> String {
    let mut out = String::new();
    for b in boxes {
        let head = Report::FitBox { id: printable(&b.id), page: b.page, part: b.part, fit: b.detail };
        let _ = writeln!(out, "{}", head.render(lang));
        for r in &b.remedies {
            let line = Report::FitRemedy { kind: r.kind, value: r.value, fit: r.fit, cut_chars: r.cut_chars };
            let _ = writeln!(out, "{}", line.render(lang));
        }
        if let Some(part) = b.waiting_part.filter(|_| b.remedies.is_empty()) {
            let _ = writeln!(out, "{}", Report::FitPlaceWaiting { id: printable(&b.id), part }.render(lang));
        } else if b.remedies.is_empty() {
            let _ = writeln!(out, "{}", Report::FitNoRemedy.render(lang));
        }
    }
    let last = if boxes.is_empty() { Report::FitAllBoxesFit } else { Report::FitUnfit { boxes: boxes.len() } };
    let _ = writeln!(out, "{}", last.render(lang));
    out
}
