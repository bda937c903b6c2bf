//! End to end: unsaved work survives a killed editor. A change is journalled to
//! `X.layout.ron.recover.PID` within about a second; after SIGKILL the next start offers it back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod e2e_support;

use e2e_support::{Fixture, Session};
use pasteup_core::model::Layout;

/// Starts the editor, moves the top-left box one line down (`J`), waits for the recovery file,
/// and kills the editor with SIGKILL. Returns the moved box's id, column, span and new line.
fn change_then_kill(fx: &Fixture) -> (String, u16, u16, u32) {
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    assert!(!fx.recovery().exists(), "no recovery file before any change");
    let (id, col, span) = s.selected_box().unwrap();
    let (line, _) = s.selected_lines().unwrap();

    ed.press("J");
    let s = ed.wait_for("the box one line down", |s| s.selected_lines().is_some_and(|l| l.0 == line + 1));
    assert!(s.title().contains("* unsaved"), "title: {}", s.title());
    let journal_path = fx.wait_for_journal(true);
    assert_eq!(journal_path, fx.journal_of(ed.pid()), "each editor journals to a file of its own");
    // The journal holds the change (it is written whole, then renamed into place).
    let journal = std::fs::read_to_string(fx.recovery()).unwrap();
    let journalled = pasteup_core::format::parse_layout(&fx.recovery(), &journal).expect("the recovery file parses");
    assert_eq!(placement(&journalled, &id), Some((col, span, line + 1)), "journal:\n{journal}");

    ed.kill_hard();
    assert!(fx.recovery().exists(), "the recovery file outlives the killed editor");
    (id, col, span, line + 1)
}

fn placement(layout: &Layout, id: &str) -> Option<(u16, u16, u32)> {
    layout.pages.iter().flat_map(|p| &p.placements).find(|p| p.item == id).map(|p| (p.column, p.span, p.line))
}

fn wait_for_question(ed: &mut Session) {
    let s = ed.wait_for("the recovery question", |s| {
        s.contains("recover unsaved work") && s.contains("y: restore it   n: discard it")
    });
    s.assert_clean();
    assert!(s.contains("taiyuan-2023-02-10.layout.ron"), "names the layout:\n{}", s.numbered());
}

#[test]
fn killed_editor_offers_its_unsaved_work_back() {
    let fx = Fixture::new();
    let original = fx.layout_text();
    let (id, col, span, line) = change_then_kill(&fx);
    assert_eq!(fx.layout_text(), original, "the layout itself was never saved");

    let mut ed = fx.open(&[], &[]);
    wait_for_question(&mut ed);
    ed.press("y");
    let s = ed.wait_for("the work restored", |s| s.status().contains("Restored the unsaved changes"));
    s.assert_clean();
    assert!(!s.contains("recover unsaved work"), "the question is gone:\n{}", s.numbered());
    assert!(s.title().contains("* unsaved"), "restored work is unsaved: {}", s.title());
    // The restored desk selects its top-left box anew: the moved box left line 1, so its
    // neighbour is selected; `h` goes to the moved box.
    assert_eq!(s.selected_lines().map(|l| l.0), Some(1), "inspector: {}", s.inspector());
    if s.selected_box().is_some_and(|b| b.0 != id) {
        ed.press("h");
    }
    let s = ed.wait_for("the moved box selected", |s| s.selected_box().is_some_and(|b| b.0 == id));
    assert_eq!(s.selected_box(), Some((id.clone(), col, span)), "inspector: {}", s.inspector());
    assert_eq!(s.selected_lines().map(|l| l.0), Some(line), "where the change put it: {}", s.inspector());

    ed.press("C-s");
    let s = ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved") && !s.title().contains("unsaved"));
    s.assert_clean();
    assert!(!fx.recovery().exists(), "a save removes the recovery file");
    assert_eq!(placement(&fx.read_layout(), &id), Some((col, span, line)), "saved:\n{}", fx.layout_text());

    ed.press("q");
    assert!(ed.wait_exit().success());
    // The next start asks nothing.
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    assert!(!s.contains("recover unsaved work"), "{}", s.numbered());
    assert!(!s.title().contains("unsaved"), "{}", s.title());
    ed.press("h");
    let s = ed.wait_for("the moved box selected", |s| s.selected_box().is_some_and(|b| b.0 == id));
    assert_eq!(s.selected_lines().map(|l| l.0), Some(line), "reopened: {}", s.inspector());
}

