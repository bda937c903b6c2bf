//! End to end: the editor and the terminal — giving it back on quit, tiny and resized
//! terminals, `--ambiwidth double`, `NO_COLOR`, and Ctrl-C with unsaved work.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod e2e_support;

use e2e_support::{Fixture, bytes_contain};

#[test]
fn quitting_gives_the_terminal_back() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor());
    s.assert_clean();
    assert!(ed.with_screen(|sc| sc.alternate_screen()), "the editor draws on the alternate screen");
    // Presses, releases and the wheel are reported, not every motion of the pointer (found
    // from outside: each twitch of the mouse was a report over the SSH link).
    let mouse = ed.with_screen(|sc| sc.mouse_protocol_mode());
    assert_eq!(mouse, vt100::MouseProtocolMode::PressRelease);

    ed.press("q");
    let status = ed.wait_exit();
    assert!(status.success(), "exit status: {status:?}");
    let raw = ed.raw_output();
    assert!(bytes_contain(&raw, b"\x1b[?1049h"), "entered the alternate screen");
    assert!(bytes_contain(&raw, b"\x1b[?1049l"), "left the alternate screen");
    assert!(!bytes_contain(&raw, b"\x1b[?1003h") && !bytes_contain(&raw, b"\x1b[?1002h"), "no motion reports asked");
    let (alt, hidden, mouse) = ed.with_screen(|sc| (sc.alternate_screen(), sc.hide_cursor(), sc.mouse_protocol_mode()));
    assert!(!alt, "back on the main screen");
    assert!(!hidden, "the cursor is shown again");
    assert_eq!(mouse, vt100::MouseProtocolMode::None, "mouse reporting is off");
    // The main screen holds none of the editor's drawing.
    assert!(!ed.shot().shows_editor(), "{}", ed.shot().numbered());
}

/// Found from outside: in tmux, the window grown in width and height while the editor ran,
/// rows of the page stood on the shell's screen after `q`. The alternate screen is blanked
/// before it is left, after the last drawing (vt100 does not copy tmux's quirk: the bytes
/// are what is checked).
#[test]
fn the_screen_is_blanked_before_the_alternate_screen_is_left() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor());
    ed.resize(120, 40);
    // The whole frame at the new size, its last rows too: `q` comes after the redraw.
    ed.wait_for("redrawn at 120x40", |s| {
        s.cols == 120 && s.rows.len() == 40 && s.shows_editor() && s.status().contains("q quit")
    });
    ed.press("q");
    assert!(ed.wait_exit().success());
    let raw = ed.raw_output();
    let find = |needle: &[u8]| raw.windows(needle.len()).rposition(|w| w == needle);
    let (clear, leave) = (find(b"\x1b[2J"), find(b"\x1b[?1049l"));
    assert!(clear.is_some() && leave.is_some() && clear < leave, "clear {clear:?}, leave {leave:?}");
    let drawn_after = raw[clear.unwrap()..leave.unwrap()].iter().filter(|b| b.is_ascii_graphic()).count();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(300)..]).to_string();
    assert!(drawn_after < 120, "nothing of the page is drawn after the clear ({drawn_after} bytes): {tail:?}");
}

#[test]
fn tiny_terminal_says_so_then_redraws_when_it_grows() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor());

    // Narrow enough for the whole message but under the minimum.
    ed.resize(60, 8);
    let s =
        ed.wait_for("the too-small message", |s| s.row(0).contains("the terminal is 60x8; it needs at least 40x10"));
    s.assert_clean();
    assert!(!s.contains(" bin: "), "no page or bin drawn:\n{}", s.numbered());

    // 10×3: the message in three short rows.
    ed.resize(10, 3);
    let s = ed.wait_for("the short message at 10×3", |s| s.row(0).starts_with("too small"));
    s.assert_clean();
    assert_eq!((s.row(1).trim(), s.row(2).trim()), ("10x3", "need 40x10"), "{}", s.numbered());
    assert!(ed.is_running(), "a tiny terminal is no reason to stop");

    ed.resize(120, 40);
    let s = ed.wait_for("the page redrawn at 120×40", |s| {
        s.shows_editor() && s.selected_box().is_some() && s.status().contains("q quit")
    });
    s.assert_clean();
    assert_eq!(s.rows.len(), 40);
    assert!(s.row(1).starts_with("line "), "the column ruler:\n{}", s.numbered());
    assert!(!s.contains("needs at least") && !s.contains("too small"), "{}", s.numbered());
    assert!(ed.is_running());

    ed.press("q");
    assert!(ed.wait_exit().success());
}

