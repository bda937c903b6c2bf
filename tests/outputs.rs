//! Where a command writes: only ever a regular file is replaced (through a symlink, its
//! target), a pipe or a device is written through or refused, an input of the command is
//! never its output, and what a message says about a path is escaped. Also: the text
//! export's size at the largest grid allowed, and a layout naming another issue.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::fs;
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ISSUE: &str = "taiyuan-2023-02-10.ron";
const LAYOUT: &str = "taiyuan-2023-02-10.layout.ron";

/// The sample issue and its layout copied into a fresh folder, its photos with them.
fn sample() -> (tempfile::TempDir, PathBuf, PathBuf) {
    // The issue's photos beside it in `assets/` (the repository has them at `../assets/`).
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let (issue, layout) = (dir.path().join(ISSUE), dir.path().join(LAYOUT));
    let text = fs::read_to_string(repo.join("layouts").join(ISSUE)).unwrap();
    assert_eq!(text.matches("\"../assets/").count(), 3);
    fs::write(&issue, text.replace("\"../assets/", "\"assets/")).unwrap();
    fs::copy(repo.join("layouts").join(LAYOUT), &layout).unwrap();
    fs::create_dir(dir.path().join("assets")).unwrap();
    for photo in ["power-grid.png", "snow-traffic.png", "xishan-railway.png"] {
        fs::copy(repo.join("assets").join(photo), dir.path().join("assets").join(photo)).unwrap();
    }
    (dir, issue, layout)
}

fn pasteup(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pasteup")).args(args).stdin(Stdio::null()).output().expect("run pasteup")
}

fn export(issue: &Path, format: &str, out: &Path) -> Output {
    export_with(issue, format, out, &[])
}

