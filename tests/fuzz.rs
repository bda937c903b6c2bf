//! A bounded fuzz harness, run with every `cargo test`: the sample issue and layout mutated
//! at random (characters a copy desk or an attacker would type: controls, bidi marks,
//! full-width punctuation, quotes, brackets, huge numbers) and fed to the loaders, every
//! renderer, and the real binary's commands and output paths. Nothing may panic or hang,
//! exit codes are 0, 1 or 2 only, and no output carries a control character.
//!
//! The number of cases is fixed (proptest's `cases`), so the run is bounded; a failing case
//! is shrunk and saved in `tests/fuzz.proptest-regressions`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pasteup_core::export::{self, Format, Options};
use pasteup_core::format::{check_layout, parse_issue, parse_layout};
use pasteup_core::layout::Makeup;
use pasteup_core::proof::galley::{galley_json, galleys};
use proptest::prelude::*;

const ISSUE: &str = include_str!("../layouts/taiyuan-2023-02-10.ron");
const LAYOUT: &str = include_str!("../layouts/taiyuan-2023-02-10.layout.ron");

/// What gets typed into the files.
const PIECES: &[&str] = &[
    "\u{1b}",
    "\u{7}",
    "\t",
    "\n",
    "\u{0}",
    "\u{85}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{202E}",
    "\u{2067}",
    "\u{2028}",
    "，",
    "：",
    "（",
    "）",
    "“",
    "”",
    "\"",
    "\\",
    "\\u{1b}",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "0",
    "-1",
    "99999999999",
    "65535",
    "2000",
    "Fixed(0)",
    "Auto",
    "Some(",
    "None",
    "//",
    "/*",
    "字",
    "🇨🇳",
    "\u{FEFF}",
    "Article(",
    "Photo(",
    "id: \"x\"",
    "span: 0",
    "depth: 401",
    "columns: 21",
];

/// One mutation of a text: insert a piece, delete a range, or repeat a range.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, usize),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..PIECES.len()).prop_map(|(at, p)| Edit::Insert(at, p)),
        (any::<usize>(), 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), 1..60usize, 1..4usize).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut text = text.to_string();
    for e in edits {
        match *e {
            Edit::Insert(at, p) => {
                let at = boundary(&text, at);
                text.insert_str(at, PIECES[p]);
            }
            Edit::Delete(at, n) => {
                let a = boundary(&text, at);
                let b = boundary(&text, a + n).max(a);
                text.replace_range(a..b, "");
            }
            Edit::Repeat(at, n, k) => {
                let a = boundary(&text, at);
                let b = boundary(&text, a + n).max(a);
                let piece = text[a..b].repeat(k);
                text.insert_str(b, &piece);
            }
        }
    }
    text
}

/// No control character but the line feed.
fn clean(what: &str, text: &str) -> Result<(), TestCaseError> {
    match text.chars().find(|&c| c.is_control() && c != '\n') {
        Some(c) => Err(TestCaseError::fail(format!("{what} holds U+{:04X}", c as u32))),
        None => Ok(()),
    }
}

/// In process: the loaders, the layout check, every renderer and the galley proof.
fn load_and_render(issue_src: &str, layout_src: &str) -> Result<(), TestCaseError> {
    let issue = match parse_issue(Path::new("i.ron"), issue_src) {
        Ok(issue) => issue,
        Err(e) => return clean("an issue error", &e.to_string()),
    };
    let layout = match parse_layout(Path::new("i.layout.ron"), layout_src) {
        Ok(layout) => layout,
        Err(e) => return clean("a layout error", &e.to_string()),
    };
    let report = check_layout(&issue, &layout, layout_src, Path::new("i.layout.ron"));
    for p in &report.problems {
        clean("a layout problem", &p.to_string())?;
    }
    let makeup = Makeup::new(issue, &report.layout);
    for format in [Format::Ron, Format::Text, Format::Html] {
        let bytes = export::render(&makeup, format, &Options::default());
        clean(&format!("the {format:?} export"), &String::from_utf8(bytes).unwrap())?;
    }
    for g in galleys(&makeup) {
        clean("proof --json", &serde_json::to_string(&galley_json(&g)).unwrap_or_default())?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn loaders_and_renderers_never_panic_nor_leak_controls(
        issue_edits in prop::collection::vec(edit(), 0..6),
        layout_edits in prop::collection::vec(edit(), 0..6),
    ) {
        load_and_render(&apply(ISSUE, &issue_edits), &apply(LAYOUT, &layout_edits))?;
    }
}

// ---- the binary ----

/// Runs pasteup with a deadline: a hang fails the case instead of the whole run.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("pasteup {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// Where `export -o` may be pointed.
#[derive(Debug, Clone, Copy)]
enum Out {
    File,
    Folder,
    TheIssue,
    LinkToIssue,
    DanglingLink,
    Fifo,
    DevNull,
    MissingFolder,
}

fn out_path(dir: &Path, out: Out) -> PathBuf {
    let p = dir.join("out");
    match out {
        Out::File => p,
        Out::Folder => {
            std::fs::create_dir(&p).unwrap();
            p
        }
        Out::TheIssue => dir.join("i.ron"),
        Out::LinkToIssue => {
            std::os::unix::fs::symlink(dir.join("i.ron"), &p).unwrap();
            p
        }
        Out::DanglingLink => {
            std::os::unix::fs::symlink("gone/x", &p).unwrap();
            p
        }
        Out::Fifo => {
            assert!(Command::new("mkfifo").arg(&p).status().unwrap().success());
            p
        }
        Out::DevNull => PathBuf::from("/dev/null"),
        Out::MissingFolder => dir.join("no/such/out"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn commands_exit_0_1_or_2_with_clean_output(
        issue_edits in prop::collection::vec(edit(), 0..4),
        layout_edits in prop::collection::vec(edit(), 0..4),
        out in prop_oneof![
            Just(Out::File), Just(Out::Folder), Just(Out::TheIssue), Just(Out::LinkToIssue),
            Just(Out::DanglingLink), Just(Out::Fifo), Just(Out::DevNull), Just(Out::MissingFolder),
        ],
        format in prop_oneof![Just("ron"), Just("text"), Just("html")],
    ) {
        let dir = tempfile::tempdir().unwrap();
        let issue = apply(ISSUE, &issue_edits);
        std::fs::write(dir.path().join("i.ron"), &issue).unwrap();
        std::fs::write(dir.path().join("i.layout.ron"), apply(LAYOUT, &layout_edits)).unwrap();
        let out = out_path(dir.path(), out);
        let out = out.to_str().unwrap();
        for args in [
            vec!["check", "i.ron"],
            vec!["check", "i.ron", "--json"],
            vec!["proof", "i.ron", "--json"],
            vec!["export", "i.ron", "--format", format, "-o", out],
        ] {
            let (code, stdout, stderr) = run(dir.path(), &args);
            prop_assert!((0..=2).contains(&code), "{args:?} exited {code}: {stderr}");
            clean("standard output", &stdout)?;
            clean("standard error", &stderr)?;
        }
        prop_assert_eq!(std::fs::read_to_string(dir.path().join("i.ron")).unwrap(), issue, "the issue was written over");
    }
}
