//! End to end: the real editor in a pseudo-terminal, driven as a person would — place a box
//! from the bin, move it, widen it, undo, save, quit — checking the screen after every key and
//! the saved file at the end.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod e2e_support;

use e2e_support::{Fixture, bytes_contain};
use pasteup_core::model::{Depth, Placement};

const PLACED: &str = "yangqu-seven-projects";

#[test]
fn place_move_widen_undo_save_quit() {
    let fx = Fixture::new();
    let before = fx.read_layout();
    let mut ed = fx.open(&[], &[]);

    // The editor opens on page 3 with the top-left box selected and six items in the bin.
    let s = ed.wait_for("the editor on page 3", |s| s.shows_editor() && s.selected_box().is_some());
    s.assert_clean();
    assert!(s.title().contains("page 3 (1/2)"), "title: {}", s.title());
    assert!(!s.title().contains("unsaved"), "a fresh editor is not dirty: {}", s.title());
    assert!(s.contains(" bin: 6 items"), "{}", s.numbered());
    assert!(!s.contains("[Tab]"), "the bin has no focus yet:\n{}", s.numbered());
    let (first, first_col, _) = s.selected_box().unwrap();
    assert_eq!(first, "jinyuan-livable", "inspector: {}", s.inspector());
    assert_eq!(first_col, 1);
    assert!(s.status().contains("Tab bin/page"), "key hints: {}", s.status());

    // Tab: the bin takes the focus; its first entry is the item to place.
    ed.press("Tab");
    let s = ed.wait_for("the bin focused", |s| s.contains(" bin: 6 items [Tab]"));
    s.assert_clean();
    assert!(s.inspector().trim_start().starts_with(&format!("{PLACED} · in the bin")), "inspector: {}", s.inspector());
    assert!(s.status().contains("Enter place"), "bin key hints: {}", s.status());

    // Enter: the item goes into the first hole that holds it — under jinyuan-ten-projects,
    // the shortest box, in columns 4–5 — selected, focus back on the page.
    ed.press("Enter");
    let s = ed.wait_for("the item placed", |s| {
        s.contains(" bin: 5 items") && s.selected_box().is_some_and(|(id, ..)| id == PLACED)
    });
    s.assert_clean();
    let (_, col, span) = s.selected_box().unwrap();
    assert_eq!(col, 4, "placed in the first hole: {}", s.inspector());
    assert!(s.status().contains("in a hole: column 4"), "status: {}", s.status());
    assert!(span >= 1);
    let placed_lines = s.selected_lines().expect("inspector shows lines");
    assert!(s.title().contains("* unsaved"), "title: {}", s.title());
    assert!(!s.contains("[Tab]"), "the focus is back on the page:\n{}", s.numbered());
    assert!(s.contains(">"), "the placed box is marked selected:\n{}", s.numbered());

    // J J: two lines down, one key at a time; the column and span stay (nothing is below it
    // in columns 4–5, so nothing is pushed).
    for step in 1..=2u32 {
        ed.press("J");
        let s = ed.wait_for(&format!("the box moved {step} line(s) down"), |s| {
            s.selected_lines().is_some_and(|l| l.0 == placed_lines.0 + step)
        });
        s.assert_clean();
        assert_eq!(s.selected_box(), Some((PLACED.to_string(), col, span)));
    }
    let moved_col = col;
    let placed_lines = (placed_lines.0 + 2, placed_lines.1 + 2);

    // +: one column wider.
    ed.press("+");
    let s = ed
        .wait_for("the box one column wider", |s| s.selected_box() == Some((PLACED.to_string(), moved_col, span + 1)));
    s.assert_clean();

    // u: the span is back, the move stays.
    ed.press("u");
    let s = ed.wait_for("the widening undone", |s| s.selected_box() == Some((PLACED.to_string(), moved_col, span)));
    s.assert_clean();
    assert!(s.status().contains("Undid"), "status: {}", s.status());
    assert_eq!(s.selected_lines(), Some(placed_lines), "undo gives back the depth too");
    assert!(s.title().contains("* unsaved"), "still unsaved after undo: {}", s.title());

    // Ctrl-s: saved, the title clean.
    ed.press("C-s");
    let s = ed.wait_for("the save reported", |s| s.status().trim_start().starts_with("Saved"));
    s.assert_clean();
    assert!(s.status().contains("taiyuan-2023-02-10.layout.ron"), "status: {}", s.status());
    let s = ed.wait_for("the title without unsaved", |s| !s.title().contains("unsaved"));
    assert_eq!(s.selected_box(), Some((PLACED.to_string(), moved_col, span)));

    // q: a clean editor quits at once, with status 0, and gives the terminal back.
    ed.press("q");
    let status = ed.wait_exit();
    assert!(status.success(), "exit status: {status:?}");
    assert!(bytes_contain(&ed.raw_output(), b"\x1b[?1049l"), "left the alternate screen");
    ed.shot().assert_clean();
    assert!(!fx.recovery().exists(), "no recovery file after a save and a clean quit");

    // The saved layout: the placed item where the screen showed it after undo, nothing else
    // changed.
    let after = fx.read_layout();
    assert_eq!(after.issue, before.issue);
    assert_eq!(after.pages.len(), before.pages.len());
    let placed: Vec<(u32, &Placement)> = after
        .pages
        .iter()
        .flat_map(|p| p.placements.iter().map(move |pl| (p.number, pl)))
        .filter(|(_, pl)| pl.item == PLACED)
        .collect();
    assert_eq!(placed.len(), 1, "placed exactly once: {after:#?}");
    let (page, p) = placed[0];
    assert_eq!(page, 3);
    assert_eq!((p.column, p.span), (moved_col, span), "{p:?}");
    assert_eq!(p.line, placed_lines.0, "{p:?}");
    assert_eq!(p.depth, Depth::Auto, "{p:?}");
    for (b, a) in before.pages.iter().zip(&after.pages) {
        assert_eq!(a.number, b.number);
        let mut rest: Vec<&Placement> = a.placements.iter().filter(|pl| pl.item != PLACED).collect();
        let mut was: Vec<&Placement> = b.placements.iter().collect();
        rest.sort_by(|x, y| x.item.cmp(&y.item));
        was.sort_by(|x, y| x.item.cmp(&y.item));
        assert_eq!(rest, was, "page {}: the other boxes are unchanged", a.number);
    }
}