/// Found when a test's sleep was taken out: a key and a resize that came at once lost the
/// resize (crossterm 0.29 hands over the key and never looks at the signal that woke it with
/// it). Grown from too small, the editor drew the page and took it for too small still,
/// ignoring every key. The size is asked for again once the keys read are handled.
#[test]
fn a_key_and_a_resize_at_once_lose_neither() {
    for _ in 0..3 {
        let fx = Fixture::new();
        let mut ed = e2e_support::Session::spawn(fx.root(), &["layouts/taiyuan-2023-02-10.ron"], &[], 30, 8);
        ed.wait_for("too small", |s| s.contains("too small"));
        // No wait between: the key is still on its way when the terminal grows.
        ed.press("l");
        ed.resize(160, 45);
        ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
        // Whichever box `l` left selected, `J` moves it.
        ed.press("J");
        ed.wait_for("the box moved: keys are taken", |s| s.title().contains("* unsaved"));
        ed.press("u");
        ed.wait_for("undone", |s| !s.title().contains("unsaved"));
        ed.press("q");
        assert!(ed.wait_exit().success());
    }
}

#[test]
fn ambiwidth_double_draws_the_page_with_ascii_frames() {
    let fx = Fixture::new();
    let mut ed = fx.open(&["--ambiwidth", "double"], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    s.assert_clean();
    assert!(s.row(1).starts_with("line "), "the column ruler:\n{}", s.numbered());
    assert!(
        s.rows.iter().skip(2).take(20).any(|r| r.contains("守  护  青  山  绿  水")),
        "the page's text (the 2-em headline letter-spaced):\n{}",
        s.numbered()
    );
    // Box-drawing characters are East Asian Ambiguous: drawn two cells wide by such a
    // terminal, so the editor must not use them.
    for c in ['│', '─', '┌', '┐', '└', '┘'] {
        assert!(!s.text().contains(c), "{c:?} drawn with --ambiwidth double:\n{}", s.numbered());
    }
    ed.press("q");
    assert!(ed.wait_exit().success());
}

#[test]
fn no_color_still_marks_the_selected_box() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[("NO_COLOR", "1")]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    s.assert_clean();
    let bin_x = usize::from(s.cols) - 34;
    let marked = s
        .rows
        .iter()
        .skip(2)
        .take(usize::from(s.height) - 4)
        .filter(|r| r.chars().take(bin_x).collect::<String>().contains('>'))
        .count();
    assert!(marked >= 1, "no `>` marker in the page area:\n{}", s.numbered());
    // No colour anywhere on the screen.
    let coloured = ed.with_screen(|sc| {
        let (rows, cols) = sc.size();
        let mut found = Vec::new();
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                if let Some(cell) = sc.cell(r, c)
                    && (cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default)
                {
                    found.push((r, c, cell.contents().to_string(), cell.fgcolor(), cell.bgcolor()));
                }
            }
        }
        found
    });
    assert!(coloured.is_empty(), "coloured cells with NO_COLOR=1: {:?}", &coloured[..coloured.len().min(10)]);

    // The marker follows the selection.
    ed.press("l");
    let s = ed.wait_for("the next box selected", |s| s.selected_box().is_some_and(|b| b.0 != "jinyuan-livable"));
    assert!(s.rows.iter().skip(2).any(|r| r.contains('>')), "{}", s.numbered());
    ed.press("q");
    assert!(ed.wait_exit().success());
}

