//! docs/copyfit.md's walkthrough, kept true: the sample as first drawn
//! (`layouts/taiyuan-2023-02-10.planned.layout.ron`, five boxes overset and one short) made to
//! fit on both pages by `pasteup fit`'s remedies and the copyfit keys alone, giving
//! `layouts/taiyuan-2023-02-10.fitted.layout.ron`, on which `check` and `fit` exit 0.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasteup::tui::app::{App, Msg};
use pasteup::tui::key_notation::parse_keys;
use pasteup::tui::run::editor;
use pasteup_core::document::open;
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::format::{parse_layout, to_ron_string};

const LAYOUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts");

fn path(name: &str) -> String {
    format!("{LAYOUTS}/{name}")
}

/// Keys in vim's notation, or a `:` line typed a character at a time (ending in Enter).
fn press(app: &mut App, keys: &str) {
    let events = match keys.strip_prefix(':') {
        Some(line) => std::iter::once(':')
            .chain(line.chars())
            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
            .chain([KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)])
            .collect(),
        None => parse_keys(keys).unwrap(),
    };
    for key in events {
        app.update(Msg::Key(key));
    }
}

/// The walkthrough's steps: what is typed in the editor, as docs/copyfit.md lists it.
pub const STEPS: &[&str] = &[
    ":find jinyuan-livable",
    "f",
    ":find bingzhou-forum",
    "t",
    ":find jinyuan-ten-projects",
    "<",
    ":find yangqu-seven-projects",
    "r C-u 阳 曲 七 件 实 事 暖 民 心 Enter",
    ":find snow-clearing",
    "c",
    ":find traffic-police",
    "> >",
    "Tab Enter",
];

fn fit_lines(app: &App) -> Vec<(String, u32, i64)> {
    let mut out = Vec::new();
    for page in [3, 4] {
        out.extend(app.makeup.resolved(page).into_iter().map(|b| (b.item.clone(), page, b.fit.lines())));
    }
    out
}

#[test]
fn the_planned_sample_is_made_to_fit_by_the_copyfit_tools_alone() {
    let issue = path("taiyuan-2023-02-10.ron");
    let planned = path("taiyuan-2023-02-10.planned.layout.ron");
    let opened = open(Some(Path::new(&issue)), Some(Path::new(&planned))).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    app.update(Msg::Resize(160, 45));
    assert_eq!(fit_lines(&app).iter().filter(|(_, _, f)| *f != 0).count(), 6);
    for step in STEPS {
        press(&mut app, step);
        assert!(
            !matches!(app.message.as_ref().map(|m| &m.status), Some(pasteup_core::catalogue::Status::Refused(_))),
            "{step}: {:?}",
            app.message
        );
    }
    let unfit: Vec<_> = fit_lines(&app).into_iter().filter(|(_, _, f)| *f != 0).collect();
    assert!(unfit.is_empty(), "still not fitting: {unfit:?}");
    assert!(app.makeup.bin().is_empty(), "every item placed: {:?}", app.makeup.bin());

    let made = app.makeup.to_layout("taiyuan-2023-02-10.ron");
    let fitted_path = path("taiyuan-2023-02-10.fitted.layout.ron");
    let fitted_text = std::fs::read_to_string(&fitted_path).unwrap_or_default();
    if std::env::var_os("PASTEUP_WRITE_WALKTHROUGH").is_some() {
        std::fs::write(&fitted_path, to_ron_string(&made)).unwrap();
    }
    let fitted = parse_layout(Path::new(&fitted_path), &fitted_text).unwrap();
    assert_eq!(made, fitted, "the walkthrough's result is layouts/taiyuan-2023-02-10.fitted.layout.ron");
}

fn pasteup(args: &[&str]) -> (Option<i32>, String) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).args(args).env("LANG", "C").output().unwrap();
    (o.status.code(), String::from_utf8(o.stdout).unwrap())
}

#[test]
fn check_and_fit_pass_on_the_fitted_sample_and_not_on_the_planned_one() {
    let issue = path("taiyuan-2023-02-10.ron");
    let fitted = path("taiyuan-2023-02-10.fitted.layout.ron");
    let (code, out) = pasteup(&["check", &issue, "--layout", &fitted]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.ends_with("all fits: no overset, overlapping or off-page items\n"), "{out}");
    assert!(out.contains("bin: 0 items"), "{out}");
    assert_eq!(pasteup(&["fit", &issue, "--layout", &fitted]), (Some(0), "every box fits\n".to_string()));
    let planned = path("taiyuan-2023-02-10.planned.layout.ron");
    let (code, out) = pasteup(&["check", &issue, "--layout", &planned]);
    assert_eq!(code, Some(1), "{out}");
    let (code, out) = pasteup(&["fit", &issue, "--layout", &planned]);
    assert_eq!((code, out.lines().last()), (Some(1), Some("6 boxes do not fit")));
}