#[test]
fn discarding_the_recovery_keeps_the_saved_layout() {
    let fx = Fixture::new();
    let original = fx.layout_text();
    let (id, col, span, line) = change_then_kill(&fx);

    let mut ed = fx.open(&[], &[]);
    wait_for_question(&mut ed);
    ed.press("n");
    let s = ed.wait_for("the question gone", |s| !s.contains("recover unsaved work") && s.selected_box().is_some());
    s.assert_clean();
    assert!(!s.title().contains("unsaved"), "title: {}", s.title());
    assert_eq!(s.selected_box(), Some((id, col, span)));
    assert_eq!(s.selected_lines().map(|l| l.0), Some(line - 1), "the box is where the saved layout has it");
    fx.wait_for_journal(false);

    ed.press("q");
    assert!(ed.wait_exit().success());
    assert_eq!(fx.layout_text(), original);
}

/// A power cut leaves a journal that is not fsynced cut short. Found from outside: reopened,
/// the editor offered it as any other and only `y` said it could not be read. The question
/// says it is damaged and what can be restored; `y` restores that, and the file is set aside.
#[test]
fn a_journal_cut_short_is_said_damaged_up_front_and_what_it_holds_restored() {
    let fx = Fixture::new();
    let (id, col, span, line) = change_then_kill(&fx);
    let journal = fx.recovery();
    let text = std::fs::read_to_string(&journal).unwrap();
    // Cut in the middle of the last box: the moved one, on page 3, is before it.
    let cut = text.rfind("Placement(").unwrap() + 15;
    assert!(text[..cut].contains(&format!("\"{id}\"")), "{text}");
    std::fs::write(&journal, &text[..cut]).unwrap();
    let damaged_from = text[..cut].matches('\n').count() + 1;

    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the damaged journal's question", |s| {
        s.contains("recover unsaved work") && s.contains("n: set the file aside")
    });
    s.assert_clean();
    assert!(s.contains(&format!("damaged from line {damaged_from}")), "{}", s.numbered());
    ed.press("y");
    // The message takes the inspector's row too: it names the file set aside.
    let s = ed.wait_for("restored", |s| s.contains("Restored the boxes read before the damage"));
    assert!(s.contains("not offered again"), "{}", s.numbered());
    assert!(s.title().contains("* unsaved"), "{}", s.title());
    let aside = journal.with_file_name(format!("{}.damaged", journal.file_name().unwrap().to_string_lossy()));
    assert!(aside.is_file() && !journal.exists(), "set aside, not removed");
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved") && !s.title().contains("unsaved"));
    assert_eq!(placement(&fx.read_layout(), &id), Some((col, span, line)), "saved:\n{}", fx.layout_text());
    ed.press("q");
    assert!(ed.wait_exit().success());
    assert!(aside.is_file(), "kept past the save");
}

/// Found from outside: an issue left with a syntax error exited 2 naming only the error, and
/// the night editor took the killed editor's work for lost.
#[test]
fn an_issue_that_cannot_open_names_the_work_waiting_for_it() {
    let fx = Fixture::new();
    change_then_kill(&fx);
    let journal = fx.recovery();
    let issue = std::fs::read_to_string(fx.issue()).unwrap();
    std::fs::write(fx.issue(), issue.replacen("items:", "itmes:", 1)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).arg(fx.issue()).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("unknown field \"itmes\""), "{said}");
    let name = journal.file_name().unwrap().to_string_lossy().into_owned();
    assert!(said.contains("the unsaved work of an editor that stopped is kept in ") && said.contains(&name), "{said}");
    assert!(journal.exists(), "left for the editor to offer");
    // In the interface's language, as every warning about the files (found from outside: a
    // Chinese interface said this one in English).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(["--ui-lang", "zh-Hans"])
        .arg(fx.issue())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("停止的编辑器未保存的排版保存在 ") && said.contains(&format!("{name}；")), "{said}");
}