/// Undo, then redo with Ctrl-r, walks the same states the screen showed.
#[test]
fn undo_and_redo_a_move() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    let (id, col, span) = s.selected_box().unwrap();
    let (line, _) = s.selected_lines().unwrap();

    ed.press("J");
    let s = ed.wait_for("the box one line down", |s| s.selected_lines().is_some_and(|l| l.0 == line + 1));
    assert_eq!(s.selected_box(), Some((id.clone(), col, span)));
    assert!(s.title().contains("* unsaved"));

    ed.press("u");
    let s = ed.wait_for("the move undone", |s| s.selected_lines().is_some_and(|l| l.0 == line));
    assert!(!s.title().contains("unsaved"), "undo back to the saved state is clean: {}", s.title());

    ed.press("C-r");
    let s = ed.wait_for("the move redone", |s| s.selected_lines().is_some_and(|l| l.0 == line + 1));
    assert!(s.status().contains("Redid"), "status: {}", s.status());
    assert!(s.title().contains("* unsaved"));
    s.assert_clean();
}

/// Found from outside: `:w! /dev/stdout` wrote the layout over the editor's screen, which did
/// not come back. A terminal is refused as a file to write a copy to.
#[test]
fn a_copy_is_never_written_to_the_terminal() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    ed.send(b":w! /dev/tty\r");
    let s = ed.wait_for("the refusal", |s| s.status().contains("is a terminal"));
    s.assert_clean();
    assert!(s.status().contains("No copy written: /dev/tty is a terminal, where the editor draws"), "{}", s.status());
    assert!(s.title().contains("page 3 (1/2)"), "the screen stands: {}", s.title());
    assert!(!bytes_contain(&ed.raw_output(), b"PageLayout("), "no layout text reached the terminal");
}

/// Help opens over the page and Esc closes it; PgDn/PgUp turn pages; z switches the zoom.
#[test]
fn help_pages_and_zoom() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());

    ed.press("?");
    let s = ed.wait_for("the help", |s| s.contains(" keys ") && s.contains("Ctrl-s   save the layout"));
    s.assert_clean();
    ed.press("Esc");
    let s = ed.wait_for("the help closed", |s| !s.contains("Ctrl-s   save the layout"));
    s.assert_clean();

    ed.press("PgDn");
    // The title and the inspector are rows of one frame, but the frame may be read half drawn
    // (CI read the title of page 4 over the inspector of page 3): both are waited for.
    let s = ed.wait_for("page 4, its first box selected", |s| {
        s.title().contains("page 4 (2/2)") && s.selected_box().is_some_and(|b| b.0 == "snow-clearing")
    });
    s.assert_clean();
    ed.press("PgDn");
    ed.wait_for("no page after the last", |s| s.status().contains("This is the last page"));

    ed.press("z");
    // The whole frame: the title row may arrive before the rows under it.
    let s = ed.wait_for("the plan zoom naming the boxes", |s| {
        s.title().trim_end().ends_with("| plan") && s.contains("snow-traffic") && s.contains("traffic-police")
    });
    s.assert_clean();
    ed.press("z");
    ed.wait_for("the text zoom", |s| s.title().trim_end().ends_with("| text"));

    ed.press("PgUp");
    let s = ed.wait_for("page 3", |s| s.title().contains("page 3 (1/2)"));
    assert!(!s.title().contains("unsaved"), "looking around changes nothing: {}", s.title());
    ed.press("q");
    assert!(ed.wait_exit().success());
    assert!(!fx.recovery().exists());
}

