//! Live reload, end to end: the editor is open while the copy desk saves a longer story into
//! the issue file; the screen says so within the editor's look at the disk (every half
//! second) and the box is set again. A broken save is refused with its position and the old
//! copy kept. Another program saving the layout is asked about, never taken silently.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod e2e_support;

use std::path::Path;

use e2e_support::Fixture;

/// Writes `text` over `path` as an editor saving safely would: a new file renamed over it.
fn save_as_desk(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp-desk");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn the_copy_desk_saving_the_issue_refits_the_box_and_a_broken_save_is_refused() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    assert_eq!(s.selected_box().unwrap().0, "jinyuan-livable");
    let (_, before_end) = s.selected_lines().unwrap();
    assert_eq!(before_end, 29, "{}", s.inspector());

    // The copy desk adds a paragraph to the selected story and saves.
    let issue = std::fs::read_to_string(fx.issue()).unwrap();
    let added = "晋源区将持续加大生态保护修复力度，推动汾河晋阳湖水系连通，让群众在家门口享受更多绿色空间。".repeat(6);
    let longer =
        issue.replacen("            body: [\n", &format!("            body: [\n                \"{added}\",\n"), 1);
    assert_ne!(longer, issue);
    save_as_desk(&fx.issue(), &longer);
    let s = ed.wait_for("the reload said and the box refit", |s| {
        s.status().contains("Reloaded issue taiyuan-2023-02-10.ron: 1 item changed, 0 new in the bin")
            && s.selected_lines().is_some_and(|(_, end)| end > before_end)
    });
    s.assert_clean();
    let (_, after_end) = s.selected_lines().unwrap();
    assert!(after_end > before_end + 5, "the box grew with the copy: {before_end} → {after_end}");
    assert!(!s.title().contains("unsaved"), "the layout itself did not change: {}", s.title());

    // A save that breaks the file is not loaded: the error with its position, the box as it was.
    save_as_desk(&fx.issue(), &longer.replacen("headline: \"守护青山绿水", "hedline: \"守护青山绿水", 1));
    let s = ed.wait_for("the broken issue refused", |s| {
        s.message().contains("The issue on disk was not loaded (the last good one is kept)")
    });
    assert!(s.message().contains("taiyuan-2023-02-10.ron:18:13: unknown field \"hedline\""), "{}", s.message());
    // The long message took the inspector's row too; Esc gives it back.
    ed.press("Esc");
    let s = ed.wait_for("the inspector back", |s| s.selected_lines().is_some());
    assert_eq!(s.selected_lines().unwrap().1, after_end, "the last good copy stays");
}

#[test]
fn another_program_saving_the_layout_is_asked_about_then_loaded() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    let moved = fx.layout_text().replace(
        r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Auto)"#,
        r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 31, depth: Auto)"#,
    );
    save_as_desk(&fx.layout(), &moved);
    let s = ed.wait_for("the question", |s| s.contains("Another program saved"));
    assert!(s.contains("y: load theirs   n: keep mine"), "{}", s.numbered());
    ed.press("y");
    let s = ed.wait_for("their layout loaded", |s| s.status().contains("Loaded taiyuan-2023-02-10.layout.ron"));
    assert_eq!(s.selected_lines().map(|l| l.0), Some(31), "{}", s.inspector());
}

#[test]
fn with_unsaved_changes_on_both_sides_their_layout_is_merged_into_ours() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    // We move jinyuan-livable down a line (unsaved)…
    ed.press("J");
    ed.wait_for("our unsaved move", |s| s.title().contains("unsaved") && s.selected_lines().is_some_and(|l| l.0 == 2));
    // …while another program moves snow-traffic on page 4 and saves.
    let theirs = fx.layout_text().replace(
        r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 1, depth: Auto)"#,
        r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 40, depth: Auto)"#,
    );
    save_as_desk(&fx.layout(), &theirs);
    let s = ed.wait_for("the merge offered", |s| s.contains("y: merge theirs into mine"));
    assert!(s.contains("you have unsaved changes"), "{}", s.numbered());
    ed.press("y");
    let s = ed.wait_for("merged", |s| s.status().contains("Merged taiyuan-2023-02-10.layout.ron from disk"));
    assert_eq!(s.selected_lines().map(|l| l.0), Some(2), "our move stays: {}", s.inspector());
    // Saving writes both moves (the file on disk is theirs, already taken in: no question).
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().contains("Saved"));
    let text = fx.layout_text();
    assert!(text.contains(r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 2, depth: Auto)"#), "{text}");
    assert!(text.contains(r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 40, depth: Auto)"#), "{text}");
}