/// Restored, then thrown away on purpose (`q`, `y`): the dead editor's journal goes too, so
/// the next start does not offer the discarded work again.
#[test]
fn restored_work_discarded_on_quit_is_not_offered_again() {
    let fx = Fixture::new();
    let original = fx.layout_text();
    change_then_kill(&fx);
    let mut ed = fx.open(&[], &[]);
    wait_for_question(&mut ed);
    ed.press("y");
    ed.wait_for("the work restored", |s| s.status().contains("Restored the unsaved changes"));
    ed.press("q");
    ed.wait_for("the quit question", |s| s.contains("unsaved changes"));
    ed.press("y");
    assert!(ed.wait_exit().success());
    assert_eq!(fx.journals(), Vec::<std::path::PathBuf>::new(), "no journal is left to offer");
    assert_eq!(fx.layout_text(), original, "nothing was saved");
}

/// Found from outside: an editor that restored a dead editor's work wrote no journal of its
/// own, so a third editor offered the same file and its `n` deleted it, and a second kill
/// lost the work. The restored work is this editor's journal at once, the dead one's gone.
#[test]
fn restored_work_survives_a_second_kill() {
    let fx = Fixture::new();
    let (id, col, span, line) = change_then_kill(&fx);
    let mut ed = fx.open(&[], &[]);
    wait_for_question(&mut ed);
    ed.press("y");
    ed.wait_for("the work restored", |s| s.status().contains("Restored the unsaved changes"));
    assert_eq!(fx.journals(), vec![fx.journal_of(ed.pid())], "the restoring editor's journal alone");
    // A third editor, while the second lives, has nothing to offer.
    let mut third = fx.open(&[], &[]);
    let s = third.wait_for("the third editor", |s| s.shows_editor());
    assert!(!s.contains("recover unsaved work"), "{}", s.numbered());
    third.press("q");
    assert!(third.wait_exit().success());
    assert_eq!(fx.journals(), vec![fx.journal_of(ed.pid())]);

    ed.kill_hard();
    let mut ed = fx.open(&[], &[]);
    wait_for_question(&mut ed);
    ed.press("y");
    ed.wait_for("restored again", |s| s.status().contains("Restored the unsaved changes"));
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved"));
    assert_eq!(placement(&fx.read_layout(), &id), Some((col, span, line)), "saved:\n{}", fx.layout_text());
    ed.press("q");
    assert!(ed.wait_exit().success());
    assert_eq!(fx.journals(), Vec::<std::path::PathBuf>::new());
}

/// Found from outside: when the terminal went away (`tmux kill-session`, a dropped SSH
/// session) the editor did not exit: crossterm's input loop spins on a hung-up tty and never
/// returns, so the SIGHUP was never seen. It ran on at full CPU holding the lock, a SIGTERM
/// did nothing, and the next start saw the layout "open elsewhere" and offered no recovery.
#[test]
fn a_terminal_that_goes_away_ends_the_editor_with_its_work_journalled() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    let (line, _) = s.selected_lines().unwrap();
    ed.press("J");
    ed.wait_for("the box one line down", |s| s.selected_lines().is_some_and(|l| l.0 == line + 1));
    ed.hang_up();
    let status = ed.wait_exit();
    assert_eq!(status.exit_code(), 129, "{status:?}");
    assert!(fx.recovery().exists(), "the change is in the recovery file");
    let mut next = fx.open(&[], &[]);
    wait_for_question(&mut next);
}