#[test]
fn ctrl_c_with_unsaved_changes_asks_first() {
    let fx = Fixture::new();
    let original = fx.layout_text();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    let (line, _) = s.selected_lines().unwrap();
    ed.press("J");
    ed.wait_for("unsaved", |s| s.title().contains("* unsaved") && s.selected_lines().is_some_and(|l| l.0 == line + 1));

    ed.press("C-c");
    let s = ed.wait_for("the quit question", |s| {
        s.contains("unsaved changes") && s.contains("y: quit without saving   s: save and quit   n: stay")
    });
    s.assert_clean();
    assert!(ed.is_running(), "Ctrl-C asked instead of quitting");

    // n: stay, changes kept.
    ed.press("n");
    let s = ed.wait_for("the question gone", |s| !s.contains("y: quit without saving"));
    assert!(s.title().contains("* unsaved"));
    assert!(ed.is_running());

    // Ctrl-C again, y: quit without saving.
    ed.press("C-c");
    ed.wait_for("the quit question again", |s| s.contains("y: quit without saving"));
    ed.press("y");
    let status = ed.wait_exit();
    assert!(status.success(), "exit status: {status:?}");
    assert!(bytes_contain(&ed.raw_output(), b"\x1b[?1049l"), "left the alternate screen");
    assert_eq!(fx.layout_text(), original, "quit without saving saved nothing");
    assert!(!fx.recovery().exists(), "quitting without saving discards the recovery file");
}

#[test]
fn ctrl_c_quit_question_s_saves_and_quits() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    let (id, ..) = s.selected_box().unwrap();
    let (line, _) = s.selected_lines().unwrap();
    ed.press("J");
    ed.wait_for("unsaved", |s| s.title().contains("* unsaved"));
    ed.press("C-c");
    ed.wait_for("the quit question", |s| s.contains("s: save and quit"));
    ed.press("s");
    assert!(ed.wait_exit().success());
    let saved = fx.read_layout();
    let p = saved.pages.iter().flat_map(|p| &p.placements).find(|p| p.item == id).unwrap();
    assert_eq!(p.line, line + 1, "saved:\n{}", fx.layout_text());
    assert!(!fx.recovery().exists());
}

#[test]
fn ctrl_c_without_changes_quits_at_once() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor());
    ed.press("C-c");
    assert!(ed.wait_exit().success());
}

/// Found from outside: with `TERM=dumb` the editor drew anyway — cursor moves, colours and
/// the alternate screen on a terminal that has none of them. It now says what to do, exit 2.
#[test]
fn a_dumb_terminal_is_told_what_to_use() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[("TERM", "dumb")]);
    let status = ed.wait_exit();
    let said = String::from_utf8_lossy(&ed.raw_output()).into_owned();
    assert_eq!(status.exit_code(), 2, "{said}");
    assert!(said.contains("TERM is dumb") && said.contains("pasteup proof"), "{said}");
    assert!(!bytes_contain(&ed.raw_output(), b"\x1b[?1049h"), "no alternate screen");
}