/// Opens the help and measures its frame on the terminal: the right border stands at one
/// column on every row and every description starts at one column, whatever the language.
fn help_lines_up(ed: &mut e2e_support::Session, title: &str, line: &str) -> e2e_support::PopupCells {
    ed.press("?");
    let s = ed.wait_for("the help", |s| s.contains(&format!(" {title} ")) && s.contains(line));
    s.assert_clean();
    let popup = ed.with_screen(|screen| e2e_support::measure_popup(screen, title)).expect("the help's frame");
    assert_eq!(
        popup.right_borders.len(),
        pasteup::tui::keys::KEYS.len(),
        "a row for each key: {popup:?}\n{}",
        s.numbered()
    );
    let right = popup.right_borders[0];
    assert!(popup.right_borders.iter().all(|&c| c == right), "right border moves: {popup:?}\n{}", s.numbered());
    let text = popup.text_columns[0].expect("a description");
    assert_eq!(text, popup.left + 11, "keys take 8 cells after a 2-cell margin, then a blank");
    assert!(popup.text_columns.iter().all(|&c| c == Some(text)), "descriptions move: {popup:?}\n{}", s.numbered());
    ed.press("Esc");
    ed.wait_for("the help closed", |s| !s.contains(line));
    popup
}

/// The bin's left edge stands at one column on every row of the page view, whatever wide
/// characters the page draws beside it.
fn bin_edge_lines_up(ed: &e2e_support::Session) {
    let edge = e2e_support::COLS - 34;
    let rows: Vec<u16> = ed.with_screen(|screen| {
        (1..e2e_support::ROWS - 2).filter(|&r| screen.cell(r, edge).map_or("", |c| c.contents()) != "│").collect()
    });
    assert!(rows.is_empty(), "the bin's edge is not at column {edge} on rows {rows:?}:\n{}", ed.shot().numbered());
}

/// `LANG=zh_CN.UTF-8`: the title, hints, bin, inspector, refusals and help are Chinese, and
/// the help's frame and columns line up with CJK text in it, as they do in English.
#[test]
fn a_chinese_locale_gets_a_chinese_editor() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[("LANG", "zh_CN.UTF-8")]);
    let s =
        ed.wait_for("the Chinese editor", |s| s.title().contains("第 3 版（1/2）") && s.status().contains("? 帮助"));
    s.assert_clean();
    bin_edge_lines_up(&ed);
    // Nothing done yet, so no `u 撤销`: the hints name the keys that work now.
    for hint in ["HJKL 移动", "+/- 栏宽", "x 撤下", "Tab 待排稿/版面", "z 缩放", "^s 保存", "q 退出"] {
        assert!(s.status().contains(hint), "{hint:?} missing from the hints: {}", s.status());
    }
    assert!(s.contains(" 待排稿：6 篇"), "{}", s.numbered());
    assert!(s.inspector().contains("jinyuan-livable · 第 1–3 栏 · 第 1–"), "inspector: {}", s.inspector());
    assert!(s.inspector().contains("|  第 3 版：已用 "), "inspector: {}", s.inspector());

    // A refusal in Chinese: the box stands at column 1.
    ed.press("H");
    let s = ed.wait_for("the refusal", |s| s.status().contains("无法左移：会超出版面（第 1–"));
    s.assert_clean();
    // Esc clears it (and is let alone before the next key, which it would make an Alt key).
    ed.press("Esc");
    ed.wait_for("the hints again", |s| s.status().contains("? 帮助"));

    let zh = help_lines_up(&mut ed, "按键", "Ctrl-s   保存版面");
    ed.press("q");
    assert!(ed.wait_exit().success());

    // The same editor in English (the default locale of these tests) measures the same.
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor() && s.status().contains("? help"));
    bin_edge_lines_up(&ed);
    let en = help_lines_up(&mut ed, "keys", "Ctrl-s   save the layout");
    // Each frame fits its longest description, measured by cells (a Han character is two).
    let longest = |lang| {
        use pasteup_core::catalogue::Render;
        let cells = |b: &pasteup::tui::keys::Binding| pasteup_core::fit::width::str_cells(&b.help.render(lang), false);
        pasteup::tui::keys::KEYS.iter().map(cells).max().unwrap() as u16
    };
    assert_eq!(en.right_borders[0] - en.left, 9 + longest(pasteup_core::catalogue::UiLang::En) + 3, "{en:?}");
    assert_eq!(zh.right_borders[0] - zh.left, 9 + longest(pasteup_core::catalogue::UiLang::ZhHans) + 3, "{zh:?}");
    ed.press("q");
    assert!(ed.wait_exit().success());
}

/// `--ui-lang en` overrides a Chinese locale; `--ui-lang zh-Hans` gives Chinese under any.
#[test]
fn ui_lang_overrides_the_locale() {
    let fx = Fixture::new();
    let mut ed = fx.open(&["--ui-lang", "en"], &[("LANG", "zh_CN.UTF-8")]);
    let s = ed.wait_for("the English editor", |s| s.shows_editor() && s.status().contains("q quit"));
    assert!(!s.status().contains("退出"), "{}", s.status());
    ed.press("q");
    assert!(ed.wait_exit().success());

    let mut ed = fx.open(&["--ui-lang", "zh-Hans"], &[("LC_ALL", "en_US.UTF-8")]);
    let s = ed.wait_for("the Chinese editor", |s| s.status().contains("q 退出"));
    s.assert_clean();
    ed.press("q");
    assert!(ed.wait_exit().success());
}