/// Found from outside: the terminal gone (`tmux kill-session`) just after half a key code
/// (`Esc [`) left the editor spinning at full CPU inside crossterm's reader, which waited in a
/// blocking read for the rest of the code and then read the hung-up terminal's end of input
/// without end; after 10 s a watch ended it, leaving the lock file naming a dead pid and
/// saying nothing. It now ends at once as on SIGHUP: journal kept, lock removed, said.
#[test]
fn a_terminal_gone_in_the_middle_of_a_key_code_ends_the_editor_as_a_hang_up_does() {
    let fx = Fixture::new();
    let (mut ed, pid, said) = changed_saying_to(&fx);
    fx.wait_for_journal(true);
    assert!(fx.lock().is_file(), "the editor holds the lock");
    ed.send(b"\x1b[");
    ed.wait_until_read();
    hung_up_ends_keeping_the_work(&fx, ed, pid, &said);
    let mut next = fx.open(&[], &[]);
    wait_for_question(&mut next);
}

/// Found from outside: the editor stopped (`Ctrl-z`) and then its terminal closed (`tmux
/// kill-session`) said only `pasteup: No such device or address (os error 6)`: continued by
/// the hang-up, it tried to take the gone terminal again. It now ends as on SIGHUP: exit 129,
/// the work in the recovery file, the lock removed, the usual message.
#[test]
fn a_stopped_editor_whose_terminal_goes_away_ends_as_a_hang_up_does() {
    let fx = Fixture::new();
    let (mut ed, pid, said) = changed_saying_to(&fx);
    stop_with_ctrl_z(&mut ed, pid);
    hung_up_ends_keeping_the_work(&fx, ed, pid, &said);
}

/// Found from outside: a shell that ends with the editor stopped in it sends the job SIGHUP,
/// SIGTERM and SIGCONT; continued, the editor met two stop signals at once, and the thread that
/// ends the process at a second one ended it before the loop could say where the work was. The
/// loop now has half a second to end by itself, and does: the usual message.
#[test]
fn a_stopped_editor_sent_a_shells_parting_signals_says_where_the_work_is() {
    let fx = Fixture::new();
    let (mut ed, pid, said) = changed_saying_to(&fx);
    stop_with_ctrl_z(&mut ed, pid);
    for signal in ["-HUP", "-TERM", "-CONT"] {
        let _ = std::process::Command::new("kill").args([signal, &pid.to_string()]).status();
    }
    let status = ed.wait_exit();
    // The signals' handlers may run on any of its threads, in any order: 128 + one of them.
    assert!([129, 143].contains(&status.exit_code()), "{status:?}");
    assert!(!fx.lock().exists(), "the lock file is removed");
    said_the_usual(&said, pid);
}

/// The editor on the sample, saying to a file of its own, with one box moved down: the
/// editor, its pid, and the file its standard error goes to.
fn changed_saying_to(fx: &Fixture) -> (Session, u32, std::path::PathBuf) {
    let said = fx.root().join("stderr.txt");
    let mut ed = Session::spawn_saying_to(fx.root(), &["layouts/taiyuan-2023-02-10.ron"], &said);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    let (line, _) = s.selected_lines().unwrap();
    ed.press("J");
    ed.wait_for("the box one line down", |s| s.selected_lines().is_some_and(|l| l.0 == line + 1));
    let pid = ed.pid();
    (ed, pid, said)
}

/// The editor's terminal gone: it ends as on SIGHUP (129), the lock file removed, the change
/// in the recovery file, the usual message said.
fn hung_up_ends_keeping_the_work(fx: &Fixture, mut ed: Session, pid: u32, said: &std::path::Path) {
    ed.hang_up();
    let status = ed.wait_exit();
    assert_eq!(status.exit_code(), 129, "as on SIGHUP: {status:?}");
    assert!(!fx.lock().exists(), "the lock file is removed");
    assert!(fx.journal_of(pid).is_file(), "the change is in the recovery file");
    said_the_usual(said, pid);
}