/// tmux on a socket of its own, the editor alone in its window; the server ends with the test.
/// vt100 clears the rest of a wide character overwritten in part in the colours in use, tmux
/// in the default ones, which is where the holes below showed: only tmux shows them.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// The editor at `cols`×`rows` in tmux, or `None` (the test skipped) without tmux.
    fn open(fx: &Fixture, layout: &str, cols: u16, rows: u16) -> Option<Tmux> {
        if std::process::Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: needs tmux (apt-get install tmux)");
            return None;
        }
        let tmux = Tmux { socket: format!("pasteup-e2e-{}", std::process::id()) };
        let editor = format!(
            "env LANG=C.UTF-8 {} layouts/taiyuan-2023-02-10.ron --layout layouts/{layout}",
            env!("CARGO_BIN_EXE_pasteup")
        );
        let root = fx.root().to_str().unwrap();
        let (x, y) = (cols.to_string(), rows.to_string());
        tmux.run(&["new-session", "-d", "-s", "ed", "-x", &x, "-y", &y, "-c", root, &editor]);
        Some(tmux)
    }

    fn run(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn press(&self, key: &str) {
        self.run(&["send-keys", "-t", "ed", key]);
    }

    /// The screen with its colours (`capture-pane -e`), once two looks agree on it and
    /// `done` holds: a frame written whole.
    fn screen_when(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let mut last = String::new();
        e2e_support::wait_until(what, || {
            let now = self.run(&["capture-pane", "-p", "-e", "-t", "ed"]);
            let settled = now == last && done(&now);
            last = now;
            settled
        });
        last
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

/// Each cell of a `capture-pane -e` row with its background (`None`: the default), a wide
/// character's second cell as its first.
fn cells_with_background(row: &str) -> Vec<(char, Option<String>)> {
    use unicode_width::UnicodeWidthChar;
    let mut cells = Vec::new();
    let mut bg: Option<String> = None;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            let code: String = chars.by_ref().take_while(|&c| c != 'm').collect();
            let params: Vec<&str> = code.split(';').collect();
            let mut i = 0;
            while i < params.len() {
                match params[i] {
                    "" | "0" | "49" => bg = None,
                    "48" if params.get(i + 1) == Some(&"5") => {
                        bg = params.get(i + 2).map(|n| format!("5;{n}"));
                        i += 2;
                    }
                    "48" | "38" if params.get(i + 1) == Some(&"2") => i += 4,
                    "38" if params.get(i + 1) == Some(&"5") => i += 2,
                    _ => {}
                }
                i += 1;
            }
            continue;
        }
        for _ in 0..c.width().unwrap_or(0) {
            cells.push((c, bg.clone()));
        }
    }
    cells
}

/// Found from outside (editor over SSH, in tmux): at 100×30, `l` then `h` left single-cell
/// holes of the default background in the selected box's blue (`48;5;24`), five on one page
/// line, where the page, scrolled right and back, had had Han characters one cell over; and
/// `Ctrl-l` was bound to nothing, so only a resize cleared them. No cell between the first and
/// the last of the highlight on a row is the default background, and `Ctrl-l`'s full draw
/// shows exactly the same screen.
#[test]
fn the_selection_moved_there_and_back_leaves_no_hole_in_tmux() {
    let fx = Fixture::new();
    let fitted = "taiyuan-2023-02-10.fitted.layout.ron";
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("layouts").join(fitted), fx.root().join("layouts").join(fitted)).unwrap();
    let Some(tmux) = Tmux::open(&fx, fitted, 100, 30) else { return };
    // jinyuan-livable stands in columns 1–3; at 100 columns the inspector shortens its id
    // (`jinyuan-…`) to keep the fit whole, so the box is known by its columns.
    let on_livable = |s: &str| s.lines().nth(28).is_some_and(|l| l.contains("jinyuan-") && l.contains("columns 1–3 ·"));
    tmux.screen_when("the editor on jinyuan-livable", on_livable);
    tmux.press("l");
    tmux.screen_when("the selection on the right", |s| !on_livable(s) && s.lines().nth(28).is_some());
    tmux.press("h");
    let drawn_over = tmux.screen_when("back on jinyuan-livable", on_livable);
    let mut highlighted_rows = 0;
    for (y, row) in drawn_over.lines().enumerate() {
        let cells = cells_with_background(row);
        let blue: Vec<usize> = (0..cells.len()).filter(|&x| cells[x].1.as_deref() == Some("5;24")).collect();
        let (Some(&first), Some(&last)) = (blue.first(), blue.last()) else { continue };
        highlighted_rows += 1;
        let holes: Vec<usize> = (first..=last).filter(|&x| cells[x].1.is_none()).collect();
        assert!(holes.is_empty(), "row {y}: default-background cells at {holes:?} in the highlight: {row:?}");
    }
    assert!(highlighted_rows >= 20, "the selected box is highlighted ({highlighted_rows} rows):\n{drawn_over}");
    // `w` after `Ctrl-l` says when the repaint is done; it changes only the status line.
    tmux.press("C-l");
    tmux.press("w");
    let full = tmux.screen_when("redrawn", |s| s.contains("w is bound to nothing"));
    let above_status = |s: &str| s.lines().take(29).map(String::from).collect::<Vec<_>>();
    assert_eq!(above_status(&drawn_over), above_status(&full), "drawn over the last frame as a full draw draws it");
    tmux.press("q");
}