/// `export` with more options after `-o OUT`.
fn export_with(issue: &Path, format: &str, out: &Path, extra: &[&Path]) -> Output {
    let mut args = vec![Path::new("export"), issue, Path::new("--format"), Path::new(format), Path::new("-o"), out];
    args.extend_from_slice(extra);
    pasteup(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Found from outside: under a file-size limit (`ulimit -f`) the write's SIGXFSZ killed
/// `export` without a word, its temporary file left behind. The write fails instead: exit 2,
/// what was wrong, nothing written, no temporary file, the old output as it was.
#[test]
fn a_file_size_limit_fails_the_write_and_keeps_the_old_file() {
    let (dir, issue, _) = sample();
    let out = dir.path().join("proof.txt");
    fs::write(&out, "the old proof").unwrap();
    let script = "ulimit -f 1; exec \"$0\" export \"$1\" --format text -o \"$2\"";
    let o = Command::new("bash")
        .args(["-c", script, env!("CARGO_BIN_EXE_pasteup")])
        .args([&issue, &out])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(stderr(&o).contains("File too large") && stderr(&o).contains("nothing was written"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&out).unwrap(), "the old proof");
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_input_is_never_the_output() {
    let (dir, issue, layout) = sample();
    let before = (fs::read(&issue).unwrap(), fs::read(&layout).unwrap());
    let link = dir.path().join("today.ron");
    symlink(&issue, &link).unwrap();
    for (out, what) in [(&issue, "issue"), (&layout, "layout"), (&link, "issue")] {
        let o = export(&issue, "ron", out);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let words = format!(": cannot export over the {what} ");
        assert!(stderr(&o).contains(&words), "{}", stderr(&o));
        assert!(stderr(&o).ends_with("which this command reads; name another file with -o\n"), "{}", stderr(&o));
    }
    assert_eq!((fs::read(&issue).unwrap(), fs::read(&layout).unwrap()), before);
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}

#[test]
fn a_font_or_a_photo_is_never_the_output_either() {
    let (dir, issue, _) = sample();
    let font = dir.path().join("face.ttc");
    fs::write(&font, b"a font file").unwrap();
    let o = export_with(&issue, "pdf", &font, &[Path::new("--font"), &font]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(": cannot export over the font "), "{}", stderr(&o));
    assert_eq!(fs::read(&font).unwrap(), b"a font file");
    // `make` sizes the photos it places: it never writes its layout over one.
    let text = fs::read_to_string(&issue).unwrap().replace("assets/snow-traffic.png", "snow.png");
    fs::write(&issue, text).unwrap();
    let target = dir.path().join("snow.png");
    fs::write(&target, b"png bytes").unwrap();
    let o = pasteup(&[Path::new("make"), &issue, Path::new("-o"), &target]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(": cannot write the layout over the photo "), "{}", stderr(&o));
    assert_eq!(fs::read(&target).unwrap(), b"png bytes");
    // Found from outside: a photo's file not there yet was written, and read as the photo
    // at the next export.
    fs::remove_file(&target).unwrap();
    let o = export(&issue, "html", &dir.path().join("./snow.png"));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(": cannot export over the photo "), "{}", stderr(&o));
    assert!(!target.exists());
}

#[test]
fn the_editor_into_a_pipe_writes_nothing_and_says_what_to_use() {
    let (_dir, issue, layout) = sample();
    let o = pasteup(&[&issue]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "no escape codes into the pipe: {:?}", o.stdout);
    assert!(
        stderr(&o).contains("standard output is not one; for the pages as text use `pasteup proof`"),
        "{}",
        stderr(&o)
    );
    assert!(!pasteup_core::journal::lock_path(&layout).exists(), "no lock taken");
}

#[test]
fn press_options_are_never_ignored() {
    let (dir, issue, _) = sample();
    let out = dir.path().join("out.html");
    let f = Path::new("f.ttc");
    let o = export_with(&issue, "html", &out, &[Path::new("--font"), f]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("--font and --em-pt set the press PDF;"), "{}", stderr(&o));
    assert!(!out.exists());
    // The default's own value too (found from outside: `--em-pt 9` passed unremarked).
    for pt in ["12", "9"] {
        let o = export_with(&issue, "html", &out, &[Path::new("--em-pt"), Path::new(pt)]);
        assert_eq!(o.status.code(), Some(2), "{pt}: {}", stderr(&o));
    }
    let pdf = dir.path().join("out.pdf");
    let fonts = [Path::new("--font"), f, Path::new("--font"), f, Path::new("--font"), Path::new("/nope")];
    let o = export_with(&issue, "pdf", &pdf, &fonts);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("--font is given 3 times;"), "{}", stderr(&o));
    // Found from outside: `--ambiwidth` was taken for the formats it does nothing for.
    for format in ["html", "ron"] {
        let o = export_with(&issue, format, &out, &[Path::new("--ambiwidth"), Path::new("double")]);
        assert_eq!(o.status.code(), Some(2), "{format}: {}", stderr(&o));
        assert!(stderr(&o).starts_with("--ambiwidth sets the text proof's frames;"), "{}", stderr(&o));
        assert!(!out.exists());
    }
}

#[test]
fn proof_and_export_refuse_a_layout_naming_what_the_issue_lacks_as_check_does() {
    let (_dir, issue, layout) = sample();
    let text = fs::read_to_string(&layout).unwrap().replacen("\"snow-clearing\"", "\"snow-clearingX\"", 1);
    fs::write(&layout, text).unwrap();
    assert_eq!(pasteup(&[Path::new("check"), &issue]).status.code(), Some(2));
    let o = pasteup(&[Path::new("proof"), &issue]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // Found from outside: the id the slip was for is named, and the command says it writes
    // nothing (the problem's "this placement is dropped" is what the editor would do).
    assert!(
        stderr(&o).contains(r#"no item "snow-clearingX" in the issue (did you mean "snow-clearing"?)"#),
        "{}",
        stderr(&o)
    );
    let not_used = format!("{}: not used as it stands, and nothing is written: mend", layout.display());
    assert!(stderr(&o).contains(&not_used), "{}", stderr(&o));
    let out = issue.with_extension("txt");
    let o = export(&issue, "text", &out);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(&not_used), "{}", stderr(&o));
    assert!(!out.exists(), "nothing written");
    let o = pasteup(&[Path::new("make"), &issue, Path::new("-o"), &out]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(&not_used), "{}", stderr(&o));
    assert!(!out.exists(), "nothing written");
}

/// Found from outside: `--item` with a slip began its message with a capital after the file
/// name and named no id to write instead.
#[test]
fn an_item_not_in_the_issue_is_said_with_the_id_most_like_it() {
    let (_dir, issue, _) = sample();
    for command in ["proof", "fit"] {
        let o = pasteup(&[Path::new(command), &issue, Path::new("--item"), Path::new("snowclearing")]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let said = format!(
            "{}: there is no item \"snowclearing\" in the issue; did you mean \"snow-clearing\"?\n",
            issue.display()
        );
        assert!(stderr(&o).ends_with(&said), "{}", stderr(&o));
    }
    let o = pasteup(&[Path::new("proof"), &issue, Path::new("--item"), Path::new("weather")]);
    assert!(stderr(&o).ends_with("there is no item \"weather\" in the issue\n"), "{}", stderr(&o));
    // Other capitals, or the id's start (found from outside: neither got a suggestion).
    for (typed, meant) in [("SNOW-CLEARING", "snow-clearing"), ("petition", "petition-notice")] {
        let o = pasteup(&[Path::new("fit"), &issue, Path::new("--item"), Path::new(typed)]);
        assert!(stderr(&o).ends_with(&format!("did you mean \"{meant}\"?\n")), "{}", stderr(&o));
    }
    // Found from outside: make's page not in the issue began with a capital, no file named.
    let o = pasteup(&[Path::new("make"), &issue, Path::new("--page"), Path::new("9")]);
    assert_eq!(o.status.code(), Some(2));
    let said = format!("{}: there is no page 9 in the issue (its pages: 3, 4)\n", issue.display());
    assert!(stderr(&o).ends_with(&said), "{}", stderr(&o));
}

/// Found from outside: a one-page issue's text export said "1 pages".
#[test]
fn a_one_page_issue_says_1_page() {
    let (_dir, issue, layout) = sample();
    let text = fs::read_to_string(&issue).unwrap();
    let page4 = text.find("Page(number: 4").unwrap();
    let end = text[page4..].find("),\n").unwrap() + page4 + 3;
    fs::write(&issue, format!("{}{}", &text[..page4], &text[end..])).unwrap();
    fs::remove_file(&layout).unwrap();
    let o = export(&issue, "text", Path::new("/dev/stdout"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("太原日报 2023-02-10 - page proof - 1 page, 12 items (12 in the bin)"), "{text}");
}

#[test]
fn dev_stdout_into_a_pipe_is_written_through() {
    let (_dir, issue, _) = sample();
    // `output()` gives the child a pipe for standard output: /dev/stdout names that pipe.
    let o = export(&issue, "text", Path::new("/dev/stdout"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("太原日报 2023-02-10 - page proof - 2 pages, 12 items"), "{text}");
    let o = export(&issue, "text", Path::new("/dev/null"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

#[test]
fn a_dangling_symlink_gets_its_target_written() {
    let (dir, issue, _) = sample();
    let link = dir.path().join("proof.txt");
    symlink("wall/proof-today.txt", &link).unwrap();
    fs::create_dir(dir.path().join("wall")).unwrap();
    let o = export(&issue, "text", &link);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    assert!(fs::read_to_string(dir.path().join("wall/proof-today.txt")).unwrap().contains("page proof"));
}

/// Found from outside: a layout written through a link in another folder whose target was
/// not there yet named the issue from the link's folder, and did not open after.
#[test]
fn a_layout_made_through_a_dangling_link_names_the_issue_from_the_target() {
    let (dir, issue, _) = sample();
    fs::create_dir_all(dir.path().join("desk/night")).unwrap();
    let link = dir.path().join("desk/night/p3.layout.ron");
    symlink("../../made.layout.ron", &link).unwrap();
    let o = pasteup(&[Path::new("make"), &issue, Path::new("--page"), Path::new("3"), Path::new("-o"), &link]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let made = fs::read_to_string(dir.path().join("made.layout.ron")).unwrap();
    assert!(made.contains(&format!("issue: \"{ISSUE}\"")), "{made}");
    let o = pasteup(&[Path::new("check"), &link]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
}

#[test]
fn a_fifo_nobody_reads_is_refused_not_waited_on() {
    let (dir, issue, _) = sample();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let o = export(&issue, "ron", &fifo);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot write: it is a pipe that no program reads"), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO is still a FIFO");
}

/// A folder named with ESC and BEL (a terminal title sequence): no byte of it reaches the
/// terminal raw.
#[test]
fn a_folder_name_in_a_message_is_escaped() {
    let (dir, issue, _) = sample();
    let evil = dir.path().join("a\u{1b}]0;owned\u{7}b");
    fs::create_dir(&evil).unwrap();
    fs::write(evil.join("blocker"), "").unwrap();
    let o = export(&issue, "ron", &evil.join("blocker/out.ron"));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains(r"a\u{1b}]0;owned\u{7}b"), "{err}");
}

#[test]
fn a_layout_for_another_issue_is_reported() {
    let (dir, issue, layout) = sample();
    let text = fs::read_to_string(&layout)
        .unwrap()
        .replace(r#"issue: "taiyuan-2023-02-10.ron""#, r#"issue: "taiyuan-2023-02-11.ron""#);
    fs::write(&layout, text).unwrap();
    let o = pasteup(&[Path::new("check"), &issue]);
    let err = stderr(&o);
    let expected = format!(
        "{}: warning: the layout is for the issue \"taiyuan-2023-02-11.ron\" ({}), but {} is open; its placements are used as they are",
        layout.display(),
        dir.path().join("taiyuan-2023-02-11.ron").display(),
        issue.display()
    );
    assert!(err.lines().any(|l| l == expected), "{err}");
    // The same issue named by its path from the layout's folder is no warning.
    let text = fs::read_to_string(&layout).unwrap().replace("taiyuan-2023-02-11.ron", "./taiyuan-2023-02-10.ron");
    fs::write(&layout, text).unwrap();
    let o = pasteup(&[Path::new("check"), &issue]);
    assert_eq!(stderr(&o), "");
    drop(dir);
}

/// The text export draws each page cell by cell. At the largest grid the limits allow
/// (240 em wide, 400 lines) a page of boxes overset by a 1 MB headline is a bounded
/// picture: the rows past the foot are drawn to 400 and then counted.
#[test]
fn text_export_at_the_largest_grid_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let head = "字".repeat(1 << 18);
    let issue = dir.path().join("big.ron");
    fs::write(
        &issue,
        format!(
            r#"Issue(paper: "P", date: "D", pages: [Page(number: 1, grid: Grid(columns: 20, column_width: 11, gutter: 1, depth: 400))],
               items: [Article(id: "head", headline: "{head}", body: ["x"])])"#
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("big.layout.ron"),
        r#"Layout(issue: "big.ron", pages: [PageLayout(number: 1, placements: [Placement(item: "head", column: 1, span: 20, line: 1, depth: Auto)])])"#,
    )
    .unwrap();
    let out = dir.path().join("big.txt");
    let o = export(&issue, "text", &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = fs::read_to_string(&out).unwrap();
    let rows = text.lines().count();
    assert!(rows < 820, "{rows} rows");
    assert!(text.len() < 2 << 20, "{} bytes", text.len());
    let undrawn = text.lines().find(|l| l.contains("more lines over the foot, not drawn")).unwrap();
    // 2^18 headline characters at 2 em in 239 em: 119 a line, 2 lines deep each.
    let needed = (1u32 << 18).div_ceil(119) * 2 + 1;
    assert!(undrawn.trim_start().starts_with(&format!("... {} more lines", needed - 800)), "{undrawn}");
}

/// The limits are docs/file-formats.md's: a grid past them is refused, not drawn.
#[test]
fn a_grid_wider_than_a_newspaper_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("wide.ron");
    fs::write(
        &issue,
        r#"Issue(paper: "P", date: "D", pages: [Page(number: 1, grid: Grid(columns: 20, column_width: 13, gutter: 1, depth: 100))], items: [])"#,
    )
    .unwrap();
    let o = pasteup(&[Path::new("check"), &issue]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "page 1 grid is 279 em wide (20 columns of 13 em and their gutters), expected at most 240 em; use fewer or narrower columns"
        ),
        "{}",
        stderr(&o)
    );
}

/// A reader that stops early (`pasteup check | head -1`) closes the pipe: every later write
/// fails. The command goes on, gives no panic and exits with its own code; an export still
/// writes its file.
#[test]
fn a_closed_pipe_is_no_panic_and_the_work_is_done() {
    let (dir, issue, layout) = sample();
    let run = |args: &[&Path], closed_out: bool| {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pasteup"));
        cmd.args(args).stdin(Stdio::null());
        if closed_out {
            cmd.stdout(writer).stderr(Stdio::piped());
        } else {
            cmd.stdout(Stdio::null()).stderr(writer);
        }
        cmd.output().unwrap()
    };
    let proof = [Path::new("proof"), &issue, Path::new("--layout"), &layout];
    let json = [Path::new("proof"), &issue, Path::new("--layout"), &layout, Path::new("--json")];
    for args in [&[Path::new("check"), &issue][..], &proof, &json] {
        let out = run(args, true);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err, "", "{args:?}: a reader that stopped reading is not an error");
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {:?} {err}", out.status);
    }
    // Standard error closed while an export warns (a photo file the issue names is missing).
    fs::remove_file(dir.path().join("assets").join("snow-traffic.png")).unwrap();
    let ron = dir.path().join("out.layout.ron");
    let export = [Path::new("export"), &issue, Path::new("--format"), Path::new("ron"), Path::new("-o"), &ron];
    let warned = pasteup(&export);
    assert!(String::from_utf8_lossy(&warned.stderr).contains("snow-traffic.png"), "{warned:?}");
    let out = run(&export, false);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    assert!(fs::metadata(&ron).unwrap().len() > 1000);
}

/// Found from outside: a 0444 layout in a folder others may write was replaced by another
/// user's save (a rename, which the file's own mode does not stop). A read-only file is kept.
#[test]
fn a_read_only_file_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, issue, _) = sample();
    let out = dir.path().join("kept.txt");
    fs::write(&out, "the night editor's").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o444)).unwrap();
    let o = export(&issue, "text", &out);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("the file is read-only; make it writable (chmod u+w) or name another file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "the night editor's");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(export(&issue, "text", &out).status.code(), Some(0));
}

/// Found in review: a report written into a full disk (`> proof.txt`) was cut short and the
/// command exited 0, as if the proof were whole. It is said once, and the exit code is 2.
#[test]
fn a_report_cut_short_by_a_full_disk_is_exit_2() {
    let (_dir, issue, layout) = sample();
    for extra in [&[][..], &[Path::new("--json")]] {
        let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_pasteup"))
            .args([Path::new("proof"), &issue, Path::new("--layout"), &layout])
            .args(extra)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {err}");
        assert_eq!(err.matches("pasteup: cannot write standard output: ").count(), 1, "{err}");
        assert!(err.contains("No space left on device"), "{err}");
    }
}

#[test]
fn a_layout_given_as_the_issue_opens_the_issue_it_names() {
    let (dir, issue, layout) = sample();
    let by_issue = pasteup(&[Path::new("check"), &issue]);
    let by_layout = pasteup(&[Path::new("check"), &layout]);
    assert_eq!(by_layout.status.code(), by_issue.status.code(), "{}", stderr(&by_layout));
    assert_eq!(String::from_utf8_lossy(&by_layout.stdout), String::from_utf8_lossy(&by_issue.stdout));
    // Another layout of the same issue is used, not the default one beside the issue.
    let night = dir.path().join("night.layout.ron");
    let first = fs::read_to_string(&layout).unwrap();
    let placement = first.lines().find(|l| l.contains("Placement(")).unwrap();
    fs::write(&night, first.replace(placement, "")).unwrap();
    let o = pasteup(&[Path::new("check"), &night]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("night.layout.ron"), "{out}");
    assert!(out.contains("7 in the bin"), "{out}");
    // A layout whose issue is not there says which, and how to name one.
    let stray = dir.path().join("stray.layout.ron");
    fs::write(&stray, first.replace(&format!("\"{ISSUE}\""), "\"gone.ron\"")).unwrap();
    let o = pasteup(&[Path::new("proof"), &stray]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("stray.layout.ron: this is a layout; the issue it names, \"gone.ron\""),
        "{}",
        stderr(&o)
    );
    // Found from outside: a layout after an `#![enable(…)]` line, or without its struct names,
    // was refused as an issue; it reads as the layout it is.
    for (name, text) in [
        ("ext.layout.ron", format!("#![enable(implicit_some)]\n{first}")),
        ("bare.layout.ron", first.replace("PageLayout(", "(").replace("Layout(", "(").replace("Placement(", "(")),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        let o = pasteup(&[Path::new("check"), &path]);
        assert_eq!(o.status.code(), by_issue.status.code(), "{name}: {}", stderr(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains(name), "{name}");
    }
    // With --layout too, the first file must be the issue.
    let o = pasteup(&[Path::new("check"), &layout, Path::new("--layout"), &night]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("(this is a layout file: name the issue, and this file with --layout)"),
        "{}",
        stderr(&o)
    );
}

/// Found from outside: a layout written without its struct names, a field inside misspelt, was
/// read as an issue and refused for its `issue` field, "expected one of paper, date, …". It is
/// read as the layout it is, and the message names the field misspelt and the fields to write.
#[test]
fn a_layout_without_struct_names_and_a_field_misspelt_is_refused_as_a_layout() {
    let (dir, _issue, layout) = sample();
    let first = fs::read_to_string(&layout).unwrap();
    let bare = first.replace("PageLayout(", "(").replace("Layout(", "(").replace("Placement(", "(");
    let at = bare.find("column: ").unwrap();
    let path = dir.path().join("bare.layout.ron");
    fs::write(&path, format!("{}colum: {}", &bare[..at], &bare[at + "column: ".len()..])).unwrap();
    let o = pasteup(&[Path::new("check"), &path]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(said.contains("bare.layout.ron:"), "{said}");
    assert!(said.contains("unknown field \"colum\", expected one of item, column, span, line, depth"), "{said}");
    assert!(said.contains("(the fields of Placement)") && !said.contains("Issue"), "{said}");
    // Given as the issue beside --layout, it is said to be a layout.
    let o = pasteup(&[Path::new("check"), &path, Path::new("--layout"), &layout]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("(this is a layout file: name the issue, and this file with --layout)"),
        "{}",
        stderr(&o)
    );
    // Its pages written before its issue too (found from outside: refused for `placements`,
    // a field of a page, as if it were an issue).
    let pages_first = dir.path().join("pages-first.layout.ron");
    fs::write(&pages_first, "// a layout\n(pages: [(number: 3, placements: [])], issue: \"taiyuan-2023-02-10.ron\")")
        .unwrap();
    let o = pasteup(&[Path::new("check"), &pages_first, Path::new("--layout"), &layout]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("pages-first.layout.ron:2:1: found a layout, expected an issue (this is a layout file"),
        "{}",
        stderr(&o)
    );
}

/// Found from outside: an issue read from a pipe (`check <(git show HEAD:x.ron)`,
/// `… | check /dev/stdin`) was "empty": the file was read once to ask whether it is a layout,
/// which took what the pipe had, and again to load it.
#[test]
fn an_issue_from_a_pipe_is_read_once() {
    use std::io::Write;
    let (_dir, issue, _) = sample();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(["check", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&fs::read(&issue).unwrap()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 pages, 12 items"), "{:?}", out);
}

/// Found from outside: `make` through a link to the layout from another folder wrote the
/// issue's way from the link's folder into the real file, which then did not open; and
/// `check` through the link looked for the issue beside the link.
#[test]
fn a_layout_through_a_link_names_its_issue_from_where_it_really_is() {
    let (dir, issue, layout) = sample();
    let before = fs::read_to_string(&layout).unwrap();
    assert!(before.contains(&format!("issue: \"{ISSUE}\"")), "{before}");
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    let link = other.join("link.layout.ron");
    symlink(format!("../{LAYOUT}"), &link).unwrap();
    let o = pasteup(&[Path::new("check"), &link]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = pasteup(&[Path::new("make"), &issue, Path::new("--layout"), &link]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    let after = fs::read_to_string(&layout).unwrap();
    assert!(after.contains(&format!("issue: \"{ISSUE}\"")), "{after}");
    let o = pasteup(&[Path::new("check"), &layout]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// Found from outside: a layout shared into another folder by a link, with a link to its issue
/// there too, was made through that folder, and its `issue:` was rewritten to the way through
/// that folder's link (`../other/ISSUE`): a save keeps `issue:` as written while it names the
/// issue from where the layout really lies.
#[test]
fn a_save_through_a_linked_layout_and_issue_keeps_the_issue_as_written() {
    let (dir, issue, layout) = sample();
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    symlink(format!("../{LAYOUT}"), other.join(LAYOUT)).unwrap();
    symlink(format!("../{ISSUE}"), other.join(ISSUE)).unwrap();
    let o = pasteup(&[Path::new("make"), &other.join(ISSUE)]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let after = fs::read_to_string(&layout).unwrap();
    assert!(after.contains(&format!("issue: \"{ISSUE}\"")), "{after}");
    // With the other folder gone, the layout still opens with its issue.
    fs::remove_dir_all(&other).unwrap();
    let o = pasteup(&[Path::new("check"), &issue, Path::new("--layout"), &layout]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// Found from outside: with a layout `check` can read but not use as it stands (exit 2), the
/// whole report went to standard error, where `--json` puts it on standard output. The report
/// is on standard output whatever the exit code; what makes the input unusable is said on
/// standard error as well.
#[test]
fn check_reports_on_standard_output_and_says_unusable_input_on_standard_error() {
    let (_dir, issue, layout) = sample();
    let text = fs::read_to_string(&layout).unwrap();
    let at = "Placement(item: \"snow-traffic\", column: 4, span: 2, line: 1, depth: Auto)";
    assert_eq!(text.matches(at).count(), 1);
    fs::write(&layout, text.replace(at, &at.replace("depth: Auto", "depth: Fixed(0)"))).unwrap();
    let o = pasteup(&[Path::new("check"), &issue]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("太原日报 2023-02-10") && out.contains("\nbin: 6 items\n"), "{out}");
    assert!(out.contains("depth is Fixed(0), expected Fixed(1) to Fixed(400)"), "{out}");
    let said: Vec<String> = stderr(&o).lines().map(String::from).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with(&format!("{LAYOUT}:")) || said[0].contains(&format!("{LAYOUT}:")), "{said:?}");
    assert!(said[0].contains("\"snow-traffic\" depth is Fixed(0)"), "{said:?}");
}

/// Found from outside: `pasteup validate base.ron` (and `pasteup base.ron check`) said `the
/// subcommand 'base.ron' cannot be used with '[ISSUE]'`, never that `validate` is no command.
/// It says so and lists the commands, exit 2.
#[test]
fn an_unknown_command_before_a_file_is_named_and_the_commands_listed() {
    let (dir, issue, _) = sample();
    let commands = "the commands are check, proof, fit, diff, merge, export and make (pasteup help COMMAND)";
    let o = pasteup(&[Path::new("validate"), &issue]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).starts_with(&format!("error: 'validate' is not a command; {commands}\n")), "{}", stderr(&o));
    let o =
        Command::new(env!("CARGO_BIN_EXE_pasteup")).current_dir(dir.path()).args([ISSUE, "check"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let said = format!("error: '{ISSUE}' is not a command; to run 'check', write 'pasteup check {ISSUE}'\n");
    assert!(stderr(&o).starts_with(&said), "{}", stderr(&o));
}

/// Found from outside: `--version`, `--help` and `help check` into a full disk exited 0 without
/// a word, where every other command says it could not write and exits 2.
#[test]
fn help_and_version_into_a_full_disk_are_exit_2() {
    for args in [&["--version"][..], &["-V"], &["--help"], &["help", "check"], &["check", "--help"]] {
        let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_pasteup")).args(args).stdout(full).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "pasteup: cannot write standard output: No space left on device (os error 28)\n");
        // Written where it can be, it is exit 0 as before.
        let o = Command::new(env!("CARGO_BIN_EXE_pasteup")).args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(!o.stdout.is_empty() && o.stderr.is_empty(), "{args:?}: {o:?}");
    }
}

/// Found from outside: a layout whose `issue:` names a folder or a device was said to name an
/// issue that "is not there". It is there; the reason is the one an issue given directly gets.
#[test]
fn a_layout_naming_a_folder_or_a_device_as_its_issue_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("d.ron")).unwrap();
    for (named, why) in
        [("d.ron", "cannot open: it is a folder, expected a .ron file"), ("/dev/zero", "cannot open: it is a device")]
    {
        let layout = dir.path().join("x.layout.ron");
        fs::write(&layout, format!("Layout(issue: \"{named}\", pages: [])")).unwrap();
        let o = pasteup(&[Path::new("check"), &layout]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(!stderr(&o).contains("is not there"), "{}", stderr(&o));
        assert!(stderr(&o).contains(why), "{}", stderr(&o));
    }
    // Not there at all, it still says so.
    fs::write(dir.path().join("x.layout.ron"), "Layout(issue: \"gone.ron\", pages: [])").unwrap();
    let o = pasteup(&[Path::new("check"), &dir.path().join("x.layout.ron")]);
    assert!(stderr(&o).contains("is not there"), "{}", stderr(&o));
}

/// Found from outside: as user nobody, `export -o` over a file of root's (0644) in a folder
/// nobody may write replaced it, its owner now nobody, while a read-only file of their own was
/// refused. The file this user may not write is refused alike, kept as it was. Run as nobody
/// by `setpriv` when the tests run as root (else skipped).
#[test]
fn a_file_this_user_may_not_write_is_not_replaced() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (dir, issue, _) = sample();
    // The folder made for the test is this user's: root's, or no other user to try.
    if fs::metadata(dir.path()).unwrap().uid() != 0 || Command::new("setpriv").arg("--help").output().is_err() {
        eprintln!("skipped: needs root and setpriv, to be user nobody over a file of root's");
        return;
    }
    let rw = dir.path().join("rw");
    fs::create_dir(&rw).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&rw, fs::Permissions::from_mode(0o777)).unwrap();
    let out = rw.join("root.txt");
    fs::write(&out, "root's proof").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o644)).unwrap();
    let args = [Path::new("export"), &issue, Path::new("--format"), Path::new("text"), Path::new("-o"), &out];
    let o = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_pasteup")])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot save: you may not write the file"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&out).unwrap(), "root's proof");
    assert_eq!(fs::metadata(&out).unwrap().uid(), 0);
}