/// `Ctrl-z`, and the editor `pid` stopped.
fn stop_with_ctrl_z(ed: &mut Session, pid: u32) {
    ed.send(&[0x1a]);
    e2e_support::wait_stopped(pid);
}

/// The editor `pid` said, in `said`, where its unsaved changes are, as it does when stopped.
fn said_the_usual(said: &std::path::Path, pid: u32) {
    assert_eq!(
        std::fs::read_to_string(said).unwrap(),
        format!("pasteup: stopped; the unsaved changes are in layouts/taiyuan-2023-02-10.layout.ron.recover.{pid}\n"),
        "the usual message"
    );
}

/// Found from outside: the layout's link pointed at another file under a running editor left
/// the journal written beside the first file, which the next editor on that file offered as
/// its own unsaved work, though the work had been saved into the second. The journal and the
/// lock go with the file the link leads to now.
#[test]
fn a_layout_link_pointed_elsewhere_leaves_no_journal_for_the_first_file() {
    let fx = Fixture::new();
    let layouts = fx.root().join("layouts");
    let other = layouts.join("other.layout.ron");
    std::fs::copy(fx.layout(), &other).unwrap();
    let link = layouts.join("desk.layout.ron");
    std::os::unix::fs::symlink(e2e_support::LAYOUT, &link).unwrap();
    let mut ed = fx.open(&["--layout", "layouts/desk.layout.ron"], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    let (line, _) = s.selected_lines().unwrap();
    ed.press("J");
    ed.wait_for("the box one line down", |s| s.selected_lines().is_some_and(|l| l.0 == line + 1));
    assert_eq!(fx.wait_for_journal(true), fx.journal_of(ed.pid()), "beside the file the link leads to");
    // The link pointed at the other file, as `ln -sfn` does it: a new link renamed over it.
    let turned = layouts.join("desk.layout.ron.new");
    std::os::unix::fs::symlink("other.layout.ron", &turned).unwrap();
    std::fs::rename(&turned, &link).unwrap();
    let other_lock = layouts.join("other.layout.ron.lock");
    e2e_support::wait_for_file(&other_lock, true);
    e2e_support::wait_for_file(&layouts.join(format!("{}.lock", e2e_support::LAYOUT)), false);
    ed.press("J");
    let journal = layouts.join(format!("other.layout.ron.recover.{}", ed.pid()));
    e2e_support::wait_for_file(&journal, true);
    fx.wait_for_journal(false);
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved"));
    ed.press("q");
    assert!(ed.wait_exit().success());
    assert_eq!(fx.journals(), Vec::<std::path::PathBuf>::new(), "nothing offered for the first file");
    assert!(!journal.exists() && !other_lock.exists());
    let mut next = fx.open(&[], &[]);
    let s = next.wait_for("the editor on the first file", |s| s.shows_editor());
    assert!(!s.contains("recover unsaved work"), "{}", s.numbered());
}

/// Writes `text` over the issue as the copy desk's editor would: a new file renamed over it.
fn save_issue(fx: &Fixture, text: &str) {
    let tmp = fx.issue().with_extension("tmp-desk");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, fx.issue()).unwrap();
}