/// Found from outside: a terminal sends `Esc` and a key typed right after it in one read (as
/// a slow SSH link does), and `Esc` then an arrow is `\e\e[C`. crossterm took the two escapes
/// as one `Esc` and the rest of the arrow's code as typed keys: `[` made the selected box one
/// line shallower and `C` was "bound to nothing". A click right after `Esc` was `[`, `<` and
/// `M`, three make-up steps; a paste right after it was read as keys, and one holding
/// "quality" quit without saving (`q`, then `y`), its recovery file removed.
#[test]
fn esc_then_a_keys_code_in_one_read_is_esc_then_that_key() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    let (first, ..) = s.selected_box().unwrap();
    assert_eq!(first, "jinyuan-livable");

    // Esc, then → in the same read: the box to the right is selected, nothing changes.
    ed.send(b"\x1b\x1b[C");
    let s = ed.wait_for("the selection moved right", |s| s.selected_box().is_some_and(|b| b.0 != first));
    assert_eq!(s.selected_box().unwrap().0, "jinyuan-ten-projects", "{}", s.numbered());
    assert!(!s.title().contains("unsaved"), "a key's code changed the layout:\n{}", s.numbered());
    // Esc, then ⇧→ and PgDn: the box one column right, then page 4.
    ed.send(b"\x1b\x1b[1;2C");
    let s = ed.wait_for("moved right", |s| s.selected_box().is_some_and(|b| b.1 == 5));
    assert!(s.inspector().contains("depth auto"), "{}", s.inspector());
    ed.send(b"\x1b\x1b[6~");
    ed.wait_for("page 4", |s| s.title().contains("page 4"));
    ed.send(b"\x1b\x1b[5~");
    ed.wait_for("page 3 again", |s| s.title().contains("page 3"));

    // Esc, then a paste: ignored on the page, never keys. `q` would ask, `y` quit unsaved.
    ed.send(b"\x1b\x1b[200~quality news\x1b[201~");
    let s = ed.wait_for("the paste ignored", |s| s.status().contains("paste ignored"));
    assert!(s.status().contains("paste ignored (12 characters)"), "{}", s.status());
    assert!(ed.is_running(), "a paste after Esc quit the editor");
    assert!(s.title().contains("* unsaved"), "the move is still there:\n{}", s.numbered());
    fx.wait_for_journal(true);

    // Esc, then a click on the page's first box: selected, no make-up key taken.
    let (col, row) = ed.with_screen(|sc| {
        let rows: Vec<String> = sc.rows(0, sc.size().1.get()).collect();
        let row = rows.iter().position(|r| r.contains("守  护")).unwrap();
        (rows[row].find("守").map(|b| rows[row][..b].chars().count()).unwrap(), row)
    });
    ed.send(format!("\x1b\x1b[<0;{};{}M\x1b[<0;{};{}m", col + 1, row + 1, col + 1, row + 1).as_bytes());
    let s = ed.wait_for("the click selected it", |s| s.selected_box().is_some_and(|b| b.0 == first));
    assert!(s.inspector().contains("depth auto"), "{}", s.inspector());
    ed.press("u");
    ed.wait_for("one step undone: the layout as opened", |s| !s.title().contains("unsaved"));
    ed.press("q");
    assert!(ed.wait_exit().success());
}