/// Found from outside: work restored after page 3's grid went from 8 columns to 6 sent the
/// box moved to columns 7–8 to the bin without a word, the save lost it for good, and the
/// grid put back brought nothing back. Restored, it is named and held as a live reload holds
/// it ("the pages no longer hold, to the bin"), and the grid put back puts it back.
#[test]
fn restored_boxes_a_narrower_grid_cannot_hold_are_named_and_come_back_with_the_grid() {
    const TEN: &str = "jinyuan-ten-projects";
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    ed.send(format!(":find {TEN}\r").as_bytes());
    ed.wait_for("found", |s| s.selected_box().is_some_and(|b| b.0 == TEN));
    ed.press("3 L");
    ed.wait_for("moved to column 7", |s| s.selected_box() == Some((TEN.into(), 7, 2)));
    let journal = fx.wait_for_journal(true);
    e2e_support::wait_for_file(&journal, true);
    let journalled = pasteup_core::format::parse_layout(&journal, &std::fs::read_to_string(&journal).unwrap());
    let start = std::time::Instant::now();
    let mut journalled = journalled.unwrap();
    while placement(&journalled, TEN) != Some((7, 2, 1)) && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let text = std::fs::read_to_string(&journal).unwrap();
        journalled = pasteup_core::format::parse_layout(&journal, &text).unwrap();
    }
    assert_eq!(placement(&journalled, TEN), Some((7, 2, 1)));
    ed.kill_hard();

    let eight = std::fs::read_to_string(fx.issue()).unwrap();
    let six = eight.replacen("grid: Grid(columns: 8", "grid: Grid(columns: 6", 1);
    save_issue(&fx, &six);
    let mut ed = fx.open(&[], &[]);
    wait_for_question(&mut ed);
    ed.press("y");
    let s = ed.wait_for("the work restored", |s| s.message().contains("Restored the unsaved changes"));
    s.assert_clean();
    assert!(
        s.message().contains(&format!(
            "the pages no longer hold, to the bin: {TEN}, yangqu-livelihood (their places are kept should the page hold them again)"
        )),
        "{}",
        s.numbered()
    );
    // yangqu-livelihood (columns 6–8) was past the grid in the saved layout already: 6 + 2.
    assert!(s.contains(" bin: 8 items"), "{}", s.numbered());
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved"));
    assert_eq!(placement(&fx.read_layout(), TEN), None, "a 6-column page holds no box at columns 7–8");

    // The grid back: the box is back where it stood, and saved there.
    save_issue(&fx, &eight);
    let s = ed.wait_for("the reload", |s| s.message().contains("Reloaded issue taiyuan-2023-02-10.ron"));
    assert!(s.message().contains(&format!("back where it stood: {TEN}, yangqu-livelihood")), "{}", s.numbered());
    assert!(s.contains(" bin: 6 items"), "{}", s.numbered());
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved") && !s.title().contains("unsaved"));
    assert_eq!(placement(&fx.read_layout(), TEN), Some((7, 2, 1)), "saved:\n{}", fx.layout_text());
    ed.press("q");
    assert!(ed.wait_exit().success());
}

/// Found from outside: a dead editor's journal whose pid a running pasteup on another layout
/// now has (after a reboot, pids are given out again) was not offered, and nothing was said.
/// That pasteup holds another layout's lock, not this one's: the journal is offered.
#[test]
fn a_journal_whose_pid_an_editor_of_another_layout_has_is_offered() {
    let fx = Fixture::new();
    std::fs::copy(fx.layout(), fx.root().join("layouts").join("other.layout.ron")).unwrap();
    let mut other = fx.open(&["--layout", "layouts/other.layout.ron"], &[]);
    other.wait_for("the other editor", |s| s.shows_editor() && s.selected_box().is_some());
    let pid = other.pid();
    let owner = pasteup_core::journal::Owner { pid, ..pasteup_core::journal::Owner::me() };
    let work = fx.layout_text().replacen("column: 1, span: 3, line: 1", "column: 1, span: 3, line: 9", 1);
    std::fs::write(fx.journal_of(pid), format!("// pasteup journal of {owner}\n{work}")).unwrap();

    let mut ed = fx.open(&[], &[]);
    wait_for_question(&mut ed);
    let s = ed.shot();
    assert!(s.contains(&format!("pid {pid}")), "names the dead editor:\n{}", s.numbered());
    ed.press("y");
    ed.wait_for("the work restored", |s| s.message().contains("Restored the unsaved changes"));
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved"));
    assert_eq!(placement(&fx.read_layout(), "jinyuan-livable"), Some((1, 3, 9)), "{}", fx.layout_text());
    ed.press("q");
    assert!(ed.wait_exit().success());
    assert!(!fx.journal_of(pid).exists());
    other.press("q");
    assert!(other.wait_exit().success());
}
