//! The editor without a terminal: key strings fed to `App::update` (as helix's integration
//! tests do), and what it draws into ratatui's `TestBackend`, as insta snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use crossterm::event::KeyModifiers;
use pasteup::tui::app::{App, Effect, Msg, Overlay, Zoom};
use pasteup::tui::key_notation::parse_keys;
use pasteup::tui::keys::Focus;
use pasteup::tui::run::{editor, look_at_disk};
use pasteup_core::catalogue::{DiskChange, Status, UiLang};
use pasteup_core::document::{Opened, builtin_sample};
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::format::ron_options;
use pasteup_core::layout::{Makeup, Motion, Refusal};
use pasteup_core::model::{Depth, Issue, Layout, Placement};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption};
use unicode_width::UnicodeWidthStr;

fn sample_app(ambi: AmbiWidth) -> App {
    let mut app = editor(&builtin_sample(), ambi);
    app.message = None;
    app
}

/// Feeds keys written as in vim's notation: `Tab Enter L L + u C-s q`.
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    parse_keys(keys).unwrap().into_iter().flat_map(|key| app.update(Msg::Key(key))).collect()
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Msg::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    terminal
}

/// The screen as a person reads it: each row's symbols, a wide symbol once.
fn screen(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        let mut row = String::new();
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            row.push_str(cell.symbol());
            x += match cell.diff_option {
                CellDiffOption::ForcedWidth(w) => w.get(),
                _ => cell.symbol().width().max(1) as u16,
            };
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

fn placement(app: &App, id: &str) -> (u32, u16, u16, u32, Depth) {
    let (page, p) = app.makeup.placement_of(id).expect("placed");
    (page, p.column, p.span, p.line, p.depth)
}

#[test]
fn place_move_widen_undo_by_keys() {
    let mut app = sample_app(AmbiWidth::Single);
    assert_eq!(app.makeup.bin()[0], "yangqu-seven-projects");
    press(&mut app, "Tab");
    assert_eq!(app.focus, Focus::Bin);
    press(&mut app, "Enter");
    assert_eq!(app.focus, Focus::Page);
    assert_eq!(app.selected.as_deref(), Some("yangqu-seven-projects"));
    // Into the first hole that holds it, top to bottom: under the shortest box, the
    // two-column jinyuan-ten-projects in columns 4–5, pushing nothing.
    let (page, column, span, line, _) = placement(&app, "yangqu-seven-projects");
    let (_, _, _, above_line, _) = placement(&app, "jinyuan-ten-projects");
    let above = app.makeup.resolved(3).into_iter().find(|b| b.item == "jinyuan-ten-projects").unwrap();
    assert_eq!((page, column, span, line), (3, 4, 2, above_line + above.box_depth));
    press(&mut app, "L L");
    assert_eq!(placement(&app, "yangqu-seven-projects").1, 6);
    press(&mut app, "+");
    assert_eq!(placement(&app, "yangqu-seven-projects").2, 3);
    assert!(app.is_dirty());
    press(&mut app, "u");
    let (_, column, span, _, _) = placement(&app, "yangqu-seven-projects");
    assert_eq!((column, span), (6, 2));
    assert_eq!(press(&mut app, "C-s"), vec![Effect::Save { force: false }]);
}

#[test]
fn undo_to_the_saved_state_is_clean_and_new_work_is_not() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "L");
    assert!(app.is_dirty());
    press(&mut app, "u");
    assert!(!app.is_dirty(), "undoing the only change returns to the saved layout");
    press(&mut app, "C-r");
    assert!(app.is_dirty());
    app.mark_saved();
    press(&mut app, "u J");
    assert!(app.is_dirty(), "a different change after undo is not the saved state");
}

#[test]
fn a_refused_move_says_why() {
    let mut app = sample_app(AmbiWidth::Single);
    let before = placement(&app, "jinyuan-livable");
    press(&mut app, "H");
    assert_eq!(placement(&app, "jinyuan-livable"), before);
    let message = app.message.clone().expect("a message").status;
    let left = Motion::By { across: -1, down: 0 };
    assert!(matches!(message, Status::Refused(Refusal::LeavesGrid { motion, .. }) if motion == left), "{message:?}");
}

#[test]
fn quit_asks_when_unsaved() {
    let mut app = sample_app(AmbiWidth::Single);
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit { discard: false }]);
    press(&mut app, "J");
    assert!(press(&mut app, "q").is_empty());
    assert_eq!(app.overlay, Overlay::ConfirmQuit);
    assert!(press(&mut app, "n").is_empty());
    assert_eq!(app.overlay, Overlay::None);
    press(&mut app, "C-c");
    assert_eq!(app.overlay, Overlay::ConfirmQuit);
    // Found from outside: the page's key hints stayed on under the question.
    app.message = None;
    let shown = screen(&draw(&mut app, 120, 40));
    assert_eq!(shown.lines().last(), Some(" the keys that work now are in the box above"), "{shown}");
    assert_eq!(press(&mut app, "y"), vec![Effect::Quit { discard: true }]);
}

#[test]
fn depth_keys_make_an_item_overset_and_auto_fits_again() {
    let mut app = sample_app(AmbiWidth::Single);
    let needed = app.makeup.resolved(3)[0].fit.depth_needed;
    press(&mut app, "[ [ [");
    let b = &app.makeup.resolved(3)[0];
    assert_eq!((b.depth, b.fit.lines()), (Depth::Fixed(needed - 3), -3));
    assert!(b.fit.overset_chars > 0);
    press(&mut app, "=");
    assert_eq!(app.makeup.resolved(3)[0].fit.lines(), 0);
}

#[test]
fn pages_and_zoom() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "PgDn");
    assert_eq!(app.page_number(), 4);
    assert_eq!(app.selected.as_deref(), Some("snow-clearing"));
    press(&mut app, "PgDn");
    assert_eq!(app.page_number(), 4, "no page after the last");
    press(&mut app, "z");
    assert_eq!(app.zoom, Zoom::Plan);
}

#[test]
fn send_to_bin_and_back() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "x");
    assert!(app.makeup.in_bin("jinyuan-livable"));
    assert_eq!(app.makeup.bin().len(), 7);
    press(&mut app, "u");
    assert!(!app.makeup.in_bin("jinyuan-livable"));
}

// ---------------------------------------------------------------------------------------
// What the screen shows.

#[test]
fn snapshot_text_zoom_120x40() {
    let mut app = sample_app(AmbiWidth::Single);
    insta::assert_snapshot!(screen(&draw(&mut app, 120, 40)));
}

#[test]
fn snapshot_text_zoom_200x60() {
    let mut app = sample_app(AmbiWidth::Single);
    insta::assert_snapshot!(screen(&draw(&mut app, 200, 60)));
}

/// Scrolled sideways, a column partly in sight at the view's left edge shows the right part of
/// each of its lines, cut at the edge as lines are at the right edge (found from outside: the
/// lines that began left of the view were left out and the box showed blank).
#[test]
fn a_line_starting_left_of_the_view_shows_the_part_in_sight() {
    let mut app = sample_app(AmbiWidth::Single);
    app.update(Msg::Resize(120, 40));
    press(&mut app, "l");
    assert_eq!(app.selected.as_deref(), Some("jinyuan-ten-projects"));
    assert!(app.scroll_x > 0, "the view scrolled to the selected box");
    let shown = screen(&draw(&mut app, 120, 40));
    // Page line N is row N + 2; left of the selected box's `>` stands the end of
    // jinyuan-livable's column 3: its headline on line 1, its body from line 4.
    let rows: Vec<&str> = shown.lines().collect();
    for row in [1, 4, 5, 6, 7, 8, 9, 10].map(|line| rows[line + 2]) {
        let left = row.split_once('>').map_or(row, |(left, _)| left);
        let strip: String = left.chars().skip(5).collect();
        assert!(strip.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{row:?} in\n{shown}");
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn snapshot_plan_zoom_120x40() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "z");
    insta::assert_snapshot!(screen(&draw(&mut app, 120, 40)));
}

#[test]
fn snapshot_plan_zoom_200x60_page_4() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "z PgDn");
    insta::assert_snapshot!(screen(&draw(&mut app, 200, 60)));
}

/// Found from outside: at 45×20 the plan zoom's boxes read `┌fits […┐` (`合适 […`), cut right
/// after the opening bracket of the depth setting. Clipped text never ends in an opening
/// bracket, in either language.
#[test]
fn the_plan_zoom_never_cuts_a_badge_after_an_opening_bracket() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let issue = std::fs::read_to_string(format!("{dir}/layouts/taiyuan-2023-02-10.ron")).unwrap();
    let layout = std::fs::read_to_string(format!("{dir}/layouts/taiyuan-2023-02-10.fitted.layout.ron")).unwrap();
    for lang in [UiLang::En, UiLang::ZhHans] {
        let mut app = app_of(&issue, &layout, AmbiWidth::Single);
        app.lang = lang;
        press(&mut app, "z");
        let shown = screen(&draw(&mut app, 45, 20));
        let badge = if lang == UiLang::En { "fits" } else { "合适" };
        assert!(shown.contains(&format!("{badge}…")), "{lang:?}:\n{shown}");
        for open in ["[…", "(…", "（…", "【…", "「…", "“…"] {
            assert!(!shown.contains(open), "{lang:?}: {open}\n{shown}");
        }
        insta::assert_snapshot!(format!("plan_zoom_45x20_{lang:?}"), shown);
    }
}

/// Found from outside: a box pushed past the foot could not be seen in the plan zoom, which
/// showed the page down to its depth only; now the scale takes in the lowest box.
#[test]
fn snapshot_plan_zoom_shows_a_box_past_the_foot() {
    let mut app = sample_app(AmbiWidth::Single);
    assert_eq!(app.selection().map(|p| p.item), Some("jinyuan-livable".to_string()));
    command(&mut app, "line 90");
    press(&mut app, "z");
    let shown = screen(&draw(&mut app, 120, 40));
    assert!(shown.contains("jinyuan-livable"), "{shown}");
    assert!(shown.contains("past foot"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn snapshot_bin_focus() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "Tab j j");
    insta::assert_snapshot!(screen(&draw(&mut app, 120, 40)));
}

/// At 120×40 every description shows in full: two columns, a long one wrapped under its
/// first cell.
#[test]
fn snapshot_help() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&draw(&mut app, 120, 40)));
}

/// At 80×24 the key table does not fit one screen: one column, every word, a screen at a time
/// (found from outside: each entry had kept one line, 17 descriptions cut with `…`).
#[test]
fn snapshot_help_80_by_24() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&draw(&mut app, 80, 24)));
}

fn chinese_app(ambi: AmbiWidth) -> App {
    let mut app = sample_app(ambi);
    app.lang = UiLang::ZhHans;
    app
}

/// The help in Chinese: descriptions start at one column, the frame fits the widest line.
#[test]
fn snapshot_help_zh_hans() {
    let mut app = chinese_app(AmbiWidth::Single);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&draw(&mut app, 120, 40)));
}

/// A wide character the page draws across the bin's edge (the Chinese fit badge of a box
/// under the bin) is cleared, so the edge stands at its column on the terminal.
#[test]
fn the_bin_edge_stands_beside_chinese() {
    let mut app = chinese_app(AmbiWidth::Single);
    let t = draw(&mut app, 120, 40);
    let buf = t.backend().buffer();
    let edge = 120 - 34;
    for y in 1..38 {
        assert_eq!(buf[(edge, y)].symbol(), "│", "row {y}");
        let left = buf[(edge - 1, y)].symbol();
        assert!(left.width() < 2, "row {y}: {left:?} straddles the bin's edge\n{}", screen(&t));
    }
}

/// The title bar, inspector and status line in Chinese through a few keys: the hints, a
/// refusal, the bin, a push down, undo, the last page, and a terminal too small.
#[test]
fn snapshot_bars_zh_hans() {
    let mut app = chinese_app(AmbiWidth::Single);
    let mut out = String::new();
    for keys in ["", "H", "Esc Tab", "Tab +", "u", "PgDn PgDn"] {
        press(&mut app, keys);
        let text = screen(&draw(&mut app, 120, 40));
        let rows: Vec<&str> = text.lines().collect();
        out.push_str(&format!("-- {keys}\n{}\n{}\n{}\n", rows[0], rows[38], rows[39]));
    }
    press(&mut app, "Esc");
    out.push_str(&format!("-- 39x9\n{}", screen(&draw(&mut app, 39, 9))));
    out.push_str(&format!("-- 60x9\n{}", screen(&draw(&mut app, 60, 9))));
    insta::assert_snapshot!(out);
}

#[test]
fn snapshot_overset_item() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "[ [ [ [ [");
    insta::assert_snapshot!(screen(&draw(&mut app, 120, 40)));
}

#[test]
fn snapshot_tiny_terminal() {
    let mut app = sample_app(AmbiWidth::Single);
    insta::assert_snapshot!(screen(&draw(&mut app, 10, 3)));
    for (w, h) in [(1, 1), (2, 1), (39, 9), (40, 10), (41, 3)] {
        draw(&mut app, w, h);
    }
    // Found from outside: 40 and more wide but under 10 high, the sentence was cut at the
    // edge ("…; it needs"): what is needed is always said.
    for (w, h, rows) in [(40, 9, ["too small", "40x9", "need 40x10"]), (45, 5, ["too small", "45x5", "need 40x10"])] {
        let shown = screen(&draw(&mut app, w, h));
        assert_eq!(shown.lines().take(3).collect::<Vec<_>>(), rows, "{shown}");
    }
    let shown = screen(&draw(&mut app, 60, 8));
    assert_eq!(shown.lines().next(), Some("pasteup: the terminal is 60x8; it needs at least 40x10"));
    let shown = screen(&draw(&mut app, 41, 2));
    assert_eq!(shown.lines().next(), Some("too small 41x2 need 40x10"));
}

/// The editor on `issue` and `layout` given as RON text, as opened from `x.ron`.
fn app_of(issue: &str, layout: &str, ambi: AmbiWidth) -> App {
    let issue_src = issue.to_string();
    let issue: Issue = ron_options().from_str(issue).unwrap();
    let layout_src = layout.to_string();
    let layout: Layout = ron_options().from_str(layout).unwrap();
    let opened = Opened {
        issue_path: "x.ron".into(),
        issue,
        layout_path: "x.layout.ron".into(),
        layout,
        layout_found: true,
        problems: Vec::new(),
        layout_src,
        issue_src,
        warnings: Vec::new(),
        is_sample: false,
    };
    let mut app = editor(&opened, ambi);
    app.message = None;
    app
}

/// Found from outside: with `hanging: true` a mark hung past the box's last leg was not
/// drawn (the frame took its cell); it stands on the frame in its one-cell form, in every
/// punctuation style, as in the text export.
#[test]
fn a_mark_hung_from_the_last_leg_stands_on_the_frame() {
    for (style, gutter_mark) in [("Full", "，"), ("LineEnd", ", "), ("Kaiming", ", ")] {
        let issue = format!(
            r#"Issue(paper: "报", date: "2023-02-10", pages: [
                Page(number: 1, grid: Grid(columns: 3, column_width: 6, gutter: 1, depth: 20, hanging: true, indent: 0, punctuation: {style}))],
              items: [Article(id: "lead", headline: "雪", body: ["一二三四五六，七八九十甲乙丙丁戊己庚辛。子丑寅卯辰巳午未申酉戌亥、一二三四五六七八九十甲乙、"])])"#
        );
        let layout = r#"Layout(issue: "x.ron", pages: [PageLayout(number: 1, placements: [
                Placement(item: "lead", column: 1, span: 2, line: 1, depth: Auto)])])"#;
        let mut app = app_of(&issue, layout, AmbiWidth::Single);
        let shown = screen(&draw(&mut app, 100, 30));
        let row = |n: &str| shown.lines().find(|l| l.starts_with(n)).unwrap_or_default().to_string();
        assert!(row("   3 ").contains(&format!("一二三四五六{gutter_mark}午未申酉戌亥､ ")), "{style}\n{shown}");
        assert!(row("   5 ").contains("七八九十甲乙､ "), "{style}\n{shown}");
    }
}

/// Under `Full` a `，` hung after text an odd number of cells short of the measure (21 of 22)
/// starts a cell inside the box: it too stands on the frame, the cell before it blank, as in
/// the text export (where it was dropped).
#[test]
fn a_mark_hung_after_an_odd_number_of_cells_stands_on_the_frame() {
    let issue = r#"Issue(paper: "报", date: "2023-02-10", pages: [
            Page(number: 1, grid: Grid(columns: 2, column_width: 11, gutter: 1, depth: 20, hanging: true, indent: 0))],
          items: [Article(id: "a", headline: "汽车", body: ["（CAAM）统计，1—11月，汽车产销分别完成两千万辆和两千万辆。"])])"#;
    let layout = r#"Layout(issue: "x.ron", pages: [PageLayout(number: 1, placements: [
            Placement(item: "a", column: 1, span: 1, line: 1, depth: Auto)])])"#;
    let mut app = app_of(issue, layout, AmbiWidth::Single);
    let shown = screen(&draw(&mut app, 100, 30));
    let row = shown.lines().find(|l| l.starts_with("   3 ")).unwrap_or_default().to_string();
    assert!(row.contains("（CAAM）统计，1— 11月 ,"), "{shown}");
}

/// An issue whose text is full of East Asian Ambiguous characters.
fn ambiguous_app(ambi: AmbiWidth) -> App {
    app_of(
        r#"Issue(paper: "测试报", date: "2026-11-29", pages: [
                Page(number: 1, grid: Grid(columns: 3, column_width: 8, gutter: 1, depth: 20))],
              items: [
                Article(id: "quotes", headline: "“引号”测试", body: ["他说：“好。”‘单引号’2×1000兆瓦——还有……省略号·间隔。"]),
                Article(id: "latin", headline: "e\u{301}clair × café", body: ["Ａｂｃ naïve “quoted” text — dash"]),
              ])"#,
        r#"Layout(issue: "x.ron", pages: [PageLayout(number: 1, placements: [
                Placement(item: "quotes", column: 1, span: 1, line: 1, depth: Auto),
                Placement(item: "latin", column: 2, span: 2, line: 1, depth: Auto)])])"#,
        ambi,
    )
}

#[test]
fn snapshot_ambiguous_single() {
    let mut app = ambiguous_app(AmbiWidth::Single);
    let t = draw(&mut app, 60, 14);
    assert_rules_aligned(t.backend().buffer(), AmbiWidth::Single);
    insta::assert_snapshot!(screen(&t));
}

#[test]
fn snapshot_ambiguous_double() {
    let mut app = ambiguous_app(AmbiWidth::Double);
    let t = draw(&mut app, 60, 14);
    assert_rules_aligned(t.backend().buffer(), AmbiWidth::Double);
    insta::assert_snapshot!(screen(&t));
}

/// Where each cell lands on a terminal that draws ambiguous characters `ambi` wide: the
/// terminal column of every drawn symbol in a row, as the diff would send it.
fn terminal_columns(buf: &Buffer, y: u16, ambi: AmbiWidth) -> Vec<(u16, u16, String)> {
    let mut out = Vec::new();
    let mut col = 0u16;
    let mut x = 0u16;
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        let sym = cell.symbol();
        let drawn = match ambi {
            AmbiWidth::Single => sym.width(),
            AmbiWidth::Double => sym.width_cjk(),
        }
        .max(1) as u16;
        let claims = match cell.diff_option {
            CellDiffOption::ForcedWidth(w) => w.get(),
            _ => sym.width().max(1) as u16,
        };
        out.push((x, col, sym.to_string()));
        // The backend moves the cursor to each cell it writes, so the terminal's own width
        // only matters until the next cell ratatui writes: it must not exceed what the
        // buffer claims, or it would cover the next cell.
        assert!(drawn <= claims, "row {y} cell {x} {sym:?}: terminal draws {drawn} cells, buffer claims {claims}");
        col += claims;
        x += claims;
    }
    out
}

/// Every column rule and box edge stands at the same terminal column on every row.
fn assert_rules_aligned(buf: &Buffer, ambi: AmbiWidth) {
    let page_rows = 2..buf.area.height - 2;
    let mut expected: Option<Vec<u16>> = None;
    for y in page_rows {
        let cols = terminal_columns(buf, y, ambi);
        let rules: Vec<u16> = cols
            .iter()
            .filter(|(x, _, s)| {
                *x > 5 && matches!(s.as_str(), ":" | "│" | "|" | ">" | "<" | "┌" | "┐" | "└" | "┘" | "+")
            })
            .map(|(_, c, _)| *c)
            .collect();
        for (x, col, _) in &cols {
            assert_eq!(x, col, "row {y}: cell {x} lands at terminal column {col}");
        }
        if rules.len() >= 3 {
            match &expected {
                None => expected = Some(rules),
                Some(e) => assert_eq!(&rules[..e.len().min(rules.len())], &e[..e.len().min(rules.len())], "row {y}"),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The file work the editor asks its shell to do.

/// A folder for the sample's files, `layouts/` in a temporary one: the sample's issue is saved
/// with its photos at `../assets/`, as in the repository, which must not be the system's
/// temporary folder (found when a test run left `/tmp/assets` behind for the next to trip on).
struct SampleDir {
    _root: tempfile::TempDir,
    layouts: std::path::PathBuf,
}

impl SampleDir {
    fn new() -> SampleDir {
        let root = tempfile::tempdir().unwrap();
        let layouts = root.path().join("layouts");
        std::fs::create_dir(&layouts).unwrap();
        SampleDir { _root: root, layouts }
    }

    fn path(&self) -> &std::path::Path {
        &self.layouts
    }
}

fn sample_in(dir: &std::path::Path) -> Opened {
    let mut opened = builtin_sample();
    opened.layout_path = dir.join("s.layout.ron");
    opened.issue_path = dir.join("s.ron");
    opened
}

/// The sample in `dir` and a recovery file beside its layout, as a dead editor left it: the
/// layout with its first `line: 1,` made `line: 2,`. Returns the sample, the layout's text
/// and the recovery file.
fn sample_with_recovery_file(dir: &SampleDir) -> (Opened, String, std::path::PathBuf) {
    let opened = sample_in(dir.path());
    let text = pasteup_core::format::to_ron_string(&opened.layout);
    let dead = dir.path().join("s.layout.ron.recover");
    std::fs::write(&dead, text.replacen("line: 1,", "line: 2,", 1)).unwrap();
    (opened, text, dead)
}

/// The sample in `dir`, saved there, and its editor.
fn saved_sample(dir: &SampleDir) -> (Opened, App) {
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    let effects = press(&mut app, "C-s");
    run_effects(&mut app, effects);
    (opened, app)
}

fn run_effects(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        pasteup::tui::run::perform(app, e);
    }
}

/// Types `:COMMAND` and Enter, carries out what it asks, and gives the status line in English.
fn command(app: &mut App, command: &str) -> String {
    press(app, ":");
    app.update(Msg::Paste(command.to_string()));
    let effects = press(app, "Enter");
    run_effects(app, effects);
    pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En)
}

/// Found from outside: `:depth 5` with a bin entry shown as the selection changed the box still
/// selected on the page, unseen and unsaid.
#[test]
fn a_command_on_the_selected_box_waits_for_the_page_when_the_bin_has_the_focus() {
    let mut app = sample_app(AmbiWidth::Single);
    let before = app.makeup.to_layout("s.ron");
    assert!(command(&mut app, "find 供电").starts_with("Found power-grid in the bin"));
    assert_eq!(app.focus, Focus::Bin);
    for (typed, name) in [("depth 5", "depth"), ("span 1", "span"), ("line 40", "line"), ("column 2", "column")] {
        let said = command(&mut app, typed);
        assert_eq!(said, format!(":{name} works on the box selected on the page; Tab goes there from the bin"));
    }
    assert_eq!(app.makeup.to_layout("s.ron"), before, "nothing changed");
    press(&mut app, "Tab");
    assert_eq!(app.focus, Focus::Page);
    press(&mut app, ":");
    app.update(Msg::Paste("depth 5".into()));
    let effects = press(&mut app, "Enter");
    run_effects(&mut app, effects);
    assert_ne!(app.makeup.to_layout("s.ron"), before, "on the page it does its work");
}

#[test]
fn e_exports_the_text_proof_beside_the_layout() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    let effects = press(&mut app, "e");
    assert_eq!(effects, vec![Effect::Export]);
    run_effects(&mut app, effects);
    let text = std::fs::read_to_string(dir.path().join("s.proof.txt")).unwrap();
    assert!(text.contains("守  护  青  山"), "{text}");
    let exported = app.message.unwrap().status;
    assert!(matches!(&exported, Status::Exported { path } if path.ends_with("s.proof.txt")), "{exported:?}");
}

/// Found from outside: an issue named `p.proof.txt` beside `p.layout.ron` was written over by
/// `e`, and the issue was lost. Inputs are never outputs, as for `export -o` and `:w FILE`.
#[test]
fn e_never_writes_the_proof_over_the_issue() {
    let dir = SampleDir::new();
    let mut opened = sample_in(dir.path());
    let issue = dir.path().join("p.proof.txt");
    std::fs::write(&issue, pasteup_core::sample::ISSUE).unwrap();
    (opened.issue_path, opened.is_sample) = (issue.clone(), false);
    opened.layout_path = dir.path().join("p.layout.ron");
    let before = std::fs::read(&issue).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    let effects = press(&mut app, "e");
    run_effects(&mut app, effects);
    assert_eq!(std::fs::read(&issue).unwrap(), before, "the issue is as it was");
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.starts_with("Not exported: ") && said.contains("is the issue "), "{said}");
    assert!(said.ends_with("export with `pasteup export -o FILE`"), "{said}");
}

#[test]
fn save_writes_the_layout_and_asks_before_overwriting_a_changed_one() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    let effects = press(&mut app, "L C-s");
    run_effects(&mut app, effects);
    assert!(!app.is_dirty());
    let saved = std::fs::read_to_string(&opened.layout_path).unwrap();
    assert!(
        saved.contains(r#"Placement(item: "jinyuan-livable", column: 2, span: 3, line: 1, depth: Auto),"#),
        "{saved}"
    );
    // The sample's issue is saved beside it, so the layout can be reopened from disk.
    assert!(dir.path().join("s.ron").exists());
    // Someone else writes the layout; the next save asks first and does not overwrite.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, saved.replace("column: 2", "column: 5")).unwrap();
    let effects = press(&mut app, "L C-s");
    run_effects(&mut app, effects);
    assert!(matches!(app.overlay, Overlay::ConfirmOverwrite(_)), "{:?}", app.overlay);
    assert!(std::fs::read_to_string(&opened.layout_path).unwrap().contains("column: 5"));
    let effects = press(&mut app, "y");
    run_effects(&mut app, effects);
    assert!(std::fs::read_to_string(&opened.layout_path).unwrap().contains("column: 3"));
    assert!(!app.is_dirty());
}

/// The editor on the sample saved after `L`, and the layout then changed on disk by another
/// program: the next save asks first.
fn saved_then_changed_on_disk() -> (SampleDir, Opened, App) {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    keys(&mut app, "L C-s");
    let saved = std::fs::read_to_string(&opened.layout_path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, saved.replace("column: 2", "column: 5")).unwrap();
    (dir, opened, app)
}

/// Presses `k` and carries out the effects, as the running editor does.
fn keys(app: &mut App, k: &str) {
    let effects = press(app, k);
    run_effects(app, effects);
}

/// Found from outside: the open layout removed from disk went unsaid until a save quietly wrote
/// it again. Said once, warned, until the file is there again.
#[test]
fn a_layout_removed_from_disk_is_said_once() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    keys(&mut app, "L C-s");
    app.message = None;
    std::fs::remove_file(&opened.layout_path).unwrap();
    look_at_disk(&mut app);
    let file = opened.layout_path.file_name().unwrap().to_string_lossy().to_string();
    assert_eq!(app.message.as_ref().map(|m| &m.status), Some(&Status::LayoutRemoved { file }));
    app.message = None;
    look_at_disk(&mut app);
    assert_eq!(app.message, None, "once");
    keys(&mut app, "C-s");
    assert!(opened.layout_path.exists());
    app.message = None;
    look_at_disk(&mut app);
    assert_eq!(app.message, None, "there again");
}

/// Found from outside: the issue replaced by a FIFO froze the editor in the open of the
/// reload, keys and SIGTERM alike. A file that is not a plain file is not read; the last good
/// issue stays, and the layout replaced so is not read either.
/// Found from outside: with unsaved changes, a layout replaced by a folder was offered as
/// another program's save to merge, and only `y` said it could not be read.
#[test]
fn a_layout_replaced_by_a_folder_is_said_at_once_with_no_question() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    press(&mut app, "J");
    std::fs::remove_file(&opened.layout_path).unwrap();
    std::fs::create_dir(&opened.layout_path).unwrap();
    look_at_disk(&mut app);
    assert_eq!(app.overlay, Overlay::None, "no question about a folder");
    let said = |lang| pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, lang);
    let file = opened.layout_path.display();
    let en = format!(
        "The layout on disk was not loaded (yours is kept): {file}: cannot open: it is a folder, expected a .ron file"
    );
    assert_eq!(said(UiLang::En), en);
    // Found from outside: said in English in a Chinese editor.
    let zh = format!("磁盘上的版面未载入（保留你的）：{file}: 打不开：这是文件夹，要的是 .ron 文件");
    assert_eq!(said(UiLang::ZhHans), zh);
    assert!(app.is_dirty());
}

/// Found from outside: an issue on disk that could not be read again (gone, or saved in
/// GB18030 by the copy desk's system) was said in English in a Chinese editor. Why is said in
/// the interface's language after the file's place; the last good issue stays.
#[test]
fn an_issue_that_cannot_be_read_again_is_said_in_the_interface_language() {
    let dir = SampleDir::new();
    let mut opened = sample_in(dir.path());
    std::fs::write(&opened.issue_path, pasteup_core::sample::ISSUE).unwrap();
    opened.is_sample = false;
    let mut app = editor(&opened, AmbiWidth::Single);
    keys(&mut app, "C-s");
    let file = opened.issue_path.display().to_string();
    let said = |app: &App, lang| pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, lang);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (gbk, _, _) = encoding_rs::GB18030.encode(pasteup_core::sample::ISSUE);
    std::fs::write(&opened.issue_path, &gbk).unwrap();
    look_at_disk(&mut app);
    let at = pasteup_core::format::decode_text(&opened.issue_path, &gbk).unwrap_err();
    let place = format!("{file}:{}:{}", at.line.unwrap(), at.col.unwrap());
    assert_eq!(
        said(&app, UiLang::ZhHans),
        format!(
            "磁盘上的稿件未载入（保留上一版）：{place}: 文件不是 UTF-8 编码（看来是 GB18030/GBK，中文编辑部常用）；\
             请用 `iconv -f GB18030 -t UTF-8` 转换"
        )
    );
    assert_eq!(
        said(&app, UiLang::En),
        format!(
            "The issue on disk was not loaded (the last good one is kept): {place}: file is not UTF-8 \
             (it looks like GB18030/GBK, common in Chinese newsrooms); convert it with `iconv -f GB18030 -t UTF-8`"
        )
    );
    std::fs::remove_file(&opened.issue_path).unwrap();
    look_at_disk(&mut app);
    assert_eq!(
        said(&app, UiLang::ZhHans),
        format!("磁盘上的稿件未载入（保留上一版）：{file}: 没有这个文件；请检查文件名和文件夹")
    );
    assert_eq!(
        said(&app, UiLang::En),
        format!(
            "The issue on disk was not loaded (the last good one is kept): {file}: there is no such file; check its name and folder"
        )
    );
    assert!(app.makeup.issue().items.iter().any(|i| i.id() == "jinyuan-livable"), "the last good issue stays");
}

#[test]
fn an_issue_or_layout_replaced_by_a_pipe_is_not_read() {
    let dir = SampleDir::new();
    let mut opened = sample_in(dir.path());
    std::fs::write(&opened.issue_path, pasteup_core::sample::ISSUE).unwrap();
    opened.is_sample = false;
    let mut app = editor(&opened, AmbiWidth::Single);
    keys(&mut app, "L C-s");
    for path in [&opened.issue_path, &opened.layout_path] {
        std::fs::remove_file(path).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(path).status().unwrap().success());
    }
    let (done, waited) = std::sync::mpsc::channel();
    let looked = std::thread::spawn(move || {
        look_at_disk(&mut app);
        done.send(()).unwrap();
        app
    });
    waited.recv_timeout(std::time::Duration::from_secs(10)).expect("the look at the disk returns");
    let mut app = looked.join().unwrap();
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.contains("not a plain file"), "{said}");
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::ZhHans);
    assert!(said.contains(": 未读取：不是普通文件（是管道或设备）；请把它换成文件"), "{said}");
    // Found from outside: the pipe was offered as their save to merge before it was refused.
    assert_eq!(app.overlay, Overlay::None, "no question about a pipe");
    assert!(app.is_dirty(), "the desk no longer stands on disk");
    // Found from outside: saved into the pipe while a program read it, the editor hung reading
    // it back for the journal's base. The save returns.
    // The reading end open before the save (a pipe nobody reads is refused at once), read
    // until the save has written and closed it.
    let mut pipe = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new().read(true).custom_flags(0o4000).open(&opened.layout_path).unwrap()
    };
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let (mut got, mut buf, start) = (0, [0u8; 4096], std::time::Instant::now());
        while start.elapsed() < std::time::Duration::from_secs(20) {
            match pipe.read(&mut buf) {
                Ok(0) if got > 0 => break,
                Ok(n) => got += n,
                Err(e) if e.kind() != std::io::ErrorKind::WouldBlock => break,
                Err(_) => {}
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        got
    });
    let (done, waited) = std::sync::mpsc::channel();
    let saving = std::thread::spawn(move || {
        keys(&mut app, "C-s");
        // Asked about the file changed on disk, then about writing into what is not a file.
        for _ in 0..3 {
            if matches!(app.overlay, Overlay::ConfirmOverwrite(_)) {
                keys(&mut app, "y");
            }
        }
        done.send(()).unwrap();
        app
    });
    waited.recv_timeout(std::time::Duration::from_secs(10)).expect("the save returns");
    let app = saving.join().unwrap();
    let said = app.message.as_ref().map(|m| pasteup_core::catalogue::Render::render(&m.status, UiLang::En));
    assert!(
        reader.join().unwrap() > 100,
        "the layout went down the pipe: {said:?} {:?} {}",
        app.overlay,
        app.is_dirty()
    );
}

/// Found from outside: `:wq`, `:x` and `s` at the quit question saved after `y` to "changed on
/// disk" but left the editor open; `n` keeps it open and the next answer does not quit.
#[test]
fn save_and_quit_quits_once_the_question_about_the_disk_is_answered() {
    for quit in [": w q Enter", ": x Enter", "q s"] {
        let (_dir, opened, mut app) = saved_then_changed_on_disk();
        keys(&mut app, &format!("L {quit}"));
        assert!(matches!(app.overlay, Overlay::ConfirmOverwrite(_)), "{quit}: {:?}", app.overlay);
        assert!(!app.quit, "{quit}: asked first");
        keys(&mut app, "y");
        assert!(std::fs::read_to_string(&opened.layout_path).unwrap().contains("column: 3"), "{quit}");
        assert!(app.quit, "{quit}: saved, then quit");
    }
    // `n`: not saved, still open; a later save's `y` does not quit.
    let (_dir, _opened, mut app) = saved_then_changed_on_disk();
    keys(&mut app, "L : w q Enter");
    keys(&mut app, "n");
    assert!(!app.quit && app.is_dirty());
    keys(&mut app, "C-s");
    assert!(matches!(app.overlay, Overlay::ConfirmOverwrite(_)), "{:?}", app.overlay);
    keys(&mut app, "y");
    assert!(!app.quit && !app.is_dirty(), "a plain save after `n` does not quit");
}

#[test]
fn a_click_selects_a_box_or_a_bin_entry() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let click = |x, y| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    let mut app = sample_app(AmbiWidth::Single);
    draw(&mut app, 200, 60);
    // Page 3, text zoom: jinyuan-ten-projects stands in columns 4–5 (cells 84–137 of the page,
    // which starts 6 cells from the left), lines 1–11 (rows 3–13, under the column numbers
    // and the free lines).
    app.update(click(6 + 90, 5));
    assert_eq!(app.selected.as_deref(), Some("jinyuan-ten-projects"));
    assert_eq!(app.focus, Focus::Page);
    // The bin is the right-hand 34 columns; its second entry is on rows 4–5.
    app.update(click(200 - 20, 4));
    assert_eq!((app.focus, app.bin_cursor), (Focus::Bin, 1));
    // A click on empty page selects nothing new.
    app.update(click(6 + 90, 40));
    assert_eq!(app.selected.as_deref(), Some("jinyuan-ten-projects"));
    // In the plan zoom at 200×60 a column is 19 cells and a gutter 1, after the 5-cell ruler:
    // column 6 starts at cell 5 + 5 × 20 = 105; its box, yangqu-livelihood, starts at line 1.
    press(&mut app, "Tab z");
    draw(&mut app, 200, 60);
    app.update(click(110, 3));
    assert_eq!((app.focus, app.selected.as_deref()), (Focus::Page, Some("yangqu-livelihood")));
}

/// Found from outside: under "the layout changed on disk", Ctrl-s and `j` did nothing and the
/// status line still said what the last key before the question had done. The question
/// stands, and the status line says it waits.
#[test]
fn a_key_that_answers_no_question_says_the_question_waits() {
    let mut app = sample_app(AmbiWidth::Single);
    // (Under the quit question `s`, Ctrl-s too, saves and quits: it answers.)
    let their = Overlay::TheirLayout { file: "x.layout.ron".into(), merge: false };
    for (overlay, keys) in [(Overlay::ConfirmQuit, ["j", "x"]), (their, ["j", "C-s"])] {
        app.overlay = overlay.clone();
        app.message = None;
        for key in keys {
            let effects = press(&mut app, key);
            assert!(effects.is_empty(), "{key}: {effects:?}");
            assert_eq!(app.overlay, overlay, "{key}: the question stands");
            let status = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
            assert!(status.starts_with("The question above waits for an answer"), "{key}: {status}");
        }
    }
    // Found from outside: after `n` put the quit question off, "the question above waits"
    // stayed, with no question open; the status line goes back to the keys that work now.
    app.overlay = Overlay::ConfirmQuit;
    press(&mut app, "x");
    press(&mut app, "n");
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.message, None, "nothing stale is said");
}

/// Found from outside: under the recovery question (keys did nothing) a drag moved a box and
/// made the desk unsaved; and a click on a box half scrolled off left it so.
#[test]
fn the_mouse_waits_for_a_question_and_a_click_brings_the_box_into_view() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let at = |kind, x, y| Msg::Mouse(MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE });
    let (down, up) = (MouseEventKind::Down(MouseButton::Left), MouseEventKind::Up(MouseButton::Left));
    let mut app = sample_app(AmbiWidth::Single);
    draw(&mut app, 200, 60);
    let before = placement(&app, "jinyuan-ten-projects");
    app.overlay = Overlay::ConfirmQuit;
    app.update(at(down, 6 + 90, 5));
    app.update(at(up, 6 + 90, 30));
    assert_eq!(placement(&app, "jinyuan-ten-projects"), before, "nothing moved");
    assert!(!app.is_dirty());
    assert_eq!(app.overlay, Overlay::ConfirmQuit, "the question stands");
    app.overlay = Overlay::None;
    // At 80 columns, scrolled right, jinyuan-livable (columns 1–3) is half out of sight; a
    // click on it (no drag) brings its left edge back.
    draw(&mut app, 80, 24);
    app.scroll_x = 30;
    app.update(at(down, 10, 6));
    app.update(at(up, 10, 6));
    assert_eq!(app.selected.as_deref(), Some("jinyuan-livable"));
    assert_eq!(app.scroll_x, 0, "in view");
}

// ---------------------------------------------------------------------------------------
/// The cell in reverse video on the command line is the cursor: it shows the character the
/// cursor stands on, a wide one at the right edge of a scrolled line too (found from outside:
/// at 40 columns `事` under the cursor was a reversed blank).
#[test]
fn the_command_line_cursor_shows_the_character_under_it() {
    let mut app = sample_app(AmbiWidth::Single);
    app.update(Msg::Resize(40, 10));
    press(&mut app, ":");
    let typed = "find 晋源区要办好十件民生实事晋源区要办好十件民生实事";
    app.update(Msg::Paste(typed.to_string()));
    for (keys, under) in [("End Left", "事"), ("Left", "实"), ("Home", "f"), ("End", " ")] {
        press(&mut app, keys);
        let terminal = draw(&mut app, 40, 10);
        let buf = terminal.backend().buffer();
        let row = buf.area.height - 1;
        let cursor: Vec<u16> = (0..buf.area.width)
            .filter(|&x| buf[(x, row)].modifier.contains(ratatui::style::Modifier::REVERSED))
            .collect();
        let shown = screen(&terminal);
        assert_eq!(cursor.len(), 1, "{keys}: one cursor cell\n{shown}");
        let symbol = buf[(cursor[0], row)].symbol();
        assert!(symbol == under || (under == " " && symbol == "_"), "{keys}: {symbol:?} under the cursor\n{shown}");
        assert!(cursor[0] + u16::try_from(symbol.width()).unwrap() <= buf.area.width, "{keys}: in sight\n{shown}");
    }
}

// Faults: a paste, a tiny terminal, a huge id, a journal that cannot be written.

/// A pasted story holds `J`, `u`, `e`, `q` and `y`: as keys it would move, undo, export and
/// quit discarding the work. As a paste it changes nothing and is said.
#[test]
fn a_paste_is_never_read_as_keys() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "J");
    let before = app.makeup.to_layout("s.ron");
    let story = "本报讯 JLuue qy 记者 Ctrl-s\n".repeat(4000);
    let effects = app.update(Msg::Paste(story.clone()));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.makeup.to_layout("s.ron"), before);
    assert!(app.is_dirty() && !app.quit);
    let status = app.message.as_ref().unwrap().status.clone();
    assert_eq!(status, Status::PasteIgnored { chars: story.chars().count() });
}

/// Found from outside: a paste into the `:` line or the headline line vanished without a word.
/// It types its lines in as one (no control characters), and runs nothing; Enter then runs it
/// as typed. Found from outside too: a paste of two lines kept the first without a word; the
/// lines join, with nothing between Chinese characters and a space between Latin words.
#[test]
fn a_paste_into_the_command_or_headline_line_types_its_lines_as_one() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, ":");
    // tmux and most terminals send the line breaks of a paste as carriage returns.
    let effects = app.update(Msg::Paste("find snow\u{7}\r  clearing\r".to_string()));
    assert!(effects.is_empty() && app.prompt.open, "a paste runs nothing");
    assert_eq!(app.prompt.input.value(), "find snow clearing");
    press(&mut app, "C-u");
    app.update(Msg::Paste("find snow-clearing\u{7}\r".to_string()));
    assert_eq!(app.prompt.input.value(), "find snow-clearing");
    press(&mut app, "Enter");
    assert_eq!(app.selection().map(|p| p.item), Some("snow-clearing".to_string()));
    press(&mut app, "r C-u");
    app.update(Msg::Paste("\n冰雪路上\r\n交警忙\n".to_string()));
    assert!(app.prompt.open, "a paste runs nothing");
    assert_eq!(app.prompt.input.value(), "冰雪路上交警忙");
    press(&mut app, "Enter");
    let headline = app.makeup.placements(4).into_iter().find(|p| p.item == "snow-clearing").unwrap().headline;
    assert_eq!(headline.as_deref(), Some("冰雪路上交警忙"));
}

/// Found from outside: after `:page 9` (no such page) then `:page 4`, and after PgUp on the
/// first page then PgDn, the status still said what the earlier key had.
#[test]
fn the_status_says_nothing_of_an_earlier_key() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, ": p a g e Space 9 Enter");
    assert!(app.message.is_some());
    press(&mut app, ": p a g e Space 4 Enter");
    assert_eq!((app.page_number(), app.message.clone()), (4, None));
    press(&mut app, "PgUp PgUp");
    assert!(app.message.is_some(), "there is no page before the first");
    press(&mut app, "PgDn");
    assert_eq!((app.page_number(), app.message.clone()), (4, None));
}

/// Found from outside: with the layout's folder unwritable, "not saved" was replaced within a
/// second by "recovery file not written", said again every second; and once the recovery file
/// could be written again, the warning stayed. It is said when nothing else is.
#[test]
fn a_recovery_file_not_written_never_covers_another_message_and_is_taken_back_once_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(AmbiWidth::Single);
    app.doc.spare_dir = None;
    // A file where the layout's folder should be: no recovery file can be written beside it.
    std::fs::write(dir.path().join("gone"), "").unwrap();
    app.doc.layout_path = dir.path().join("gone").join("p.layout.ron");
    press(&mut app, "J");
    assert!(pasteup::tui::run::journal_now(&mut app));
    assert!(matches!(app.message.as_ref().unwrap().status, Status::JournalNotWritten { .. }));
    press(&mut app, "J");
    let error = pasteup_core::format::SaveError { file: "x".into(), why: pasteup_core::format::SaveTrouble::ReadOnly };
    app.say(Status::NotSaved { error }, pasteup::tui::app::Tone::Warning);
    pasteup::tui::run::journal_now(&mut app);
    assert!(matches!(app.message.as_ref().unwrap().status, Status::NotSaved { .. }), "the failed save stays said");
    // A key clears the status; while the recovery file still cannot be written it says so again.
    press(&mut app, "J");
    assert_eq!(app.message, None);
    pasteup::tui::run::journal_now(&mut app);
    assert!(matches!(app.message.as_ref().unwrap().status, Status::JournalNotWritten { .. }));
    std::fs::remove_file(dir.path().join("gone")).unwrap();
    std::fs::create_dir(dir.path().join("gone")).unwrap();
    press(&mut app, "J");
    app.say(Status::JournalNotWritten { error: "earlier".into() }, pasteup::tui::app::Tone::Warning);
    pasteup::tui::run::journal_now(&mut app);
    assert_eq!(app.message, None, "written now: the warning is taken back");
}

/// Found from outside: `pasteup ISSUE --layout NEW.layout.ron` was refused ("cannot open"),
/// where the editor without `--layout` starts with every item in the bin. A layout named that
/// does not exist yet is a new one (said so); the commands that only read one still refuse it.
#[test]
fn a_layout_named_that_does_not_exist_yet_opens_as_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let issue = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/taiyuan-2023-02-10.ron");
    let new = dir.path().join("night.layout.ron");
    let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&new)).unwrap();
    assert!(!opened.layout_found && opened.layout.pages.iter().all(|p| p.placements.is_empty()));
    use pasteup_core::catalogue::Render;
    let said: Vec<String> = opened.warnings.iter().map(|w| w.render(UiLang::En)).collect();
    assert!(said.iter().any(|w| w.contains("night.layout.ron: a new layout")), "{said:?}");
    let said: Vec<String> = opened.warnings.iter().map(|w| w.render(UiLang::ZhHans)).collect();
    assert!(said.iter().any(|w| w.contains("night.layout.ron：新版面")), "{said:?}");
    assert!(pasteup_core::document::open(Some(&issue), Some(&new)).is_err());
    let app = editor(&opened, AmbiWidth::Single);
    assert_eq!(app.makeup.bin().len(), app.makeup.issue().items.len());
    // No new file where one cannot be written: through a file, or a link into a missing folder.
    std::fs::write(dir.path().join("afile"), "").unwrap();
    let through_a_file = dir.path().join("afile").join("n.layout.ron");
    assert!(pasteup_core::document::open_to_edit(Some(&issue), Some(&through_a_file)).is_err());
    #[cfg(unix)]
    {
        let link = dir.path().join("dangling.layout.ron");
        std::os::unix::fs::symlink(dir.path().join("nowhere").join("x.ron"), &link).unwrap();
        assert!(pasteup_core::document::open_to_edit(Some(&issue), Some(&link)).is_err());
        // Found from outside: a link to a file not written yet, in a folder that is there,
        // was refused, though saving writes a link's target.
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let link = dir.path().join("tonight.layout.ron");
        std::os::unix::fs::symlink("sub/target.layout.ron", &link).unwrap();
        let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&link)).unwrap();
        assert!(!opened.layout_found);
    }
}

/// Found from outside: plan zoom with the bin hidden at 80×24 read `free71 free  71 free`,
/// each column's words run into the label and the next. Too tight, a column says its number.
#[test]
fn the_free_row_never_runs_words_together() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "z b");
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let text = screen(&draw(&mut app, w, h));
        let row = text.lines().find(|l| l.trim_start().starts_with("free")).unwrap().to_string();
        assert!(!row.contains("free7") && !row.contains("freefree"), "{w}×{h}: {row}");
        assert!(row.contains("71"), "{w}×{h}: {row}");
    }
}

/// Found from outside: at 40×10 the help listed 24 of the keys with no way to see the rest.
/// Too small for one screen, it is shown a screen at a time, `j` and `k` turning.
#[test]
fn the_help_shows_every_key_a_screen_at_a_time_on_a_small_terminal() {
    let mut app = sample_app(AmbiWidth::Single);
    draw(&mut app, 40, 10);
    press(&mut app, "?");
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&draw(&mut app, 40, 10)));
        press(&mut app, "j");
    }
    assert!(matches!(app.overlay, Overlay::Help { .. }), "j turns, it does not close");
    for (key, _) in pasteup::tui::keys::help_entries(UiLang::En) {
        assert!(seen.contains(&format!("│ {key} ")), "{key} never shown");
    }
    assert!(seen.contains("j k: more"));
    press(&mut app, "k q");
    assert_eq!(app.overlay, Overlay::None, "another key closes it");
    assert!(!app.quit);
    // On one screen any key closes it, j as well, as before.
    draw(&mut app, 160, 50);
    press(&mut app, "? j");
    assert_eq!(app.overlay, Overlay::None);
}

/// Found from outside: a question wider than the screen (the recovery question at 80×24) was
/// cut, losing the pid, the age and "1 more". It is broken into lines.
#[test]
fn a_question_wider_than_the_screen_is_broken_into_lines() {
    let mut app = sample_app(AmbiWidth::Single);
    app.overlay = Overlay::Recovery {
        file: "taiyuan-2023-02-10.layout.ron".into(),
        age_secs: Some(125),
        by: Some("night-editor@desk-terminal-07 pid 4242917".into()),
        more: 1,
        saved_after: false,
        after_newer: false,
        damaged: None,
    };
    let text: String = screen(&draw(&mut app, 80, 24)).split_whitespace().collect::<Vec<_>>().join(" ");
    let joined = text.replace("│ │", "").replace("│", "");
    assert!(joined.contains("4242917"), "{text}");
    assert!(joined.contains("1 more"), "{text}");
}

/// At 30×8 the screen says only "too small": no key may move, save or quit unseen.
#[test]
fn keys_below_the_minimum_size_change_nothing() {
    let mut app = sample_app(AmbiWidth::Single);
    let before = app.makeup.to_layout("s.ron");
    draw(&mut app, 30, 8);
    let effects = press(&mut app, "L J + C-s e Tab Enter u q");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.makeup.to_layout("s.ron"), before);
    assert!(!app.is_dirty() && app.overlay == Overlay::None);
    // Back at a usable size, keys work again.
    draw(&mut app, 120, 40);
    press(&mut app, "L");
    assert!(app.is_dirty());
}

/// The inspector's row of the screen: the second-to-last.
fn inspector_row(app: &mut App, w: u16, h: u16) -> String {
    let text = screen(&draw(app, w, h));
    text.lines().nth(usize::from(h) - 2).unwrap_or_default().to_string()
}

/// Found from outside: the box's badge said `fits past foot` and the inspector only `fits`.
/// The inspector gives the fit as the badge does, in both languages.
#[test]
fn the_inspector_says_past_foot_as_the_badge_does() {
    let mut app = sample_app(AmbiWidth::Single);
    assert_eq!(app.selection().map(|p| p.item), Some("jinyuan-livable".to_string()));
    press(&mut app, "9 9 J");
    let row = inspector_row(&mut app, 120, 40);
    assert!(
        row.starts_with(" jinyuan-livable · columns 1–3 · lines 100–128 · depth auto · needs 29 · fits past foot  |"),
        "{row}"
    );
    app.lang = UiLang::ZhHans;
    let row = inspector_row(&mut app, 120, 40);
    assert!(row.contains("需 29 行 · 合适 超出版底"), "{row}");
}

/// Found from outside: a long id pushed the fit off the end of the inspector at 120 columns
/// (`ai-conference-…-very-long-id · columns 3–4 · lines 1–13 · depth auto · needs 1…`). The
/// id is shortened, with `…`, before the fit is.
#[test]
fn a_long_id_is_shortened_before_the_inspector_drops_the_fit() {
    let mut opened = builtin_sample();
    let mut long = opened.issue.items[0].clone();
    let id = "ai-conference-2026-world-artificial-intelligence-shanghai-forum-very-long-id";
    match &mut long {
        pasteup_core::model::Item::Article(a) => a.id = id.to_string(),
        other => panic!("the sample's first item is an article: {other:?}"),
    }
    opened.issue.items.push(long);
    let mut app = editor(&opened, AmbiWidth::Single);
    let said = command(&mut app, &format!("place {id} column 6 line 60 span 3"));
    assert!(said.starts_with("Placed ai-conference"), "{said}");
    let row = inspector_row(&mut app, 120, 40);
    assert!(row.starts_with(" ai-conference-2026-world-artificial-intelligence-"), "{row}");
    assert!(row.contains("…"), "the id cut: {row}");
    assert!(row.ends_with(" · columns 6–8 · lines 60–88 · depth auto · needs 29 · fits"), "{row}");
}

/// The sample with a long-id copy of its first article placed at column 4, line 30 of page 3
/// and selected.
fn long_id_app(lang: UiLang) -> App {
    let mut opened = builtin_sample();
    let mut long = opened.issue.items[0].clone();
    match &mut long {
        pasteup_core::model::Item::Article(a) => a.id = LONG_ID.to_string(),
        other => panic!("the sample's first item is an article: {other:?}"),
    }
    opened.issue.items.push(long);
    let mut app = editor(&opened, AmbiWidth::Single);
    let said = command(&mut app, &format!("place {LONG_ID} column 4 line 30"));
    assert!(said.starts_with("Placed chunyun"), "{said}");
    app.lang = lang;
    app
}

const LONG_ID: &str = "chunyun-railway-passenger-flow-record-high-2023-second-week-extra-long";

/// Found from outside: the inspector cut the box's fit and kept a long id whole (`… · +7
/// short, cut 1 senten…` at 120 columns, `余 5…` in Chinese at 160, `… · needs 8…` with `past
/// foot` gone at 100). The fit stays whole, `past foot` and the cut with it; the id gives way
/// first, with `…`, then the fields that matter least, in both languages and at every width.
#[test]
fn the_inspector_keeps_the_fit_whole_and_shortens_the_id() {
    let mut rows = String::new();
    for lang in [UiLang::En, UiLang::ZhHans] {
        let (cut, short_cut, past_foot) = match lang {
            UiLang::En => {
                ("+7 short, cut 1 sentence (48 chars)", ", cut 1 sentence (48 chars)", "short past foot, cut 1")
            }
            _ => ("余 7 行，删去 1 句（48 字）", "，删去 1 句（48 字）", "行 超出版底，删去 1 句"),
        };
        for width in [100, 120, 160] {
            let mut app = sample_app(AmbiWidth::Single);
            app.lang = lang;
            press(&mut app, "l 5 ] c");
            let row = inspector_row(&mut app, width, 40);
            assert!(row.contains(&format!(" · {cut}  |  ")), "{lang:?} {width}: {row}");
            rows.push_str(&format!("{lang:?} {width} cut:      {row}\n"));
            press(&mut app, "9 9 9 9 J");
            let row = inspector_row(&mut app, width, 40);
            assert!(row.contains(past_foot) && row.contains(&format!("{short_cut}  |  ")), "{lang:?} {width}: {row}");
            rows.push_str(&format!("{lang:?} {width} foot:     {row}\n"));
            let mut app = long_id_app(lang);
            press(&mut app, "c");
            // The cut's message, long for the long id, would take two rows.
            app.message = None;
            let row = inspector_row(&mut app, width, 40);
            // Whole where the row has room for it, else cut with `…`.
            let whole = row.contains(LONG_ID);
            assert_eq!(whole, width == 160, "{lang:?} {width}: {row}");
            assert!(row.starts_with(" chunyun-") && (whole || row.contains("…")), "{lang:?} {width}: {row}");
            let fit = if lang == UiLang::En {
                "fits, cut 1 sentence (107 chars)"
            } else {
                "合适，删去 1 句（107 字）"
            };
            assert!(row.ends_with(&format!(" · {fit}")), "{lang:?} {width}, the fit whole: {row}");
            rows.push_str(&format!("{lang:?} {width} long id:  {row}\n"));
        }
    }
    insta::assert_snapshot!(rows);
}

/// An id of 65,536 characters once panicked the text export ("Formatting argument out of
/// range") and with it the editor's `e`.
#[test]
fn e_with_a_65536_character_id_exports() {
    let dir = SampleDir::new();
    let mut opened = sample_in(dir.path());
    let mut long = opened.issue.items[0].clone();
    let id = "长".repeat(65_536);
    match &mut long {
        pasteup_core::model::Item::Article(a) => a.id = id.clone(),
        other => panic!("the sample's first item is an article: {other:?}"),
    }
    opened.issue.items.push(long);
    let mut app = editor(&opened, AmbiWidth::Single);
    let effects = press(&mut app, "e");
    run_effects(&mut app, effects);
    let text = std::fs::read_to_string(dir.path().join("s.proof.txt")).unwrap();
    let row = text.lines().find(|l| l.contains(&id)).unwrap();
    // Other bin rows are not padded out to the long id.
    let widest = text.lines().filter(|l| !l.contains(&id)).map(|l| l.width()).max().unwrap();
    assert!(widest < 400, "a row {widest} cells wide");
    assert!(row.width() > 131_072);
}

/// A journal that cannot be written (disk full; here a folder stands where it goes, which
/// stops root too) is said in the status line at once.
#[test]
fn a_journal_that_cannot_be_written_is_said_at_once() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    app.doc.spare_dir = None;
    let journal = pasteup_core::journal::journal_path(&opened.layout_path);
    std::fs::create_dir_all(journal.join("blocked")).unwrap();
    press(&mut app, "L");
    assert!(pasteup::tui::run::journal_now(&mut app));
    let message = app.message.clone().unwrap();
    assert!(matches!(message.status, Status::JournalNotWritten { .. }), "{:?}", message.status);
    // With a spare folder, the journal goes there, and the status says where, once.
    let spare = dir.path().join("state");
    app.doc.spare_dir = Some(spare.clone());
    press(&mut app, "L");
    assert!(pasteup::tui::run::journal_now(&mut app));
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    // Said as what it is: a folder in the way, not a folder that cannot be written (found
    // from outside: a save there works).
    assert!(said.starts_with("A folder stands where the recovery file goes (s.layout.ron.recover."), "{said}");
    assert!(said.ends_with("; Ctrl-s saves as ever"), "{said}");
    let in_spare = pasteup_core::journal::spare_journal_path(&opened.layout_path, Some(&spare)).unwrap();
    assert!(in_spare.is_file());
    press(&mut app, "L");
    assert!(pasteup::tui::run::journal_now(&mut app));
    assert!(!matches!(app.message.as_ref().map(|m| &m.status), Some(Status::JournalInTheWay { .. })), "said once");
    // Once it can be written beside the layout again, it is, and the spare one goes.
    std::fs::remove_dir_all(&journal).unwrap();
    press(&mut app, "L");
    assert!(pasteup::tui::run::journal_now(&mut app));
    assert!(journal.is_file());
    assert!(!in_spare.exists());
}

/// Found from outside: at 100 columns, a box in the page's right columns scrolls the page
/// sideways; the terminal made wider kept that scroll, the left columns out of sight and the
/// right of the screen blank. Wider, the view shows the whole page again.
#[test]
fn a_wider_terminal_brings_the_scrolled_off_columns_back() {
    let mut app = sample_app(AmbiWidth::Single);
    draw(&mut app, 100, 30);
    press(&mut app, "l l");
    let narrow = screen(&draw(&mut app, 100, 30));
    assert!(app.scroll_x > 0, "the box's columns are scrolled into sight:\n{narrow}");
    let wide = screen(&draw(&mut app, 300, 60));
    assert_eq!(app.scroll_x, 0, "the whole page fits at 300 columns:\n{wide}");
    let ruler = wide.lines().find(|l| l.contains("line")).unwrap_or_default();
    assert!(ruler.contains(" 1 ") && ruler.contains(" 8"), "every column is numbered: {ruler}");
}

/// Found from outside: a change journalled, then undone back to what is saved, left the
/// recovery file behind; killed then, the editor's next start offered the undone change back
/// as unsaved work. Undone to the saved layout, the desk keeps no recovery file.
#[test]
fn undoing_back_to_the_saved_layout_removes_the_recovery_file() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    let journal = pasteup_core::journal::journal_path(&opened.layout_path);
    press(&mut app, "J");
    assert!(pasteup::tui::run::journal_now(&mut app));
    assert!(journal.is_file(), "the change is journalled");
    press(&mut app, "u");
    assert!(!app.is_dirty(), "undone to what is saved");
    assert!(pasteup::tui::run::journal_now(&mut app));
    assert!(!journal.exists(), "nothing unsaved is left to offer back");
    assert!(!pasteup::tui::run::journal_now(&mut app), "nothing more to do");
    // Redone, the change is unsaved again and journalled again.
    press(&mut app, "C-r");
    assert!(app.is_dirty());
    assert!(pasteup::tui::run::journal_now(&mut app));
    assert!(journal.is_file());
}

/// The copy desk drops a page from the issue while the editor shows it: the editor goes to a
/// page the issue has, and the placements that went to the bin make the desk unsaved.
#[test]
fn a_reload_that_drops_the_page_shown_moves_to_a_page_the_issue_has() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "PgDn");
    assert_eq!(app.page, 1);
    let mut issue = app.makeup.issue().clone();
    issue.pages.truncate(1);
    let (makeup, changes) = pasteup_core::reload::reload(&app.makeup, issue, &mut app.doc.held);
    assert!(changes.pages_changed);
    assert!(changes.dropped, "page 4's boxes went to the bin");
    app.replace_makeup(makeup, changes.dropped);
    assert_eq!(app.page, 0);
    assert!(app.is_dirty());
    draw(&mut app, 120, 40);
}

/// The editor's own save changes the layout on disk, but it is not another program's: the
/// next look at the disk asks nothing. Another program's save after it is asked about.
#[test]
fn our_own_save_is_not_taken_for_another_programs() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    let effects = press(&mut app, "L C-s");
    run_effects(&mut app, effects);
    assert!(!app.is_dirty());
    pasteup::tui::run::look_at_disk(&mut app);
    assert_eq!(app.overlay, Overlay::None);
    // Found from outside: another editor saving the same layout was asked about. The same
    // placements written again (a blank line more) is no change.
    let text = std::fs::read_to_string(&opened.layout_path).unwrap();
    std::fs::write(&opened.layout_path, format!("{text}\n")).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    assert_eq!(app.overlay, Overlay::None);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, text.replacen("line: 1,", "line: 2,", 1)).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    assert!(matches!(app.overlay, Overlay::TheirLayout { merge: false, .. }), "{:?}", app.overlay);
    // Found from outside: `n` left the `Saved …` of before on the status line.
    press(&mut app, "n");
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.starts_with("Kept your layout; Ctrl-s asks before it writes over "), "{said}");
}

#[test]
fn in_the_plan_zoom_a_box_starting_in_the_row_another_ends_in_keeps_its_headline() {
    // At 120×60 a row of the plan zoom is two lines of the page: a box over lines 1–71 ends
    // in the row where the notice from line 72 begins; the notice's title must show.
    let mut opened = builtin_sample();
    let page = opened.layout.pages.iter_mut().find(|p| p.number == 4).unwrap();
    page.placements = vec![
        Placement::new("petition-notice", 1, 2, 72, Depth::Auto),
        Placement::new("traffic-police", 1, 2, 1, Depth::Fixed(71)),
    ];
    let title: String = opened.issue.item("petition-notice").unwrap().title().chars().take(4).collect();
    let mut app = editor(&opened, AmbiWidth::Single);
    press(&mut app, "z PgDn");
    let shown = screen(&draw(&mut app, 120, 60));
    assert!(shown.contains(&title), "{title} in\n{shown}");
}

/// Found from outside: in a folder that cannot be written, Ctrl-s failed and `:w FILE` was
/// refused ("takes nothing after it"): the work could live in memory only. `:w FILE` writes
/// a copy elsewhere, naming the issue from there; the open layout stays unsaved.
#[test]
fn w_file_writes_a_copy_elsewhere() {
    let dir = SampleDir::new();
    std::fs::write(dir.path().join("afile"), "").unwrap();
    let mut opened = sample_in(dir.path());
    opened.layout_path = dir.path().join("afile").join("s.layout.ron");
    let mut app = editor(&opened, AmbiWidth::Single);
    let effects = press(&mut app, "L C-s");
    run_effects(&mut app, effects);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    // The way out first (found from outside: a narrow terminal cut it off the end, and the
    // docs had it first), then the reason, the file last.
    assert!(said.starts_with("Not saved (:w FILE writes a copy elsewhere): "), "{said}");
    assert!(said.contains("afile is not a folder"), "{said}");
    let shown = screen(&draw(&mut app, 40, 10));
    assert!(shown.contains(":w FILE writes a copy"), "{shown}");
    std::fs::create_dir(dir.path().join("safe")).unwrap();
    let copy = dir.path().join("safe").join("night.layout.ron");
    press(&mut app, ":");
    app.update(Msg::Paste(format!("w {}", copy.display())));
    let effects = press(&mut app, "Enter");
    assert_eq!(effects, [Effect::SaveCopy { path: copy.clone(), force: false }]);
    run_effects(&mut app, effects);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.starts_with("Wrote a copy to "), "{said}");
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(text.contains(r#"issue: "../s.ron""#), "{text}");
    let layout = pasteup_core::format::parse_layout(&copy, &text).unwrap();
    assert_eq!(layout.pages, app.makeup.to_layout("x").pages);
    assert!(app.is_dirty(), "the open layout is not saved by a copy");
    // Found from outside: `:w` over a file already there (a photo of the issue) wrote over it.
    // As vim's: only `:w! FILE` does.
    std::fs::write(&copy, "kept").unwrap();
    for (command, kept) in [("w", true), ("w!", false)] {
        press(&mut app, ":");
        app.update(Msg::Paste(format!("{command} {}", copy.display())));
        let effects = press(&mut app, "Enter");
        run_effects(&mut app, effects);
        assert_eq!(std::fs::read_to_string(&copy).unwrap() == "kept", kept, "{command}");
    }
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.starts_with("Wrote a copy to "), "{said}");
    // `:q` and the rest still take nothing after them.
    assert!(":q now".parse::<pasteup_core::layout::Command>().is_err());
    // Found from outside: `:w /tmp` said "/tmp exists; :w! /tmp writes over it", and `:w!`
    // then failed; a folder is said as one. And `~/` is the home folder, as in a shell.
    let safe = dir.path().join("safe");
    let said = |app: &App| pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    for command in ["w", "w!"] {
        press(&mut app, ":");
        app.update(Msg::Paste(format!("{command} {}", safe.display())));
        let effects = press(&mut app, "Enter");
        run_effects(&mut app, effects);
        assert!(said(&app).contains("safe is a folder; name a file in it: :w "), "{}", said(&app));
    }
    use pasteup::tui::run::home_expanded;
    use std::path::{Path, PathBuf};
    let home = Some(PathBuf::from("/home/ed"));
    assert_eq!(home_expanded(Path::new("~/p.layout.ron"), home.clone()), Path::new("/home/ed/p.layout.ron"));
    assert_eq!(home_expanded(Path::new("~"), home.clone()), Path::new("/home/ed"));
    assert_eq!(home_expanded(Path::new("~ed/p.ron"), home.clone()), Path::new("~ed/p.ron"));
    assert_eq!(home_expanded(Path::new("a/~/p.ron"), home), Path::new("a/~/p.ron"));
    assert_eq!(home_expanded(Path::new("~/p.ron"), None), Path::new("~/p.ron"));
}

/// Found from outside: `:w LINK` where the link leads to no file yet said "LINK exists; :w!
/// LINK writes over it". No file is there: the copy is written where the link leads, the link
/// kept, as a save through a dangling link makes its file.
#[cfg(unix)]
#[test]
fn w_file_through_a_dangling_link_writes_where_it_leads() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    let link = dir.path().join("dl.layout.ron");
    std::os::unix::fs::symlink("nothere.layout.ron", &link).unwrap();
    press(&mut app, ":");
    app.update(Msg::Paste(format!("w {}", link.display())));
    let effects = press(&mut app, "Enter");
    run_effects(&mut app, effects);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.starts_with("Wrote a copy to "), "{said}");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is kept");
    assert!(dir.path().join("nothere.layout.ron").is_file());
}

/// Found from outside: in a Chinese editor `:w FILE` refused a folder, a file already there
/// and the issue in English; they are pasteup's own advice, not the system's words.
#[test]
fn w_file_refusals_are_in_the_interface_language() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    app.lang = UiLang::ZhHans;
    let there = dir.path().join("there.layout.ron");
    std::fs::write(&there, "kept").unwrap();
    let folder = dir.path().to_path_buf();
    let issue = dir.path().join("s.ron");
    for (target, english) in [(&there, "exists"), (&folder, "is a folder"), (&issue, "is the issue")] {
        press(&mut app, ":");
        app.update(Msg::Paste(format!("w {}", target.display())));
        let effects = press(&mut app, "Enter");
        run_effects(&mut app, effects);
        let status = &app.message.as_ref().unwrap().status;
        let zh = pasteup_core::catalogue::Render::render(status, UiLang::ZhHans);
        let en = pasteup_core::catalogue::Render::render(status, UiLang::En);
        assert!(zh.starts_with("未另存：") && !zh.contains(english), "{zh}");
        assert!(zh.contains(&target.display().to_string()), "{zh}");
        assert!(en.contains(english), "{en}");
    }
    assert_eq!(std::fs::read_to_string(&there).unwrap(), "kept");
}

/// Found from outside: one Ctrl-s dropped every merge note in the layout, those the editor
/// never showed too; they are the only record of what the other side did. Saving asks first.
#[test]
fn saving_asks_before_it_drops_a_merges_notes() {
    let dir = SampleDir::new();
    let mut opened = sample_in(dir.path());
    let note = |item: &str| pasteup_core::model::Conflict { item: item.into(), note: "both changed it".into() };
    opened.layout.conflicts = vec![note("snow-traffic"), note("jinyuan-ten-projects")];
    opened.layout.issue = "s.ron".into();
    pasteup_core::format::save_layout(&opened.layout_path, &opened.layout).unwrap();
    opened.layout_found = true;
    let mut app = editor(&opened, AmbiWidth::Single);
    app.overlay = Overlay::None;
    let effects = press(&mut app, "L C-s");
    run_effects(&mut app, effects);
    assert_eq!(app.overlay, Overlay::ConfirmDropNotes { notes: 2, first: "snow-traffic".into() });
    let shown = screen(&draw(&mut app, 100, 30));
    assert!(shown.contains("merge notes"), "{shown}");
    let effects = press(&mut app, "n");
    run_effects(&mut app, effects);
    assert!(app.is_dirty(), "not saved");
    assert!(std::fs::read_to_string(&opened.layout_path).unwrap().contains("conflicts: ["));
    for key in ["C-s", "y"] {
        let effects = press(&mut app, key);
        run_effects(&mut app, effects);
    }
    assert!(!app.is_dirty(), "{:?}", app.message);
    assert!(!std::fs::read_to_string(&opened.layout_path).unwrap().contains("conflicts"), "decided");
    let effects = press(&mut app, "H C-s");
    run_effects(&mut app, effects);
    assert_eq!(app.overlay, Overlay::None, "no notes left to ask about");
    assert!(!app.is_dirty(), "{:?}", app.message);
    // Found in review: after "changed on disk?" was answered y, the notes were dropped
    // unasked. Each question is asked on its own.
    let mut opened = sample_in(dir.path());
    opened.layout.conflicts = vec![note("snow-traffic")];
    opened.layout.issue = "s.ron".into();
    pasteup_core::format::save_layout(&opened.layout_path, &opened.layout).unwrap();
    opened.layout_found = true;
    let mut other = editor(&opened, AmbiWidth::Single);
    other.overlay = Overlay::None;
    // Another program's change (a file only touched, or written the same, asks nothing).
    let text = std::fs::read_to_string(&opened.layout_path).unwrap();
    std::fs::write(&opened.layout_path, text.replacen("line: 1,", "line: 3,", 1)).unwrap();
    let effects = press(&mut other, "L C-s");
    run_effects(&mut other, effects);
    assert!(matches!(other.overlay, Overlay::ConfirmOverwrite(_)), "{:?}", other.overlay);
    let effects = press(&mut other, "y");
    run_effects(&mut other, effects);
    assert!(matches!(other.overlay, Overlay::ConfirmDropNotes { .. }), "{:?}", other.overlay);
}

/// Found from outside: a layout with two boxes overlapping (saved so, or a box an issue reload
/// deepened) opened without a word, and nothing on the screen said so. The first message says
/// it as `check` does, the page's summary counts it and the selected box names the other.
#[test]
fn overlapping_boxes_are_said_at_open_and_shown() {
    let mut opened = builtin_sample();
    let moved = &mut opened.layout.pages[0].placements[1];
    assert_eq!(moved.item, "jinyuan-ten-projects");
    moved.column = 3;
    let mut app = editor(&opened, AmbiWidth::Single);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.contains("\"jinyuan-livable\" and \"jinyuan-ten-projects\" overlap"), "{said}");
    app.message = None;
    let shown = screen(&draw(&mut app, 200, 40));
    let inspector = shown.lines().rev().nth(1).unwrap();
    assert!(inspector.trim_start().starts_with("jinyuan-livable · columns 1–3"), "{shown}");
    assert!(inspector.contains(" fits, overlaps jinyuan-ten-projects  |  "), "{inspector}");
    assert!(inspector.contains("|  page 3: 1 overlap, "), "{inspector}");
    // The next change on the page settles it: the lower box is pushed down.
    press(&mut app, "J");
    let overlaps =
        app.makeup.page_problems().iter().filter(|p| p.kind() == pasteup_core::problem::ProblemKind::Overlap).count();
    assert_eq!(overlaps, 0, "{:?}", app.makeup.page_problems());
    // The sample as it ships overlaps nothing: no word of it.
    let shown = screen(&draw(&mut sample_app(AmbiWidth::Single), 200, 40));
    assert!(!shown.contains("overlap"), "{shown}");
}

/// Found from outside: `x` on a page with two boxes overlapping settled them and said only
/// `… is back in the bin`, where `J` names the box it moved. It names it too.
#[test]
fn x_names_the_box_settling_the_overlap_pushed() {
    let mut opened = builtin_sample();
    opened.layout.pages[0].placements[1].column = 3;
    let mut app = editor(&opened, AmbiWidth::Single);
    app.focus = Focus::Page;
    app.selected = Some("yangqu-livelihood".into());
    press(&mut app, "x");
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert_eq!(said, "yangqu-livelihood is back in the bin; pushed down: jinyuan-ten-projects");
    assert_eq!(placement(&app, "jinyuan-ten-projects").3, placement(&app, "jinyuan-livable").3 + 29);
}

/// Found from outside: at 100×30 column 3, cut by the view's right edge, had its free lines
/// in the header and no number. Both stand over the part in sight.
#[test]
fn a_column_cut_by_the_right_edge_keeps_its_number() {
    let mut app = sample_app(AmbiWidth::Single);
    let shown = screen(&draw(&mut app, 100, 30));
    let header = shown.lines().nth(1).unwrap();
    let page = header.split('│').next().unwrap();
    assert_eq!(page.split_whitespace().collect::<Vec<_>>(), ["line", "1", "2", "3"], "{shown}");
    let free = shown.lines().nth(2).unwrap().split('│').next().unwrap();
    assert_eq!(free.split_whitespace().filter(|w| *w == "71").count(), 3, "{shown}");
}

/// Found from outside: the first message named the layout file and no place in it, where
/// `check` gives `file:line:col:`.
#[test]
fn the_first_problem_at_open_is_placed_as_check_places_it() {
    let root = env!("CARGO_MANIFEST_DIR");
    let issue = std::path::Path::new(root).join("layouts/taiyuan-2023-02-10.ron");
    let layout = std::path::Path::new(root).join("layouts/taiyuan-2023-02-10.overset.layout.ron");
    let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&layout)).unwrap();
    let app = editor(&opened, AmbiWidth::Single);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(
        said.contains("taiyuan-2023-02-10.overset.layout.ron:8:29: page 3: \"jinyuan-livable\" is overset"),
        "{said}"
    );
}

/// Found from outside: with the `:` line or the headline line open, Ctrl-z did nothing, and a
/// `fg` typed after it went into the line. It stops the editor whatever is open; the line waits.
#[test]
fn ctrl_z_stops_the_editor_with_a_line_open_and_the_line_waits() {
    for open in [": f i n d Space x i", "r"] {
        let mut app = sample_app(AmbiWidth::Single);
        press(&mut app, open);
        assert!(app.prompt.open, "{open}");
        let effects = press(&mut app, "C-z");
        assert!(effects.iter().any(|e| matches!(e, Effect::Suspend)), "{open}: {effects:?}");
        assert!(app.prompt.open, "{open}: the line waits for fg");
    }
}

/// Found from outside: after a recovery file was restored, the first box in reading order was
/// selected off the view's columns, and the view followed only at the next key.
#[test]
fn reselecting_after_a_restore_brings_the_selection_into_view() {
    let mut opened = builtin_sample();
    opened.layout.pages[0].placements[0].line = 3;
    let mut app = editor(&opened, AmbiWidth::Single);
    app.message = None;
    draw(&mut app, 120, 40);
    app.scroll_x = 0;
    app.reselect();
    // Drawn as the run loop draws after a restore: no resize comes first.
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let shown = screen(&terminal);
    let inspector = shown.lines().rev().nth(1).unwrap();
    assert!(inspector.trim_start().starts_with("jinyuan-ten-projects · columns 4–5"), "{shown}");
    assert!(app.scroll_x > 0, "the view scrolled to columns 4–5: {shown}");
    assert!(shown.contains("晋  源  区"), "the selected box's headline is in view: {shown}");
}

/// Found from outside: with part 2 of an article overlapping a box beside part 1, the
/// inspector on part 1 said it overlapped that box, and on the box it named the article, not
/// its part 2. Each box names the part it overlaps.
#[test]
fn the_inspector_names_the_part_that_overlaps() {
    use pasteup_core::model::{Depth, Placement};
    let mut opened = builtin_sample();
    let page = &mut opened.layout.pages[0];
    assert_eq!((page.number, page.placements[0].item.as_str()), (3, "jinyuan-livable"));
    let place = |item: &str, column, span, line, depth, part| Placement {
        item: item.into(),
        column,
        span,
        line,
        depth,
        part,
        continued: part == 1,
        ..page.placements[0].clone()
    };
    page.placements = vec![
        place("jinyuan-livable", 1, 3, 1, Depth::Fixed(10), 1),
        place("jinyuan-ten-projects", 4, 2, 1, Depth::Auto, 1),
        place("jinyuan-livable", 4, 2, 5, Depth::Auto, 2),
    ];
    let mut app = editor(&opened, AmbiWidth::Single);
    app.message = None;
    let shown = screen(&draw(&mut app, 200, 40));
    let inspector = shown.lines().rev().nth(1).unwrap();
    assert!(inspector.trim_start().starts_with("jinyuan-livable (part 1) · columns 1–3"), "{shown}");
    assert!(!inspector.contains("overlaps"), "part 1 overlaps nothing: {inspector}");
    press(&mut app, "l");
    let shown = screen(&draw(&mut app, 200, 40));
    let inspector = shown.lines().rev().nth(1).unwrap();
    assert!(inspector.contains("overlaps jinyuan-livable (part 2)"), "{inspector}");
}

/// Found from outside: with a long box description (overlaps, a cut) the page's totals were
/// cut mid-word (`… |  page 1: fit +0, 0 overset, 0 past fo`); the description gives way.
#[test]
fn the_page_totals_stay_whole_when_the_box_description_is_long() {
    let mut opened = builtin_sample();
    opened.layout.pages[0].placements[1].column = 3;
    for (lang, width, totals) in [
        (UiLang::En, 100, "|  page 3: 1 overlap"),
        (UiLang::En, 120, "|  page 3: 1 overlap"),
        (UiLang::ZhHans, 100, "|  第 3 版：重叠 1 处"),
    ] {
        let mut app = editor(&opened, AmbiWidth::Single);
        app.lang = lang;
        app.message = None;
        let shown = screen(&draw(&mut app, width, 40));
        let inspector = shown.lines().rev().nth(1).unwrap();
        assert!(inspector.ends_with(totals), "{width}: {inspector}");
        // The id gives way, the fit and the overlap it names stay whole.
        assert!(inspector.starts_with(" jinyuan… · "), "the description is shortened: {inspector}");
        assert!(inspector.contains("jinyuan-ten-projects"), "{inspector}");
        assert!(inspector.width() <= usize::from(width), "{inspector}");
    }
}

/// Found from outside: at 44 columns the inspector cut the name of the box the selected one
/// overlaps (`合适，与 kome-kakak…  |  第 1 版：重叠 1 处`) while it kept the page's number, which
/// the title bar shows. The totals leave out the page's number before the fit is cut.
#[test]
fn the_page_totals_drop_the_page_number_before_the_fit_is_cut() {
    let mut opened = builtin_sample();
    opened.layout.pages[0].placements[1].column = 3;
    for (lang, fit, totals) in [
        (UiLang::En, " fits, overlaps jinyuan-ten-projects", "|  1 overlap"),
        (UiLang::ZhHans, " 合适，与 jinyuan-ten-projects 重叠", "|  重叠 1 处"),
    ] {
        let mut app = editor(&opened, AmbiWidth::Single);
        app.lang = lang;
        app.message = None;
        let shown = screen(&draw(&mut app, 54, 20));
        let inspector = shown.lines().rev().nth(1).unwrap().trim_end();
        assert!(inspector.starts_with(fit), "the fit whole: {inspector}");
        assert!(inspector.ends_with(totals), "the totals without the page's number: {inspector}");
        assert!(inspector.width() <= 54, "{inspector}");
    }
}

/// Found from outside: at 40–44 columns the page's totals were cut mid-word with no `…`, and
/// the boxes past the foot went unsaid. Without the page's number they fit from 44 columns;
/// narrower, they are clipped with `…`.
#[test]
fn the_page_totals_on_a_narrow_terminal_drop_the_page_number_then_clip() {
    let mut opened = builtin_sample();
    let fixed = |item: &str, column, span, line, depth| Placement::new(item, column, span, line, Depth::Fixed(depth));
    let auto = |item: &str, column, span, line| Placement::new(item, column, span, line, Depth::Auto);
    opened.layout.pages[0].placements = vec![
        auto("jinyuan-livable", 1, 3, 1),
        auto("bingzhou-forum", 1, 3, 80),
        fixed("jinyuan-ten-projects", 4, 2, 1, 2),
        fixed("yangqu-seven-projects", 4, 2, 3, 1),
        auto("yangqu-livelihood", 5, 3, 4),
        auto("petition-notice", 6, 3, 20),
        auto("hospital-tender", 8, 1, 100),
    ];
    for (width, shown_as) in [(44, " 1 overlap, fit -"), (40, "…")] {
        let mut app = editor(&opened, AmbiWidth::Single);
        app.message = None;
        let shown = screen(&draw(&mut app, width, 12));
        let inspector = shown.lines().rev().nth(1).unwrap();
        assert!(inspector.contains(shown_as) && !inspector.contains("page 3"), "{width}: {inspector}");
        assert!(inspector.width() <= usize::from(width), "{inspector}");
        if width == 44 {
            assert!(inspector.trim_end().ends_with("past foot"), "{inspector}");
        }
    }
}

/// Found from outside: the copy desk lengthened a story, the reload deepened its box into the
/// photo under it, and the editor said only "1 item changed". It says the two now overlap.
#[test]
fn a_reload_that_makes_boxes_overlap_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts");
    let issue = dir.path().join("i.ron");
    let layout = dir.path().join("i.layout.ron");
    let assets = repo.parent().unwrap().join("assets");
    let text = std::fs::read_to_string(repo.join("taiyuan-2023-02-10.ron")).unwrap();
    std::fs::write(&issue, text.replace("\"../assets/", &format!("\"{}/", assets.display()))).unwrap();
    let write_layout = |photo_line: u32| {
        let text = format!(
            "Layout(issue: \"i.ron\", pages: [PageLayout(number: 4, placements: [\n\
             Placement(item: \"snow-clearing\", column: 1, span: 3, line: 1, depth: Auto),\n\
             Placement(item: \"xishan-railway\", column: 1, span: 3, line: {photo_line}, depth: Auto),\n])])\n"
        );
        std::fs::write(&layout, text).unwrap();
    };
    write_layout(90);
    let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&layout)).unwrap();
    let bottom = Makeup::new(opened.issue.clone(), &opened.layout)
        .resolved(4)
        .iter()
        .find(|b| b.item == "snow-clearing")
        .unwrap()
        .last_line();
    write_layout(bottom + 1);
    let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&layout)).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    assert!(app.message.is_none(), "nothing overlaps yet: {:?}", app.message);
    let text = std::fs::read_to_string(&issue).unwrap();
    let body = "body: [\n                \"本报讯 2月8日晚,市区";
    assert_eq!(text.matches(body).count(), 1);
    let longer = text.replace(
        body,
        &format!("body: [\n                \"{}\",\n                \"本报讯 2月8日晚,市区", "雪后道路。".repeat(40)),
    );
    std::fs::write(&issue, longer).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.starts_with("Reloaded issue i.ron: 1 item changed"), "{said}");
    assert!(said.ends_with("; snow-clearing and xishan-railway now overlap on page 4"), "{said}");
    // Found from outside: every reload after said it again, as if the new copy had made it.
    let text = std::fs::read_to_string(&issue).unwrap();
    std::fs::write(&issue, text.replacen("雪后道路。", "雪后的道路。", 1)).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert_eq!(said, "Reloaded issue i.ron: 1 item changed, 0 new in the bin", "the overlap was there before");
}

/// Found from outside: an id renamed in the issue and back. The placed item goes, its place
/// kept; the renamed one only waited in the bin, so nothing is said of its place; the placed
/// one comes back where it stood, and the desk, the same as the file on disk again, is saved:
/// no `* unsaved`, and `q` quits without asking.
#[test]
fn an_item_renamed_in_the_issue_and_back_leaves_the_layout_saved() {
    // Found from outside: an item placed before others came back at the end of the page's
    // list, and the desk stayed unsaved.
    for item in ["yangqu-livelihood", "jinyuan-ten-projects"] {
        renamed_and_back(item);
    }
}

fn renamed_and_back(item: &str) {
    let dir = tempfile::tempdir().unwrap();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts");
    let (issue, layout) = (dir.path().join("i.ron"), dir.path().join("i.layout.ron"));
    let assets = repo.parent().unwrap().join("assets");
    let text = std::fs::read_to_string(repo.join("taiyuan-2023-02-10.ron")).unwrap();
    let text = text.replace("\"../assets/", &format!("\"{}/", assets.display()));
    std::fs::write(&issue, &text).unwrap();
    let sample = std::fs::read_to_string(repo.join("taiyuan-2023-02-10.layout.ron")).unwrap();
    std::fs::write(&layout, sample.replace("taiyuan-2023-02-10.ron", "i.ron")).unwrap();
    let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&layout)).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    app.message = None;
    let (id, renamed) = (format!("id: \"{item}\""), format!("id: \"{item}2\""));
    assert_eq!(text.matches(&id).count(), 1);
    let said = |app: &App| pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);

    std::fs::write(&issue, text.replace(&id, &renamed)).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    let first = said(&app);
    assert!(
        first.contains(&format!("; no longer in the issue: {item} (its place is kept should it come back)")),
        "{first}"
    );
    assert!(app.is_dirty(), "the placed item left the page");
    // Found from outside: the journal kept the desk without it, and restored after a kill the
    // story stayed off the page though the issue had it again. The journal keeps its place.
    if item == "yangqu-livelihood" {
        pasteup::tui::run::journal_now(&mut app);
        let journal = pasteup_core::journal::journal_path(&layout);
        let kept = std::fs::read_to_string(&journal).unwrap();
        assert!(kept.contains(&format!("item: \"{item}\"")), "{kept}");
        // Found in review: restored while the issue still lacked it, the place was dropped for
        // good. It is held, and comes back with the item.
        let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&layout)).unwrap();
        let mut restored = editor(&opened, AmbiWidth::Single);
        assert!(matches!(restored.overlay, Overlay::Recovery { .. }), "{:?}", restored.overlay);
        let effects = press(&mut restored, "y");
        run_effects(&mut restored, effects);
        assert!(restored.makeup.parts_of(item).is_empty(), "not in the issue: off the page");
        let kept = format!("; not in the issue now: {item} (its place is kept should it come back)");
        assert!(said(&restored).ends_with(&kept), "{}", said(&restored));
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&issue, &text).unwrap();
        pasteup::tui::run::look_at_disk(&mut restored);
        assert!(said(&restored).contains(&format!("; back where it stood: {item}")), "{}", said(&restored));
        std::fs::write(&issue, text.replace(&id, &renamed)).unwrap();
        pasteup::tui::run::look_at_disk(&mut app);
    }

    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&issue, &text).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    let second = said(&app);
    assert!(!second.contains("place is kept"), "{second}");
    assert!(second.contains(&format!("; no longer in the issue, out of the bin: {item}2")), "{second}");
    assert!(second.contains(&format!("; back where it stood: {item}")), "{second}");
    assert!(!app.is_dirty(), "the desk is the file on disk again");
    let title = screen(&draw(&mut app, 120, 40)).lines().next().unwrap().to_string();
    assert!(!title.contains("unsaved"), "{title}");
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit { discard: false }]);
}

/// Found from outside: at 80 columns the hints were cut mid-word ("u und") and `? help` was
/// never named. Hints are whole, as many as fit, and the help's is always there.
#[test]
fn key_hints_are_whole_and_always_name_the_help() {
    use pasteup::tui::keys::{Ready, key_hints};
    let cells = |s: &str| s.chars().count() as u32;
    let all = key_hints(Ready::all(Focus::Page), UiLang::En, 500, cells);
    assert!(all.ends_with("u undo  ^s save  ? help  q quit  : command"), "{all}");
    assert_eq!(key_hints(Ready::all(Focus::Page), UiLang::En, 30, cells), "HJKL move  {/} jump  ? help");
    assert_eq!(key_hints(Ready::all(Focus::Page), UiLang::En, 5, cells), "? help");
    // Found from outside: `? help` went last when hints were dropped, before `q quit` when all
    // fitted. Whatever the room, the hints shown keep the table's order.
    let order: Vec<&str> = all.split("  ").collect();
    for room in 6..cells(&all) {
        let hints = key_hints(Ready::all(Focus::Page), UiLang::En, room, cells);
        assert!(cells(&hints) <= room && hints.split("  ").any(|h| h == "? help"), "{room}: {hints}");
        let at: Vec<usize> = hints.split("  ").map(|h| order.iter().position(|o| *o == h).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{room}: {hints}");
    }
}

/// Found from outside: at 80 columns the title's zoom word was cut and its separator stayed
/// (`| 太原日报 2023-02-10 |  * unsaved`). A field that does not fit goes with its separator.
#[test]
fn a_title_field_that_does_not_fit_goes_with_its_separator() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "J");
    let title = |app: &mut App, w| screen(&draw(app, w, 24)).lines().next().unwrap().to_string();
    let wide = title(&mut app, 120);
    assert!(wide.starts_with(" pasteup | page 3 (1/2) 关注县（市、区）两会 | 太原日报 2023-02-10 | text"), "{wide}");
    let narrow = title(&mut app, 80);
    let (fields, mark) = narrow.split_once(" * ").unwrap();
    assert_eq!(fields.trim_end(), " pasteup | page 3 (1/2) 关注县（市、区）两会 | 太原日报 2023-02-10", "{narrow}");
    assert_eq!(mark.trim_end(), "unsaved");
    // Narrower still, the paper goes too, then the name; the page is cut last, with `…`,
    // never the mark (found from outside: `pasteup | 第 1 版（1/2）要闻（`, and `第 3 ` with the
    // mark after it).
    let narrower = title(&mut app, 50);
    assert_eq!(narrower.trim_end(), " page 3 (1/2) 关注县（市、区）两会      * unsaved", "{narrower}");
    let cut = title(&mut app, 40);
    assert!(cut.starts_with(" page 3 (1/2) 关注县（市、区…") && cut.trim_end().ends_with("* unsaved"), "{cut}");
}

/// Found from outside: in an empty bin the hints offered `Enter place`, which is refused, and
/// the inspector row began with a stray `  |  `. The hints name only keys that work now.
#[test]
fn an_empty_bin_offers_no_place_and_its_inspector_starts_with_the_page() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let issue = std::fs::read_to_string(format!("{dir}/layouts/taiyuan-2023-02-10.ron")).unwrap();
    let layout = std::fs::read_to_string(format!("{dir}/layouts/taiyuan-2023-02-10.fitted.layout.ron")).unwrap();
    let mut app = app_of(&issue, &layout, AmbiWidth::Single);
    assert!(app.makeup.bin().is_empty());
    app.message = None;
    press(&mut app, "Tab");
    assert_eq!(app.focus, Focus::Bin);
    let shown = screen(&draw(&mut app, 120, 40));
    let rows: Vec<&str> = shown.lines().collect();
    let (inspector, status) = (rows[38], rows[39]);
    assert!(inspector.starts_with(" page 3: "), "{inspector:?}");
    assert!(!status.contains("Enter"), "{status:?}");
    assert!(status.contains("Tab bin/page") && status.ends_with(": command"), "{status:?}");
    // Nothing done yet: nothing to undo either.
    assert!(!status.contains("u undo"), "{status:?}");
    // On the page with a box selected, its keys are offered, and undo once there is a step.
    press(&mut app, "Tab J");
    app.message = None;
    let status = screen(&draw(&mut app, 200, 40)).lines().last().unwrap().to_string();
    assert!(status.contains("HJKL move") && status.contains("u undo") && !status.contains("Enter"), "{status:?}");
}

/// Found from outside: their save carried a merge's note on snow-traffic, and merged into the
/// desk it was told as "kept yours where both changed: snow-traffic", a box the editor never
/// touched. Only this merge's own conflicts are told so; a carried note is one to look at.
#[test]
fn a_note_their_save_carried_is_not_told_as_a_box_both_changed() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    let mut theirs = app.makeup.to_layout("s.ron");
    theirs.conflicts.push(pasteup_core::model::Conflict {
        item: "snow-traffic".into(),
        note: "both changed it: ours page 3 column 4 line 60, theirs page 3 column 4 line 40".into(),
    });
    press(&mut app, "J");
    std::thread::sleep(std::time::Duration::from_millis(20));
    pasteup_core::format::save_layout(&opened.layout_path, &theirs).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    assert!(matches!(app.overlay, Overlay::TheirLayout { merge: true, .. }), "{:?}", app.overlay);
    let effects = press(&mut app, "y");
    run_effects(&mut app, effects);
    match &app.message.as_ref().unwrap().status {
        Status::LayoutMerged { conflicts, notes, .. } => {
            assert!(conflicts.is_empty(), "{conflicts:?}");
            assert_eq!(notes, &["snow-traffic".to_string()]);
        }
        other => panic!("{other:?}"),
    }
}

/// Found from outside: two editors made the same move; after the second merged the first's
/// saved layout into its own, the desk equalled the file on disk and still said "unsaved".
#[test]
fn a_merge_that_ends_where_the_disk_is_is_saved() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    press(&mut app, "J");
    assert!(app.is_dirty());
    // The other editor made the same move and saved it.
    let same = app.makeup.to_layout("s.ron");
    std::thread::sleep(std::time::Duration::from_millis(20));
    pasteup_core::format::save_layout(&opened.layout_path, &same).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    assert!(matches!(app.overlay, Overlay::TheirLayout { merge: true, .. }), "{:?}", app.overlay);
    let effects = press(&mut app, "y");
    run_effects(&mut app, effects);
    assert!(!app.is_dirty(), "{:?}", app.message);
}

/// Found from outside: with a change on the desk, another program saved the layout and the page
/// editor kept theirs out (`n`); an undo came back to the revision saved before theirs, which
/// then counted as saved, and `q` quit without asking. Kept over theirs, every revision is
/// unsaved.
#[test]
fn kept_over_their_save_every_revision_stays_unsaved() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    press(&mut app, "J");
    let theirs = std::fs::read_to_string(&opened.layout_path).unwrap().replacen("line: 1,", "line: 3,", 1);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, theirs).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    assert!(matches!(app.overlay, Overlay::TheirLayout { .. }), "{:?}", app.overlay);
    press(&mut app, "n");
    press(&mut app, "u");
    assert!(app.is_dirty(), "undone to the revision saved before theirs: {:?}", app.message);
    let effects = press(&mut app, "q");
    assert!(!effects.iter().any(|e| matches!(e, Effect::Quit { .. })), "{effects:?}");
}

/// Found from outside: at 120×40 with the bin shown the lead box (82 cells) is one cell wider
/// than the view, and its badge was cut to `fit` (`合` in Chinese, reading as another word).
/// With the box's right edge out of sight the badge stands whole at the view's right edge.
#[test]
fn the_fit_badge_of_a_box_wider_than_the_view_is_whole_at_the_views_edge() {
    let mut app = sample_app(AmbiWidth::Single);
    let shown = screen(&draw(&mut app, 120, 40));
    let line_1 = shown.lines().find(|l| l.starts_with("   1 ")).unwrap();
    assert!(line_1.contains(" fits  │"), "{line_1}");
    let mut app = chinese_app(AmbiWidth::Single);
    press(&mut app, "l l");
    let shown = screen(&draw(&mut app, 100, 30));
    let page: String = shown.lines().map(|l| l.split('│').next().unwrap_or_default()).collect();
    assert!(page.contains("合适"), "{shown}");
}

/// Boxes one row deep whose headline fills that row: `top` at line 1 with `under` right below
/// it, `alone` with nothing above or below it, `low` with `floor` right below it.
const FULL_ROWS: (&str, &str) = (
    r#"Issue(paper: "测试报", date: "2026-12-07", pages: [
        Page(number: 1, grid: Grid(columns: 3, column_width: 6, gutter: 1, depth: 20))],
      items: [
        Article(id: "top", headline: "太原六项工程", body: ["太原市六项重点工程全部开工建设，总投资超过一百亿元。"]),
        Article(id: "under", headline: "晋中新区", body: ["晋中新区建设加快推进。"]),
        Article(id: "alone", headline: "阳曲七项工程", body: ["阳曲县七项重点工程全部开工建设。"]),
        Article(id: "low", headline: "清徐葡萄丰收", body: ["清徐县葡萄今年丰收。"]),
        Article(id: "floor", headline: "古交", body: ["古交市煤炭。"])])"#,
    r#"Layout(issue: "x.ron", pages: [PageLayout(number: 1, placements: [
        Placement(item: "top", column: 1, span: 1, line: 1, depth: Fixed(1)),
        Placement(item: "under", column: 1, span: 1, line: 2, depth: Auto),
        Placement(item: "alone", column: 2, span: 1, line: 5, depth: Fixed(1)),
        Placement(item: "low", column: 3, span: 1, line: 5, depth: Fixed(1)),
        Placement(item: "floor", column: 3, span: 1, line: 6, depth: Auto)])])"#,
);

/// Found from outside: a box with no row that leaves room for its fit badge had it over its
/// first row, and a one-row box lost its whole headline to ` -8 overset `. The badge stands
/// on the free row just under the box, else on the free row just over it, else as one sign
/// on the box's right edge: no character of copy is hidden, in either language.
#[test]
fn a_box_with_no_row_free_for_its_badge_hides_no_copy_under_it() {
    for (lang, alone, low) in [(UiLang::En, " -6 overset ", " -5 overset "), (UiLang::ZhHans, "超版 6 行", "超版 5 行")]
    {
        let mut app = app_of(FULL_ROWS.0, FULL_ROWS.1, AmbiWidth::Single);
        app.lang = lang;
        let shown = screen(&draw(&mut app, 100, 14));
        let row = |n: &str| shown.lines().find(|l| l.starts_with(n)).unwrap_or_default().to_string();
        // Every headline whole on its one row.
        assert!(row("   1 ").contains("太  原  六"), "{lang:?}\n{shown}");
        assert!(row("   5 ").contains("阳  曲  七"), "{lang:?}\n{shown}");
        assert!(row("   5 ").contains("清  徐  葡"), "{lang:?}\n{shown}");
        // `alone`'s badge under it; `low`'s over it, `floor` being under it.
        assert!(row("   6 ").contains(alone), "{lang:?}\n{shown}");
        assert!(row("   4 ").contains(low), "{lang:?}\n{shown}");
        // `top` has the page's head over it and `under` under it: its sign on its right edge.
        assert!(row("   1 ").contains("六  -"), "{lang:?}\n{shown}");
        insta::assert_snapshot!(format!("badge_with_no_free_row_{lang:?}"), shown);
    }
}

/// Two one-row boxes with one free row between them: the upper one's badge stands under it,
/// and the lower one, a box right under it too, leaves that row to it and shows its sign.
#[test]
fn one_free_row_between_two_full_boxes_holds_one_badge() {
    let layout = r#"Layout(issue: "x.ron", pages: [PageLayout(number: 1, placements: [
        Placement(item: "top", column: 1, span: 1, line: 1, depth: Fixed(1)),
        Placement(item: "alone", column: 1, span: 1, line: 3, depth: Fixed(1)),
        Placement(item: "under", column: 1, span: 1, line: 4, depth: Auto)])])"#;
    let mut app = app_of(FULL_ROWS.0, layout, AmbiWidth::Single);
    let shown = screen(&draw(&mut app, 100, 14));
    let row = |n: &str| shown.lines().find(|l| l.starts_with(n)).unwrap_or_default().to_string();
    assert!(row("   1 ").contains("太  原  六  <"), "{shown}");
    assert!(row("   2 ").contains(" -8 overset "), "{shown}");
    assert!(row("   3 ").contains("阳  曲  七  -"), "{shown}");
}

/// A one-row box wider than the view, its headline set across it, the box under it taking the
/// row below: its sign stands in the view's margin cell, after the last character in sight.
#[test]
fn the_sign_of_a_full_box_wider_than_the_view_stands_at_the_views_edge() {
    let issue = r#"Issue(paper: "测试报", date: "2026-12-07", pages: [
        Page(number: 1, grid: Grid(columns: 2, column_width: 30, gutter: 1, depth: 10))],
      items: [
        Article(id: "wide", headline: "太原市六项重点工程全部开工建设总投资超过一百亿元今年年底前完成主体工程太原市六项重点工程全部开工建设总投资超过一百亿元今年", body: ["太原市。"]),
        Article(id: "below", headline: "晋中新区", body: ["晋中新区建设加快推进。"])])"#;
    let layout = r#"Layout(issue: "x.ron", pages: [PageLayout(number: 1, placements: [
        Placement(item: "wide", column: 1, span: 2, line: 1, depth: Fixed(1), head_size: Some(1)),
        Placement(item: "below", column: 1, span: 2, line: 2, depth: Auto)])])"#;
    let mut app = app_of(issue, layout, AmbiWidth::Single);
    let shown = screen(&draw(&mut app, 100, 14));
    let row = shown.lines().find(|l| l.starts_with("   1 ")).unwrap_or_default().to_string();
    assert!(row.ends_with("年底前完成主体工程太原市六-│"), "{shown}");
}

/// Found from outside: at a 4-em column a box's badge was cut to the box (`-16 ove`, `+31 sho`)
/// with nothing to say so, and a box past the foot never said it. A badge wider than its box
/// is given in its short form: its lines with their sign, and `!` past the foot.
#[test]
fn a_badge_wider_than_its_box_is_given_short() {
    let issue = r#"Issue(paper: "测试报", date: "2026-12-07", pages: [
        Page(number: 1, grid: Grid(columns: 3, column_width: 4, gutter: 1, depth: 40))],
      items: [
        Article(id: "cold", headline: "寒潮", body: ["受强冷空气影响，今天夜间到明天全省将有一次明显降温过程，最低气温下降八到十度，请注意防寒保暖。"]),
        Notice(id: "water", title: "停水", body: ["因管网维修，本周六全天停水。"])])"#;
    let layout = r#"Layout(issue: "x.ron", pages: [PageLayout(number: 1, placements: [
        Placement(item: "cold", column: 1, span: 1, line: 1, depth: Fixed(8)),
        Placement(item: "water", column: 3, span: 1, line: 30, depth: Fixed(20))])])"#;
    for lang in [UiLang::En, UiLang::ZhHans] {
        let mut app = app_of(issue, layout, AmbiWidth::Single);
        app.lang = lang;
        let shown = screen(&draw(&mut app, 100, 50));
        let (cold, water) = {
            let boxes = app.makeup.resolved(1);
            let of = |id: &str| boxes.iter().find(|b| b.item == id).map(|b| (b.fit.lines(), b.over_foot));
            (of("cold"), of("water"))
        };
        let (Some((cold_lines, false)), Some((water_lines, true))) = (cold, water) else {
            panic!("cold overset in the page, water past the foot: {cold:?} {water:?}\n{shown}");
        };
        assert!(cold_lines < 0 && water_lines > 0, "{cold_lines} {water_lines}");
        assert!(shown.contains(&format!(" {cold_lines} ")), "{lang:?}\n{shown}");
        assert!(shown.contains(&format!(" +{water_lines}! ")), "{lang:?}\n{shown}");
        let page: String = shown.lines().take_while(|l| !l.starts_with(" foot")).collect();
        assert!(!page.contains(" ove") && !page.contains(" sho"), "{lang:?}\n{shown}");
    }
}

/// An issue in Japanese whose one page has a notice at its foot (lines 53–60 of 60).
const NOTICE_AT_THE_FOOT: (&str, &str) = (
    r#"Issue(paper: "東京テスト新聞", date: "2024-03-01", language: "ja", pages: [
        Page(number: 1, grid: Grid(columns: 6, column_width: 12, gutter: 1, depth: 60))],
      items: [
        Article(id: "yuki", headline: "首都圏で大雪", body: ["関東地方は１日、広い範囲で雪が降った。"]),
        Notice(id: "oshirase", title: "お知らせ", body: ["本紙は３月２０日（祝）は休刊いたします。"])])"#,
    r#"Layout(issue: "x.ron", pages: [PageLayout(number: 1, placements: [
        Placement(item: "yuki", column: 1, span: 2, line: 1, depth: Auto),
        Placement(item: "oshirase", column: 1, span: 1, line: 53, depth: Fixed(8))])])"#,
);

/// Found from outside: selecting a box at the foot scrolled the view to its top less two
/// lines, leaving 24 blank rows under the foot and lines 1–50 out of sight. The page's end (the
/// foot rule) is the view's last row at most, and the wheel stops there too.
#[test]
fn the_text_zoom_never_scrolls_past_the_foot() {
    let mut app = app_of(NOTICE_AT_THE_FOOT.0, NOTICE_AT_THE_FOOT.1, AmbiWidth::Single);
    draw(&mut app, 160, 40);
    press(&mut app, "j");
    assert_eq!(app.selected.as_deref(), Some("oshirase"));
    let last_row = |app: &mut App| screen(&draw(app, 160, 40)).lines().nth(37).unwrap_or_default().to_string();
    assert!(last_row(&mut app).starts_with(" foot ─"), "{}", screen(&draw(&mut app, 160, 40)));
    // 35 rows: lines 27 to 60, then the foot.
    assert_eq!(app.scroll_row, 26);
    for _ in 0..5 {
        app.update(Msg::Mouse(crossterm::event::MouseEvent {
            kind: crossterm::event::MouseEventKind::ScrollDown,
            column: 50,
            row: 20,
            modifiers: KeyModifiers::NONE,
        }));
    }
    assert!(last_row(&mut app).starts_with(" foot ─"));
    // A page shorter than the view stays at line 1.
    draw(&mut app, 160, 80);
    press(&mut app, "k j");
    assert_eq!(app.scroll_row, 0);
}

/// Found from outside: at 40×10 English was wrapped by the Chinese rules (`:` may not start a
/// line, so "command line:" lost "line" to the next), and the popup changed width and place
/// from screen to screen (38, 37, 36 cells; one began at column 1).
#[test]
fn the_help_wraps_english_at_spaces_and_keeps_one_size_on_every_screen() {
    let mut app = sample_app(AmbiWidth::Single);
    draw(&mut app, 40, 10);
    press(&mut app, "?");
    let mut frames = std::collections::BTreeSet::new();
    let mut seen = String::new();
    for _ in 0..9 {
        let t = draw(&mut app, 40, 10);
        let buf = t.backend().buffer();
        let corners: Vec<(u16, u16)> = (0..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .filter(|&(x, y)| ["┌", "┘"].contains(&buf[(x, y)].symbol()))
            .collect();
        frames.insert(corners);
        seen.push_str(&screen(&t));
        press(&mut app, "j");
    }
    assert_eq!(frames.len(), 1, "{frames:?}");
    assert!(seen.contains("│ :        command line: :place,"), "{seen}");
}

/// Found from outside: at 300×80 the bin stayed 34 columns and cut every English row (the
/// kind never showed) beside 38 blank columns. The columns the page does not want go to the
/// bin, as many as its rows want; at 120×40 the page wants them all.
#[test]
fn a_wide_terminal_gives_the_bin_the_columns_the_page_leaves() {
    let mut app = sample_app(AmbiWidth::Single);
    let shown = screen(&draw(&mut app, 300, 80));
    for kind in ["chars · article", "chars · photo", "chars · notice"] {
        assert!(shown.contains(kind), "{kind}\n{shown}");
    }
    assert!(!shown.lines().any(|l| l.ends_with('…')), "{shown}");
    let bin = app.screen().bin.unwrap();
    assert!(bin.width > 34, "{bin:?}");
    // The page keeps every cell: the last column's right rule stands left of the bin.
    let page = app.screen().page;
    let wants = pasteup_core::proof::page::page_cells(&app.makeup.issue().pages[app.page].grid) + 8;
    assert!(u32::from(page.width) >= wants, "{page:?} {wants}");
    assert_eq!(draw_bin_width(&mut app, 120, 40), 34);

    // The width is measured once per change of the bin, and follows it: a reload that gives a
    // bin item a longer title, a new desk at the same revision, widens it.
    let before = draw_bin_width(&mut app, 300, 80);
    let mut issue = app.makeup.issue().clone();
    let id = app.makeup.bin()[0].to_string();
    let long = "一二三四五六七八九十".repeat(4);
    match issue.items.iter_mut().find(|i| i.id() == id).unwrap() {
        pasteup_core::model::Item::Article(a) => a.headline = long,
        pasteup_core::model::Item::Photo(p) => p.caption = long,
        pasteup_core::model::Item::Notice(n) => n.title = long,
    }
    let (makeup, changes) = pasteup_core::reload::reload(&app.makeup, issue, &mut app.doc.held);
    app.replace_makeup(makeup, changes.dropped);
    let after = draw_bin_width(&mut app, 300, 80);
    assert!(after > before, "{before} → {after}");
    // Taking it out of the bin (placing it) narrows the bin again.
    press(&mut app, "Tab Enter");
    assert!(draw_bin_width(&mut app, 300, 80) < after);
}

fn draw_bin_width(app: &mut App, w: u16, h: u16) -> u16 {
    draw(app, w, h);
    app.screen().bin.unwrap().width
}

/// Found from outside: at 40 columns the hint under a question was cut mid-word (`the keys
/// that work now are in the box a`); it is cut between words.
#[test]
fn the_hint_under_a_question_is_cut_between_words() {
    let mut app = sample_app(AmbiWidth::Single);
    app.overlay = Overlay::ConfirmQuit;
    let shown = screen(&draw(&mut app, 40, 24));
    assert_eq!(shown.lines().last(), Some(" the keys that work now are in the box…"));
}

/// Found from outside: with a desk the same as the file, another program's save and `n` (keep
/// mine) left the desk "saved", so `q` quit without asking and the work on the desk, now on
/// disk nowhere, was lost. Kept over a different disk layout, the desk is unsaved until saved.
#[test]
fn a_desk_kept_over_a_different_disk_layout_is_unsaved_until_saved() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    assert!(!app.is_dirty());
    let text = std::fs::read_to_string(&opened.layout_path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, text.replacen("line: 1,", "line: 2,", 1)).unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    assert!(matches!(app.overlay, Overlay::TheirLayout { merge: false, .. }), "{:?}", app.overlay);
    press(&mut app, "n");
    assert!(app.is_dirty(), "the desk is not what the file holds");
    assert!(pasteup::tui::run::journal_now(&mut app), "and it is journalled");
    assert!(pasteup_core::journal::journal_path(&opened.layout_path).is_file());
    let effects = press(&mut app, "q");
    run_effects(&mut app, effects);
    assert!(!app.quit, "q asks");
    assert_eq!(app.overlay, Overlay::ConfirmQuit);

    // `y` on a layout that no longer reads: the desk is kept, and unsaved alike. (The first
    // editor's journal goes, or the second would offer it: they share the test's pid.)
    pasteup_core::journal::remove_own_journals(&opened.layout_path, None);
    let mut app = editor(&opened, AmbiWidth::Single);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, "Layout(broken").unwrap();
    pasteup::tui::run::look_at_disk(&mut app);
    assert_eq!(app.overlay, Overlay::None, "said at once, no question");
    assert!(matches!(app.message.as_ref().unwrap().status, Status::LayoutNotLoaded { .. }));
    assert!(app.is_dirty(), "the desk is not what the file holds");
}

/// Found from outside: a read-only folder kept a stale recovery file beside the layout while
/// the newer went to the spare folder; after `n` on the newer, the stale one was offered as
/// any other. It is said to be older work.
#[test]
fn a_recovery_file_offered_after_a_newer_one_says_it_is_older() {
    let dir = SampleDir::new();
    let (opened, text, _older) = sample_with_recovery_file(&dir);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let newer = dir.path().join("s.layout.ron.recover.4000001");
    std::fs::write(&newer, text.replacen("line: 1,", "line: 5,", 1)).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    assert!(matches!(app.overlay, Overlay::Recovery { more: 1, after_newer: false, .. }), "{:?}", app.overlay);
    let effects = press(&mut app, "n");
    run_effects(&mut app, effects);
    assert!(matches!(app.overlay, Overlay::Recovery { more: 0, after_newer: true, .. }), "{:?}", app.overlay);
    let shown = screen(&draw(&mut app, 120, 40));
    assert!(shown.contains("A newer recovery file was offered before this one: this is older work."), "{shown}");
}

/// Found from outside: in a read-only folder `n` removed nothing and said nothing, and the
/// next start offered the work again. A recovery file that cannot be removed is said so. (A
/// folder in its place stands in for the read-only folder, which root's tests cannot make.)
#[test]
fn a_recovery_file_that_cannot_be_removed_is_said_so() {
    let dir = SampleDir::new();
    let (opened, _text, _older) = sample_with_recovery_file(&dir);
    let mut app = editor(&opened, AmbiWidth::Single);
    assert!(matches!(app.overlay, Overlay::Recovery { .. }), "{:?}", app.overlay);
    let stuck = dir.path().join("stuck");
    std::fs::create_dir(&stuck).unwrap();
    app.doc.journals[0].path = stuck.clone();
    let effects = press(&mut app, "n");
    run_effects(&mut app, effects);
    assert!(matches!(app.message.as_ref().unwrap().status, Status::RecoveryNotDiscarded { .. }), "{:?}", app.message);
    assert!(stuck.is_dir());
}

/// Found from outside: two recovery files left alone at open (a link to a device, a FIFO) were
/// said as "(and 1 more: see pasteup check)", and `check` lists no recovery file. The message
/// says where the others are instead.
#[test]
fn recovery_files_left_alone_do_not_send_the_editor_to_check() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    std::fs::write(&opened.layout_path, pasteup_core::format::to_ron_string(&opened.layout)).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("s.layout.ron.recover.777")).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(dir.path().join("s.layout.ron.recover.778"))
            .status()
            .unwrap()
            .success()
    );
    let app = editor(&opened, AmbiWidth::Single);
    let status = &app.message.as_ref().unwrap().status;
    assert!(matches!(status, Status::RecoveryNotes { more: 1, .. }), "{status:?}");
    let said = pasteup_core::catalogue::Render::render(status, UiLang::En);
    assert!(said.ends_with("it is left alone (and 1 more left alone)"), "{said}");
}

/// Found from outside: the newest of two recovery files cut short, `y` said it could not be
/// read and the good older one was not offered again that session. Now the one cut short is
/// said damaged in its question, up front; `n` sets it aside, never removes it, and the good
/// older one is offered next.
#[test]
fn a_recovery_file_cut_short_is_said_damaged_and_set_aside_and_the_next_offered() {
    let dir = SampleDir::new();
    let (opened, text, older) = sample_with_recovery_file(&dir);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let cut = dir.path().join("s.layout.ron.recover.4000001");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    let Overlay::Recovery { more: 1, damaged: Some(damaged), .. } = app.overlay.clone() else {
        panic!("{:?}", app.overlay)
    };
    // Half the sample's layout: its header, page 3's line and the boxes on the lines before.
    let whole_lines = text[..text.len() / 2].matches('\n').count();
    assert_eq!(damaged.line, whole_lines + 1);
    assert_eq!(damaged.boxes, whole_lines - 4, "{text}");
    let question = pasteup_core::catalogue::Question::Recover {
        file: "s.layout.ron".into(),
        age_secs: None,
        by: None,
        more: 1,
        saved_after: false,
        after_newer: false,
        damaged: Some(damaged),
    };
    let said = question.lines(UiLang::En).join("\n");
    let expected = format!(
        "The recovery file is damaged from line {} (cut short, as a power cut may leave it): the {} boxes before it can be restored; past it, the layout stands as last saved.\ny: restore what can be   n: set the file aside   Esc: decide at the next start",
        damaged.line, damaged.boxes
    );
    assert!(said.ends_with(&expected), "{said}");
    keys(&mut app, "n");
    let aside = dir.path().join("s.layout.ron.recover.4000001.damaged");
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert_eq!(said, "The damaged file is kept as s.layout.ron.recover.4000001.damaged, not offered again.");
    assert!(!cut.exists() && aside.is_file(), "set aside, not removed");
    assert!(matches!(app.overlay, Overlay::Recovery { more: 0, damaged: None, .. }), "the next: {:?}", app.overlay);
    keys(&mut app, "y");
    assert!(app.is_dirty(), "the older one's work is on the desk");
    assert_eq!(app.makeup.placements(3)[0].line, 2);
    assert!(!older.exists() || app.doc.restored.as_deref() == Some(older.as_path()));
}

/// A recovery file a power cut left empty holds nothing to restore: no question, said as
/// such on the status line at the start, set aside, and the next one asked about.
#[test]
fn an_empty_recovery_file_is_said_and_set_aside_not_asked_about() {
    let dir = SampleDir::new();
    let (opened, _, older) = sample_with_recovery_file(&dir);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let empty = dir.path().join("s.layout.ron.recover.4000001");
    std::fs::write(&empty, "").unwrap();
    let app = editor(&opened, AmbiWidth::Single);
    assert!(matches!(app.overlay, Overlay::Recovery { more: 0, damaged: None, .. }), "the older: {:?}", app.overlay);
    let status = &app.message.as_ref().unwrap().status;
    assert_eq!(
        pasteup_core::catalogue::Render::render(status, UiLang::En),
        "The recovery file s.layout.ron.recover.4000001 is empty (as a power cut may leave it): nothing in it can be restored. The damaged file is kept as s.layout.ron.recover.4000001.damaged, not offered again."
    );
    assert_eq!(
        pasteup_core::catalogue::Render::render(status, UiLang::ZhHans),
        "恢复文件 s.layout.ron.recover.4000001 是空的（断电时可能如此）：里面没有能恢复的。损坏的文件已另存为 s.layout.ron.recover.4000001.damaged，不会再问。"
    );
    assert!(!empty.exists() && dir.path().join("s.layout.ron.recover.4000001.damaged").is_file());
    assert!(older.is_file());
}

/// `y` on a recovery file cut short restores the boxes it holds whole, and past the damage the
/// layout as last saved; the file is set aside, not removed.
#[test]
fn a_recovery_file_cut_short_restores_what_it_holds_and_the_rest_as_saved() {
    let dir = SampleDir::new();
    let (opened, app) = saved_sample(&dir);
    // The work: the first box of page 3 moved down to line 5, the first of page 4 to line 7.
    let saved = std::fs::read_to_string(&opened.layout_path).unwrap();
    let page4 = saved.find("PageLayout(number: 4").unwrap();
    let work = format!(
        "{}{}",
        saved[..page4].replacen("line: 1,", "line: 5,", 1),
        saved[page4..].replacen("line: 1,", "line: 7,", 1)
    );
    assert_ne!(work, saved);
    let (first3, first4) = (app.makeup.placements(3)[0].item.clone(), app.makeup.placements(4)[0].item.clone());
    // Cut in the middle of page 4's first box.
    let cut_at = page4 + work[page4..].find("Placement(").unwrap() + 20;
    let journal = dir.path().join("s.layout.ron.recover.4000002");
    std::fs::write(&journal, &work[..cut_at]).unwrap();
    drop(app);
    let mut app = editor(&opened, AmbiWidth::Single);
    let Overlay::Recovery { damaged: Some(damaged), .. } = app.overlay.clone() else { panic!("{:?}", app.overlay) };
    assert_eq!(damaged.boxes, app.makeup.placements(3).len(), "page 3 whole");
    keys(&mut app, "y");
    assert!(app.is_dirty());
    assert_eq!(placement(&app, &first3).3, 5, "the journal's work on page 3");
    assert_eq!(placement(&app, &first4).3, 1, "page 4 as last saved");
    assert_eq!(app.makeup.placements(4).len(), saved[page4..].matches("Placement(").count(), "page 4 whole");
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.starts_with("Restored the boxes read before the damage, the rest as last saved"), "{said}");
    assert!(
        said.ends_with("The damaged file is kept as s.layout.ron.recover.4000002.damaged, not offered again."),
        "{said}"
    );
    assert!(!journal.exists() && dir.path().join("s.layout.ron.recover.4000002.damaged").is_file());
}

/// Found from outside: `Esc` on the recovery question deleted the recovery file, as `n` does.
/// Esc puts the question off: the file stays, offered at the next start, and says so.
#[test]
fn esc_on_the_recovery_question_leaves_the_recovery_file() {
    let dir = SampleDir::new();
    let (opened, _, dead) = sample_with_recovery_file(&dir);
    let mut app = editor(&opened, AmbiWidth::Single);
    assert!(matches!(app.overlay, Overlay::Recovery { .. }), "{:?}", app.overlay);
    let effects = press(&mut app, "Esc");
    assert_eq!(effects, vec![]);
    assert_eq!(app.overlay, Overlay::None);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert_eq!(said, "The unsaved changes to s.layout.ron stay in their recovery file, offered at the next start");
    assert!(!app.is_dirty());
    // Neither quitting nor `:q!` takes it.
    let effects = press(&mut app, ": q ! Enter");
    run_effects(&mut app, effects);
    assert!(app.quit);
    assert!(dead.is_file(), "the recovery file stays");
    let again = editor(&opened, AmbiWidth::Single);
    assert!(matches!(again.overlay, Overlay::Recovery { .. }), "offered at the next start");
    // `n` still discards it.
    let mut app = again;
    let effects = press(&mut app, "n");
    run_effects(&mut app, effects);
    assert!(!dead.exists());
}

/// Found by a review: a recovery file gone between the question and `y` (another editor took
/// it) was said in English whatever the editor's language. It is said as any note is.
#[test]
fn a_recovery_file_gone_before_y_is_said_in_the_editors_language() {
    let dir = SampleDir::new();
    let (opened, _, dead) = sample_with_recovery_file(&dir);
    let mut app = editor(&opened, AmbiWidth::Single);
    app.lang = UiLang::ZhHans;
    assert!(matches!(app.overlay, Overlay::Recovery { .. }), "{:?}", app.overlay);
    std::fs::remove_file(&dead).unwrap();
    let effects = press(&mut app, "y");
    run_effects(&mut app, effects);
    let status = &app.message.as_ref().unwrap().status;
    let said = pasteup_core::catalogue::Render::render(status, UiLang::ZhHans);
    assert!(said.contains("读不了恢复文件") && said.starts_with(&dead.display().to_string()), "{said}");
    assert!(!said.contains("recovery"), "{said}");
    assert!(!app.is_dirty(), "nothing was restored");
}

/// Found from outside: killed while another program's save was still to be answered, the
/// editor's journal was newer than that save; restored, its work was saved over that save
/// without a question. The journal names the layout its work stands on, and a restore onto
/// another asks before the save, whatever the times say; onto the same one it asks nothing.
#[test]
fn restored_work_standing_on_an_older_layout_asks_before_the_save() {
    for other_saved in [true, false] {
        let dir = SampleDir::new();
        let opened = sample_in(dir.path());
        let text = pasteup_core::format::to_ron_string(&opened.layout);
        let later = text.replacen("line: 1,", "line: 3,", 1);
        std::fs::write(&opened.layout_path, &text).unwrap();
        let base = pasteup_core::journal::base_of(&opened.layout_path);
        if other_saved {
            std::fs::write(&opened.layout_path, &later).unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        let work = text.replacen("line: 1,", "line: 2,", 1);
        std::fs::write(dir.path().join("s.layout.ron.recover"), format!("// base {base}\n{work}")).unwrap();
        let opened = sample_in(dir.path());
        let mut app = editor(&opened, AmbiWidth::Single);
        // Offered as older work though written after that save.
        let offered = matches!(app.overlay, Overlay::Recovery { saved_after, .. } if saved_after == other_saved);
        assert!(offered, "{:?}", app.overlay);
        let effects = press(&mut app, "y");
        run_effects(&mut app, effects);
        let effects = press(&mut app, "C-s");
        run_effects(&mut app, effects);
        if other_saved {
            let asked = matches!(app.overlay, Overlay::ConfirmOverwrite(DiskChange::SavedAfterRecovery { .. }));
            assert!(asked, "{:?}", app.overlay);
            assert_eq!(std::fs::read_to_string(&opened.layout_path).unwrap(), later, "nothing written yet");
        } else {
            assert_eq!(app.overlay, Overlay::None);
            assert!(!app.is_dirty(), "saved without a question");
        }
    }
}

/// Found from outside: a recovery file older than a later save of the layout (a second editor
/// saved after the first was killed) was offered as any other, and restored then saved with
/// Ctrl-s it wrote over that later save without asking. The question says the work is older,
/// and the save asks first.
#[test]
fn a_recovery_file_older_than_the_last_save_says_so_and_the_save_asks() {
    let dir = SampleDir::new();
    let (opened, text, dead) = sample_with_recovery_file(&dir);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let later = text.replacen("line: 1,", "line: 3,", 1);
    std::fs::write(&opened.layout_path, &later).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    assert!(matches!(app.overlay, Overlay::Recovery { saved_after: true, .. }), "{:?}", app.overlay);
    let shown = screen(&draw(&mut app, 120, 40));
    assert!(shown.contains("s.layout.ron has been saved since this work began: this is older work."), "{shown}");
    let effects = press(&mut app, "y");
    run_effects(&mut app, effects);
    assert!(app.is_dirty());
    let effects = press(&mut app, "C-s");
    run_effects(&mut app, effects);
    assert!(
        matches!(app.overlay, Overlay::ConfirmOverwrite(DiskChange::SavedAfterRecovery { .. })),
        "{:?}",
        app.overlay
    );
    assert_eq!(std::fs::read_to_string(&opened.layout_path).unwrap(), later, "nothing written yet");
    // Found from outside: `n` left nothing said of the save not done.
    press(&mut app, "n");
    assert!(matches!(app.message.as_ref().unwrap().status, Status::SaveDeclined));
    let effects = press(&mut app, "C-s");
    run_effects(&mut app, effects);
    let effects = press(&mut app, "y");
    run_effects(&mut app, effects);
    assert!(!app.is_dirty());
    assert_ne!(std::fs::read_to_string(&opened.layout_path).unwrap(), later, "written when told to");
    // Saved once on purpose, the next save asks nothing.
    let effects = press(&mut app, "J C-s");
    run_effects(&mut app, effects);
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.is_dirty());

    // A recovery file newer than the last save is offered without the warning.
    std::fs::write(&dead, text.replacen("line: 1,", "line: 2,", 1)).unwrap();
    let app = editor(&opened, AmbiWidth::Single);
    assert!(matches!(app.overlay, Overlay::Recovery { saved_after: false, .. }), "{:?}", app.overlay);
    // Found from outside: a layout removed since the work began was said to be "saved since".
    let base = pasteup_core::journal::base_of(&opened.layout_path);
    std::fs::write(&dead, format!("// base {base}\n{}", text.replacen("line: 1,", "line: 2,", 1))).unwrap();
    std::fs::remove_file(&opened.layout_path).unwrap();
    let app = editor(&opened, AmbiWidth::Single);
    assert!(matches!(app.overlay, Overlay::Recovery { saved_after: false, .. }), "{:?}", app.overlay);
}

/// Found from outside: a layout replaced by one of the same size and modification time
/// (`cp -p`, `rsync -a`) went unnoticed, and the next Ctrl-s wrote over it. The file's
/// status-change time tells, which no program sets back.
#[test]
fn a_layout_replaced_with_the_same_size_and_time_is_noticed() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    let text = std::fs::read_to_string(&opened.layout_path).unwrap();
    let theirs = text.replacen("line: 1,", "line: 2,", 1);
    assert_eq!(theirs.len(), text.len());
    let modified = std::fs::metadata(&opened.layout_path).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, &theirs).unwrap();
    std::fs::File::options().write(true).open(&opened.layout_path).unwrap().set_modified(modified).unwrap();
    assert_eq!(std::fs::metadata(&opened.layout_path).unwrap().modified().unwrap(), modified);
    let effects = press(&mut app, "J C-s");
    run_effects(&mut app, effects);
    assert!(matches!(app.overlay, Overlay::ConfirmOverwrite(DiskChange::Layout { .. })), "{:?}", app.overlay);
    assert_eq!(std::fs::read_to_string(&opened.layout_path).unwrap(), theirs, "not written over");
    press(&mut app, "n");
    pasteup::tui::run::look_at_disk(&mut app);
    assert!(matches!(app.overlay, Overlay::TheirLayout { merge: true, .. }), "{:?}", app.overlay);
}

/// Found from outside: another program wrote the layout while a save was in fsync; the rename
/// replaced their file and the status said "Saved". The layout is looked at again just before
/// the rename: theirs is kept, and the question before a save is asked.
#[test]
fn a_layout_written_during_a_save_is_asked_about_not_replaced() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    let text = std::fs::read_to_string(&opened.layout_path).unwrap();
    let theirs = text.replacen("line: 1,", "line: 3,", 1);
    press(&mut app, "J");
    let ours = app.makeup.to_layout("x");
    let write_theirs = || std::fs::write(&opened.layout_path, &theirs).unwrap();
    pasteup::tui::run::save_by(&mut app, false, write_theirs);
    assert!(matches!(app.overlay, Overlay::ConfirmOverwrite(DiskChange::Layout { .. })), "{:?}", app.overlay);
    assert_eq!(std::fs::read_to_string(&opened.layout_path).unwrap(), theirs, "not written over");
    assert!(app.is_dirty(), "the work stays unsaved on the desk");
    assert_eq!(app.makeup.to_layout("x"), ours);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().flatten();
    assert!(leftovers.into_iter().all(|f| !f.file_name().to_string_lossy().ends_with(".tmp")), "no temporary file");
    // `y` saves over theirs, as the question says.
    let effects = press(&mut app, "y");
    run_effects(&mut app, effects);
    assert!(!app.is_dirty());
    let saved = std::fs::read_to_string(&opened.layout_path).unwrap();
    assert_eq!(saved, text.replacen("line: 1,", "line: 2,", 1), "ours, one line down");
}

/// Found from outside: `:w! PHOTO` wrote the layout over a photo the issue shows. A photo of
/// the issue is refused as the issue is, `!` or not.
#[test]
fn w_file_never_writes_over_a_photo_of_the_issue() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    let photo = pasteup_core::document::photo_files(app.makeup.issue(), &opened.issue_path).next().unwrap();
    let bytes = std::fs::read(&photo).unwrap();
    for w in ["w", "w!"] {
        let said = command(&mut app, &format!("{w} {}", photo.display()));
        assert!(said.ends_with("is a photo of the issue; name a layout file"), "{w}: {said}");
        assert_eq!(std::fs::read(&photo).unwrap(), bytes, "{w}");
    }
    // A photo whose file is not there yet too (found from outside: `:w nothere.png` wrote the
    // layout there, and the photo was then a file that did not decode).
    std::fs::remove_file(&photo).unwrap();
    let said = command(&mut app, &format!("w {}", photo.display()));
    assert!(said.ends_with("is a photo of the issue; name a layout file"), "{said}");
    assert!(!photo.exists());
    std::fs::write(&photo, &bytes).unwrap();
    // Found from outside: `:w!` wrote over a dead editor's journal, and its work was lost; and
    // over the lock.
    for name in ["s.layout.ron.recover.8062", "s.layout.ron.lock", "s.layout.ron.recover"] {
        let file = dir.path().join(name);
        std::fs::write(&file, "kept").unwrap();
        let said = command(&mut app, &format!("w! {}", file.display()));
        assert!(said.ends_with("is a lock or recovery file of pasteup's; name a layout file"), "{name}: {said}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept", "{name}");
    }
}

/// Found from outside: with the lock file removed by hand, a second editor opened unwarned and
/// the first never knew; the first's quit then removed the second's lock, and a third opened
/// unwarned too. The first now sees its lock gone and says who has the layout, and its quit
/// leaves the second's lock alone.
#[test]
fn a_lock_file_removed_by_hand_never_leaves_two_editors_unwarned() {
    use pasteup::tui::run::lock_layout;
    let dir = SampleDir::new();
    let (opened, _saving) = saved_sample(&dir);
    let mut first = editor(&opened, AmbiWidth::Single);
    let mut first_lock = lock_layout(&mut first);
    assert!(first_lock.is_held());
    let lock_file = pasteup_core::journal::lock_path(&opened.layout_path);
    std::fs::remove_file(&lock_file).unwrap();
    let mut second = editor(&opened, AmbiWidth::Single);
    let second_lock = lock_layout(&mut second);
    assert!(second_lock.is_held(), "the lock file was gone: the second takes a new one");
    first.message = None;
    first_lock.take_if_free(&mut first);
    assert!(!first_lock.is_held());
    assert!(matches!(first.message.as_ref().map(|m| &m.status), Some(Status::OpenElsewhere { .. })));
    drop(first_lock);
    assert!(lock_file.exists(), "the second's lock file stays");
    let mut third = editor(&opened, AmbiWidth::Single);
    assert!(!lock_layout(&mut third).is_held(), "the third is warned");
    // The lock removed with no one else there: taken again, nothing said.
    drop(second_lock);
    let mut only = editor(&opened, AmbiWidth::Single);
    let mut only_lock = lock_layout(&mut only);
    std::fs::remove_file(&lock_file).unwrap();
    only.message = None;
    only_lock.take_if_free(&mut only);
    assert!(only_lock.is_held() && lock_file.exists());
    assert_eq!(only.message, None);
}

/// Found from outside: the first editor quit, removing the lock, while a second still edited
/// the layout; a third then opened it with no "open in another pasteup". The second takes the
/// lock once it is free.
#[test]
fn an_editor_that_found_the_layout_locked_takes_the_lock_once_it_is_free() {
    use pasteup::tui::run::lock_layout;
    let dir = SampleDir::new();
    let (opened, _saving) = saved_sample(&dir);
    let mut first = editor(&opened, AmbiWidth::Single);
    let first_lock = lock_layout(&mut first);
    assert!(first_lock.is_held());
    let mut second = editor(&opened, AmbiWidth::Single);
    let mut second_lock = lock_layout(&mut second);
    assert!(!second_lock.is_held());
    assert!(matches!(second.message.as_ref().unwrap().status, Status::OpenElsewhere { .. }));
    second_lock.take_if_free(&mut second);
    assert!(!second_lock.is_held(), "the first still holds it");
    // Found from outside: said once (under the recovery question at 40×10) and gone with the
    // next message. The title says it while it lasts.
    let warned = second.message.take();
    let title = screen(&draw(&mut second, 80, 24)).lines().next().unwrap().to_string();
    assert!(title.ends_with(" open elsewhere"), "{title}");
    drop(first_lock);
    // Found from outside: the warning stayed up once the lock was taken, naming a dead pid.
    second.message = warned;
    second_lock.take_if_free(&mut second);
    assert!(second_lock.is_held(), "taken once the first let it go");
    assert!(second.message.is_none(), "{:?}", second.message);
    let title = screen(&draw(&mut second, 80, 24)).lines().next().unwrap().to_string();
    assert!(!title.contains("open elsewhere"), "{title}");
    let mut third = editor(&opened, AmbiWidth::Single);
    let third_lock = lock_layout(&mut third);
    assert!(!third_lock.is_held());
    assert!(matches!(third.message.as_ref().unwrap().status, Status::OpenElsewhere { .. }), "the third is warned");

    // Found from outside: the sample run in a new folder (its layout's folder not made yet)
    // never took the lock, and a second editor opened unwarned. It is taken once the folder is.
    let new = dir.path().join("new");
    let mut opened = sample_in(&new);
    opened.issue_path = dir.path().join("s.ron");
    let mut first = editor(&opened, AmbiWidth::Single);
    let mut first_lock = lock_layout(&mut first);
    // Found from outside: of two editors started there, the untouched one took the lock. It
    // goes to the one with changes, whose journal makes the folder.
    let mut idle = editor(&opened, AmbiWidth::Single);
    let mut idle_lock = lock_layout(&mut idle);
    assert!(!first_lock.is_held());
    press(&mut first, "J");
    first_lock.take_if_free(&mut first);
    assert!(!first_lock.is_held(), "no folder yet");
    std::fs::create_dir(&new).unwrap();
    idle_lock.take_if_free(&mut idle);
    assert!(!idle_lock.is_held(), "no changes: not its to take");
    first_lock.take_if_free(&mut first);
    assert!(first_lock.is_held());
    let mut second = editor(&opened, AmbiWidth::Single);
    assert!(!lock_layout(&mut second).is_held());
    assert!(matches!(second.message.as_ref().unwrap().status, Status::OpenElsewhere { .. }));
    // The idle one is told who has it at its next look, changes or none (found from outside:
    // only after its first change), and once only.
    idle.message = None;
    idle_lock.take_if_free(&mut idle);
    assert!(matches!(idle.message.as_ref().unwrap().status, Status::OpenElsewhere { .. }));
    assert!(idle.elsewhere && !idle_lock.is_held());
    idle.message = None;
    press(&mut idle, "J");
    idle.message = None;
    idle_lock.take_if_free(&mut idle);
    assert!(idle.message.is_none() && !idle_lock.is_held());
    // Once the first quits, the idle one takes it.
    drop(first_lock);
    idle_lock.take_if_free(&mut idle);
    assert!(idle_lock.is_held() && !idle.elsewhere);
}

/// Found from outside: an editor that could not make the lock file (its folder read-only at
/// the start) never took the lock once it could, and a second editor opened with no warning.
/// Here a folder stands where the lock file goes, which no user, root or not, can open as one.
#[test]
fn an_editor_that_could_not_make_the_lock_takes_it_once_it_can() {
    use pasteup::tui::run::lock_layout;
    let dir = SampleDir::new();
    let (opened, _saving) = saved_sample(&dir);
    let in_the_way = pasteup_core::journal::lock_path(&opened.layout_path);
    std::fs::create_dir(&in_the_way).unwrap();
    let mut first = editor(&opened, AmbiWidth::Single);
    let mut lock = lock_layout(&mut first);
    assert!(!lock.is_held());
    assert!(matches!(first.message.as_ref().unwrap().status, Status::NotLocked { .. }));
    lock.take_if_free(&mut first);
    assert!(!lock.is_held(), "still in the way");
    std::fs::remove_dir(&in_the_way).unwrap();
    lock.take_if_free(&mut first);
    assert!(lock.is_held(), "taken once it can be made");
    let mut second = editor(&opened, AmbiWidth::Single);
    assert!(!lock_layout(&mut second).is_held());
    assert!(matches!(second.message.as_ref().unwrap().status, Status::OpenElsewhere { .. }), "the second is warned");
}

/// Found from outside: at 40 columns the quit question read "y: quit without saving s: save
/// and" / "quit n: stay", answers split and run together; and the merge-notes question at 100
/// columns left a column of the bin's cut ends beside it. Answers are broken between them,
/// and a question that leaves only a few columns takes the whole width.
#[test]
fn a_question_breaks_between_its_answers_and_leaves_no_sliver_beside_it() {
    let mut app = sample_app(AmbiWidth::Single);
    app.overlay = Overlay::ConfirmQuit;
    let shown = screen(&draw(&mut app, 40, 12));
    assert!(shown.contains("│ y: quit without saving"), "{shown}");
    assert!(shown.contains("│ s: save and quit   n: stay"), "{shown}");
    app.lang = UiLang::ZhHans;
    let shown = screen(&draw(&mut app, 40, 12));
    assert!(shown.contains("y：不保存就退出"), "{shown}");
    app.lang = UiLang::En;
    app.overlay = Overlay::ConfirmDropNotes { notes: 3, first: "jinyuan-livable".into() };
    let shown = screen(&draw(&mut app, 100, 20));
    let rows: Vec<&str> = shown.lines().filter(|l| l.contains("merge") || l.contains("y: save")).collect();
    assert!(rows.iter().all(|r| r.starts_with(['┌', '│']) && r.ends_with(['┐', '│'])), "{shown}");
}

/// Found from outside: after `chmod` of the layout (its status-change time moved, nothing
/// else), Ctrl-s asked about a change no other program made.
#[test]
fn a_layout_whose_mode_changed_saves_without_a_question() {
    use std::os::unix::fs::PermissionsExt;
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::set_permissions(&opened.layout_path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let effects = press(&mut app, "J C-s");
    run_effects(&mut app, effects);
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.is_dirty());
}

/// Found from outside: a layout made unreadable on disk (the desk kept, unsaved) and then given
/// back its very bytes stayed "unsaved", its journal kept and quitting asking, though desk and
/// file were the same. The file again as the desk: the desk is saved, as undo back to it is.
#[test]
fn a_layout_given_back_as_the_desk_holds_it_leaves_the_desk_saved() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    let clean = std::fs::read(&opened.layout_path).unwrap();
    let broken = String::from_utf8(clean.clone()).unwrap().replacen("line: 1,", "line: 1,,", 1);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, broken).unwrap();
    look_at_disk(&mut app);
    assert_eq!(app.overlay, Overlay::None, "said at once, no question");
    assert!(app.is_dirty(), "not loaded, the desk kept over the file");
    assert!(pasteup::tui::run::journal_now(&mut app));
    let journal = pasteup_core::journal::journal_path(&opened.layout_path);
    assert!(journal.exists());
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, &clean).unwrap();
    look_at_disk(&mut app);
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.is_dirty(), "the file holds the desk again");
    assert!(!journal.exists(), "nothing unsaved to keep");
}

/// Found from outside: another program changed the layout's `issue:` to a copy of the issue
/// beside it; `y`, a move and Ctrl-s wrote the old name back without a word, where `pasteup
/// merge` keeps theirs. The editor takes the issue their layout names, loaded or merged.
#[test]
fn an_issue_their_layout_names_is_kept_by_the_save() {
    for merge in [false, true] {
        let dir = SampleDir::new();
        let (opened, mut app) = saved_sample(&dir);
        // Saved, the sample is an issue and a layout like any other.
        app.doc.is_sample = false;
        let renamed = dir.path().join("renamed-issue.ron");
        std::fs::copy(&opened.issue_path, &renamed).unwrap();
        let old_name = opened.issue_path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&opened.layout_path).unwrap();
        let theirs = text.replace(&format!("issue: \"{old_name}\""), "issue: \"renamed-issue.ron\"");
        assert_ne!(theirs, text);
        if merge {
            press(&mut app, "J");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&opened.layout_path, &theirs).unwrap();
        look_at_disk(&mut app);
        assert!(matches!(app.overlay, Overlay::TheirLayout { .. }), "{:?}", app.overlay);
        let effects = press(&mut app, "y");
        run_effects(&mut app, effects);
        // Said, in both languages (found from outside: the editor changed issues unsaid).
        let status = &app.message.as_ref().unwrap().status;
        let said = pasteup_core::catalogue::Render::render(status, UiLang::En);
        assert!(said.ends_with("; it names the issue renamed-issue.ron, which the editor follows now"), "{said}");
        let said = pasteup_core::catalogue::Render::render(status, UiLang::ZhHans);
        assert!(said.ends_with("；版面指定的稿件是 renamed-issue.ron，编辑器现在跟随它"), "{said}");
        let effects = press(&mut app, if merge { "C-s" } else { "J C-s" });
        run_effects(&mut app, effects);
        assert_eq!(app.overlay, Overlay::None, "merge {merge}");
        let saved = std::fs::read_to_string(&opened.layout_path).unwrap();
        assert!(saved.contains("issue: \"renamed-issue.ron\""), "merge {merge}: {saved}");
        assert!(saved.contains("line: 2,"), "merge {merge}: ours kept: {saved}");
        assert!(app.doc.issue_path.ends_with("renamed-issue.ron"), "{:?}", app.doc.issue_path);
    }
}

/// Found from outside: two editors each placed a different item at the same spot; the merge
/// said "kept yours where both changed: power-grid", which only one had changed, and not that
/// the two now overlap.
#[test]
fn a_merge_that_makes_an_overlap_says_so_not_both_changed() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    let (ours, theirs) = (app.makeup.bin()[0].to_string(), app.makeup.bin()[1].to_string());
    press(&mut app, ":");
    app.update(Msg::Paste(format!("place {ours} column 1 line 40")));
    press(&mut app, "Enter");
    assert!(app.is_dirty());
    let mut other = editor(&opened, AmbiWidth::Single);
    other.overlay = Overlay::None;
    press(&mut other, ":");
    other.update(Msg::Paste(format!("place {theirs} column 1 line 40")));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let effects = press(&mut other, "Enter C-s");
    run_effects(&mut other, effects);
    pasteup::tui::run::look_at_disk(&mut app);
    assert!(matches!(app.overlay, Overlay::TheirLayout { merge: true, .. }), "{:?}", app.overlay);
    let effects = press(&mut app, "y");
    run_effects(&mut app, effects);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(!said.contains("both changed"), "{said}");
    assert!(said.contains("; to look at after the merge: "), "{said}");
}

/// Found from outside: with the sample's folder impossible to make, `:w FILE` wrote a copy
/// naming an issue that was nowhere and said it as any copy; and Ctrl-s said "Not a directory
/// (os error 20)" with no path. Then the copy, opened with the built-in sample, could not be
/// saved either: the sample's issue is now written beside the copy, with its photos.
#[test]
fn a_copy_of_the_sample_whose_issue_cannot_be_written_takes_the_issue_beside_it() {
    let dir = SampleDir::new();
    std::fs::write(dir.path().join("afile"), "").unwrap();
    let mut app = sample_app(AmbiWidth::Single);
    assert!(app.doc.is_sample);
    app.doc.issue_path = dir.path().join("afile").join("s.ron");
    app.doc.layout_path = dir.path().join("afile").join("s.layout.ron");
    app.doc.spare_dir = None;
    let effects = press(&mut app, "J C-s");
    run_effects(&mut app, effects);
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.contains("afile is not a folder"), "{said}");
    // In Chinese too (found from outside: why a save failed was said in English).
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::ZhHans);
    assert!(said.starts_with("未保存（:w 文件名 可另存到别处）：") && said.contains("afile 不是文件夹"), "{said}");
    let write_copy = |app: &mut App, copy: &std::path::Path| command(app, &format!("w {}", copy.display()));
    let copy = dir.path().join("copy.layout.ron");
    let said = write_copy(&mut app, &copy);
    let issue = dir.path().join(pasteup_core::sample::ISSUE_FILE);
    let open = format!("open them with pasteup {} --layout {}", issue.display(), copy.display());
    assert!(said.ends_with(&open), "{said}");
    // The copy names it, and opens with it as any issue: its photos found, its placements kept.
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(text.contains(&format!("issue: \"{}\"", pasteup_core::sample::ISSUE_FILE)), "{text}");
    let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&copy)).unwrap();
    assert!(!opened.is_sample);
    assert_eq!(opened.warnings, []);
    assert_eq!(opened.layout.pages, app.makeup.to_layout("x").pages);
    assert!(dir.path().join("assets/power-grid.png").is_file());
    // A second copy beside the first reuses the issue written there.
    let said = write_copy(&mut app, &dir.path().join("copy2.layout.ron"));
    assert!(said.contains("and the sample's issue beside it"), "{said}");

    // A copy refused (a read-only file) leaves nothing beside it (found in review: the issue
    // and photos were written before the copy).
    let refused = dir.path().join("refused");
    std::fs::create_dir(&refused).unwrap();
    let read_only = refused.join("ro.layout.ron");
    std::fs::write(&read_only, "").unwrap();
    let mut perms = std::fs::metadata(&read_only).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&read_only, perms).unwrap();
    let said = command(&mut app, &format!("w! {}", read_only.display()));
    assert!(said.starts_with("No copy written: the file is read-only"), "{said}");
    assert_eq!(std::fs::read_dir(&refused).unwrap().count(), 1, "only the read-only file");

    // Where a file of the issue's name that is not the sample's is there, it is left alone, and
    // the copy opens with the built-in sample.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join(pasteup_core::sample::ISSUE_FILE), "not the sample").unwrap();
    let copy = other.join("copy.layout.ron");
    let said = write_copy(&mut app, &copy);
    assert!(said.ends_with(&format!("open it with pasteup --layout {}", copy.display())), "{said}");
    assert_eq!(std::fs::read_to_string(other.join(pasteup_core::sample::ISSUE_FILE)).unwrap(), "not the sample");
    let opened = pasteup_core::document::open_to_edit(None, Some(&copy)).unwrap();
    assert_eq!(opened.layout.pages, app.makeup.to_layout("x").pages);
}

/// Found from outside: in the plan zoom at 80×24 a box of 11 lines with another right under
/// it kept one row in sight, its headline; the box below was drawn over its fit badge and id.
/// A box with one row in sight shows its badge there, before the headline.
#[test]
fn a_short_box_in_the_plan_zoom_keeps_its_fit_badge_in_sight() {
    let mut app = sample_app(AmbiWidth::Single);
    let said = command(&mut app, "place yangqu-seven-projects column 4 line 12");
    assert!(said.starts_with("Placed yangqu-seven-projects"), "{said}");
    press(&mut app, "z");
    let text = screen(&draw(&mut app, 80, 24));
    let row = text.lines().find(|l| l.contains("晋源区") || l.contains("┌fits …")).unwrap_or_default().to_string();
    // The headline cut to nothing but its `…`: there is more, as anywhere a text is cut.
    assert!(row.contains("┌fits …"), "the badge before the headline:\n{text}");
    // With room for three rows, the box is drawn as before: headline, badge, id.
    let text = screen(&draw(&mut app, 200, 100));
    assert!(text.contains("晋源区要办好十件民生实事") && text.contains("jinyuan-ten-projects"), "{text}");
}

/// Found from outside: in the plan zoom a 3-line box at line 1 and the box under it at line 4
/// fell in one row, and the lower one was drawn over it whole: its overset badge was gone.
/// Each keeps a row of its own.
#[test]
fn in_the_plan_zoom_a_box_whose_row_the_box_under_it_starts_in_stays_in_sight() {
    let mut app = sample_app(AmbiWidth::Single);
    command(&mut app, "find jinyuan-ten-projects");
    // Found from outside too: `:depth N` said nothing.
    let said = command(&mut app, "depth 3");
    assert_eq!(said, "jinyuan-ten-projects: columns 4–5, from line 1, depth fixed 3");
    let said = command(&mut app, "place yangqu-seven-projects column 4 line 4");
    assert!(said.starts_with("Placed yangqu-seven-projects"), "{said}");
    press(&mut app, "z");
    let text = screen(&draw(&mut app, 160, 24));
    let rows: Vec<&str> = text.lines().collect();
    let ten =
        rows.iter().position(|l| l.contains("overset [3]")).unwrap_or_else(|| panic!("ten-projects hidden:\n{text}"));
    let seven = rows.iter().position(|l| l.contains("阳曲县七件")).unwrap_or_else(|| panic!("yangqu hidden:\n{text}"));
    assert_eq!(seven, ten + 1, "the box under it starts in the next row:\n{text}");
}

/// Found from outside: the plan zoom cut headlines and ids with no `…` (`┌春运首日铁路发送旅客1280万人 ┐`
/// for …万人次), so a cut headline read as complete. At 120×40 a 2-column box has 17 cells
/// inside its frame: 晋源区要办好十件民生实事 keeps eight characters whole and its `…`.
#[test]
fn the_plan_zoom_ends_a_cut_headline_and_id_in_an_ellipsis() {
    let mut app = sample_app(AmbiWidth::Single);
    press(&mut app, "z");
    let text = screen(&draw(&mut app, 120, 40));
    assert!(text.contains("┌晋源区要办好十件…┐"), "{text}");
    assert!(text.contains("│jinyuan-ten-proj…│"), "{text}");
    // A headline that fits is not touched.
    assert!(text.contains("守护青山绿水 增进民生福祉  <"), "{text}");
}

/// A click in the plan zoom selects the box drawn where it falls, also one drawn a row under
/// its first line's (two 1-line boxes at lines 1 and 2, where a row holds five lines).
#[test]
fn in_the_plan_zoom_a_click_selects_the_box_drawn_there() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = sample_app(AmbiWidth::Single);
    command(&mut app, "find jinyuan-ten-projects");
    command(&mut app, "depth 1");
    command(&mut app, "place yangqu-seven-projects column 4 line 2");
    command(&mut app, "find yangqu-seven-projects");
    command(&mut app, "depth 1");
    command(&mut app, "find jinyuan-livable");
    press(&mut app, "z");
    let text = screen(&draw(&mut app, 160, 24));
    let rows: Vec<&str> = text.lines().collect();
    let at = |head: &str| {
        let row = rows.iter().position(|l| l.contains(head)).unwrap_or_else(|| panic!("{head}:\n{text}"));
        (rows[row][..rows[row].find(head).unwrap()].width() as u16, row as u16)
    };
    for (head, item) in [("阳曲县七件", "yangqu-seven-projects"), ("晋源区要办", "jinyuan-ten-projects")] {
        let (column, row) = at(head);
        let (kind, modifiers) = (MouseEventKind::Down(MouseButton::Left), KeyModifiers::NONE);
        app.update(Msg::Mouse(MouseEvent { kind, column, row, modifiers }));
        assert_eq!(app.selected.as_deref(), Some(item), "{head}:\n{text}");
    }
}

/// Found from outside: `:find` never reached a part waiting in the bin; again and again it
/// landed on part 1 on its page.
#[test]
fn find_reaches_a_part_waiting_in_the_bin() {
    let mut app = sample_app(AmbiWidth::Single);
    let said = command(&mut app, "find snow-clearing");
    assert!(said.starts_with("Found snow-clearing on page"), "{said}");
    command(&mut app, "depth 10");
    press(&mut app, "t");
    let said = app.message.as_ref().map(|m| pasteup_core::catalogue::Render::render(&m.status, UiLang::En));
    assert!(said.as_deref().is_some_and(|s| s.contains("part 2")), "{said:?}");
    let said = command(&mut app, "find snow-clearing");
    assert_eq!(said, "Found snow-clearing (part 2) in the bin (:find again for the next)");
    assert_eq!(app.focus, pasteup::tui::keys::Focus::Bin);
    // Found from outside: `:find` alone, as the status says, was refused for want of a text.
    // It looks for the last text again: round to part 1, named as a part now that part 2
    // waits in the bin.
    let said = command(&mut app, "find");
    assert!(said.starts_with("Found snow-clearing (part 1) on page"), "{said}");
}

/// `:find` alone before any text is looked for asks for one.
#[test]
fn find_alone_with_nothing_looked_for_asks_for_the_text() {
    let mut app = sample_app(AmbiWidth::Single);
    assert_eq!(command(&mut app, "find"), ":find needs the text to look for: :find TEXT");
}

/// Found from outside: a clean desk whose layout was removed from disk was still "saved": `q`
/// quit at once and no journal was written, so a kill lost every placement. The file no longer
/// holds the desk: unsaved, journalled, and an undo back to what was saved does not clean it.
#[test]
fn a_layout_removed_from_disk_leaves_the_desk_unsaved_and_journalled() {
    let dir = SampleDir::new();
    let opened = sample_in(dir.path());
    let mut app = editor(&opened, AmbiWidth::Single);
    keys(&mut app, "L C-s");
    assert!(!app.is_dirty());
    std::fs::remove_file(&opened.layout_path).unwrap();
    look_at_disk(&mut app);
    assert!(app.is_dirty());
    assert!(pasteup::tui::run::journal_now(&mut app));
    assert!(pasteup_core::journal::journal_path(&opened.layout_path).exists());
    keys(&mut app, "J u");
    assert!(app.is_dirty(), "undo back to the removed file's revision");
    keys(&mut app, "q");
    assert!(!matches!(app.overlay, Overlay::None), "q asks");
}

/// Found from outside: scrolled right at 83 columns, the column the bin cut showed its number
/// and no free count, centred past the view's edge. It is centred in the part in sight.
#[test]
fn a_column_the_view_cuts_still_shows_its_free_lines() {
    let opened = builtin_sample();
    let mut app = editor(&opened, AmbiWidth::Single);
    press(&mut app, "l l");
    let shown = screen(&draw(&mut app, 83, 30));
    let rows: Vec<&str> = shown.lines().collect();
    let numbers = rows.iter().position(|r| r.starts_with("line")).unwrap();
    let (ruler, free) = (rows[numbers], rows[numbers + 1]);
    let counts = free.split('│').next().unwrap().split_whitespace().filter(|w| w.parse::<u32>().is_ok()).count();
    let numbers_shown =
        ruler.split('│').next().unwrap().split_whitespace().filter(|w| w.parse::<u16>().is_ok()).count();
    assert_eq!(counts, numbers_shown, "every column numbered shows its count:\n{ruler}\n{free}");
}

/// Found from outside: a layout shared into another folder by a link, its issue linked there
/// too, opened and saved through that folder: the save wrote `issue: "../night/s.ron"`, the
/// way through the other folder's link, into the real file. A save keeps `issue:` as written
/// while it names the issue from where the layout really lies.
#[cfg(unix)]
#[test]
fn a_save_through_a_linked_layout_keeps_its_issue_as_written() {
    let dir = SampleDir::new();
    let (desk, night) = (dir.path().join("desk"), dir.path().join("night"));
    std::fs::create_dir(&desk).unwrap();
    std::fs::create_dir(&night).unwrap();
    std::fs::write(desk.join("s.ron"), pasteup_core::sample::ISSUE).unwrap();
    let layout = pasteup_core::sample::LAYOUT.replace("issue: \"taiyuan-2023-02-10.ron\"", "issue: \"s.ron\"");
    assert!(layout.contains("issue: \"s.ron\""));
    std::fs::write(desk.join("s.layout.ron"), layout).unwrap();
    std::os::unix::fs::symlink("../desk/s.ron", night.join("s.ron")).unwrap();
    std::os::unix::fs::symlink("../desk/s.layout.ron", night.join("s.layout.ron")).unwrap();
    let opened = pasteup_core::document::open_to_edit(Some(&night.join("s.ron")), None).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    keys(&mut app, "L C-s");
    assert!(!app.is_dirty(), "{:?}", app.message);
    let saved = std::fs::read_to_string(desk.join("s.layout.ron")).unwrap();
    assert!(saved.contains("issue: \"s.ron\""), "{saved}");
    assert!(std::fs::symlink_metadata(night.join("s.layout.ron")).unwrap().file_type().is_symlink());
}

/// Found from outside: a layout whose file name left no room for `.recover.PID` beside it had
/// its journal in the spare folder, and the status line said "The layout's folder cannot be
/// written", which it can. It says the name is too long, and what to do.
#[test]
fn a_layout_name_too_long_for_its_journal_is_said_as_such() {
    let dir = SampleDir::new();
    let mut opened = sample_in(dir.path());
    opened.layout_path = dir.path().join(format!("{}xx.layout.ron", "长".repeat(79)));
    assert_eq!(opened.layout_path.file_name().unwrap().len(), 250);
    let mut app = editor(&opened, AmbiWidth::Single);
    let spare = dir.path().join("state");
    app.doc.spare_dir = Some(spare.clone());
    press(&mut app, "L");
    assert!(pasteup::tui::run::journal_now(&mut app));
    let status = &app.message.as_ref().unwrap().status;
    assert!(matches!(status, Status::JournalNameTooLong { .. }), "{status:?}");
    let said = pasteup_core::catalogue::Render::render(status, UiLang::En);
    assert!(said.starts_with("The layout's file name is too long for a recovery file beside it: "), "{said}");
    assert!(said.ends_with("; :w FILE saves under a shorter name"), "{said}");
    let said = pasteup_core::catalogue::Render::render(status, UiLang::ZhHans);
    assert!(said.starts_with("版面文件名太长"), "{said}");
    let in_spare = pasteup_core::journal::spare_journal_path(&opened.layout_path, Some(&spare)).unwrap();
    assert!(in_spare.is_file());
}

/// Found from outside: a Ctrl-s with no change dropped the sample layout's four `//` comment
/// lines and said only "Saved …". The save goes ahead (the desk's save writes as pasteup
/// writes), and the status line says how many comment lines it did not keep.
#[test]
fn a_save_that_drops_comments_says_how_many() {
    let dir = SampleDir::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts");
    for f in ["taiyuan-2023-02-10.ron", "taiyuan-2023-02-10.layout.ron"] {
        std::fs::copy(root.join(f), dir.path().join(f)).unwrap();
    }
    let issue = dir.path().join("taiyuan-2023-02-10.ron");
    let layout = dir.path().join("taiyuan-2023-02-10.layout.ron");
    let opened = pasteup_core::document::open_to_edit(Some(&issue), None).unwrap();
    assert_eq!(pasteup_core::format::comment_lines(&std::fs::read_to_string(&layout).unwrap()), 4);
    let mut app = editor(&opened, AmbiWidth::Single);
    app.overlay = Overlay::None;
    assert!(!app.is_dirty());
    let save = |app: &mut App| {
        let effects = press(app, "C-s");
        run_effects(app, effects);
        pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En)
    };
    let said = save(&mut app);
    let shown = layout.display().to_string();
    assert!(said.starts_with("Saved "), "{said}");
    assert!(said.ends_with("; 4 comment line(s) not kept: a save writes the layout as pasteup writes it"), "{said}");
    assert!(said.contains(&shown) || said.contains("taiyuan-2023-02-10.layout.ron"), "{said}");
    assert_eq!(pasteup_core::format::comment_lines(&std::fs::read_to_string(&layout).unwrap()), 0);
    let zh = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::ZhHans);
    assert!(zh.contains("未保留 4 行注释"), "{zh}");
    // The next save has no comment to drop, and says only "Saved".
    let said = save(&mut app);
    assert!(said.starts_with("Saved ") && !said.contains("comment"), "{said}");
}

/// Found from outside: an issue named in GBK (`第3版.ron` from a Windows share) was saved into
/// the layout as `issue: "��3��.ron"`, which names no file. The editor says at once that a layout
/// cannot name it, and Ctrl-s writes nothing, saying why; the work stays on the desk and in the
/// journal.
#[test]
fn an_issue_whose_file_name_is_not_utf8_is_said_at_start_and_never_saved_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = SampleDir::new();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let issue = dir.path().join(std::ffi::OsStr::from_bytes(b"\xb5\xda3\xb0\xe6.ron"));
    let layout = dir.path().join(std::ffi::OsStr::from_bytes(b"\xb5\xda3\xb0\xe6.layout.ron"));
    std::fs::copy(repo.join("layouts/taiyuan-2023-02-10.ron"), &issue).unwrap();
    std::fs::copy(repo.join("layouts/taiyuan-2023-02-10.fitted.layout.ron"), &layout).unwrap();
    let before = std::fs::read(&layout).unwrap();
    let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&layout)).unwrap();
    let mut app = editor(&opened, AmbiWidth::Single);
    let status = |app: &App, lang| pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, lang);
    let why = r"the issue's file name \xb5\xda3\xb0\xe6.ron is not UTF-8, so a layout cannot name it; rename it, e.g. `convmv -f GBK -t UTF-8 --notest FILE`";
    let said = status(&app, UiLang::En);
    assert!(said.contains(&format!(r"layouts/\xb5\xda3\xb0\xe6.layout.ron: {why}")), "{said}");
    assert!(!said.contains('\u{fffd}'), "{said}");
    let effects = press(&mut app, "J C-s");
    run_effects(&mut app, effects);
    assert_eq!(app.overlay, Overlay::None);
    let said = status(&app, UiLang::En);
    assert!(said.contains(why), "{said}");
    assert!(status(&app, UiLang::ZhHans).contains(r"稿件文件名 \xb5\xda3\xb0\xe6.ron 不是 UTF-8"));
    assert_eq!(std::fs::read(&layout).unwrap(), before, "nothing written");
    assert!(app.is_dirty(), "the work stays on the desk");
    pasteup::tui::run::journal_now(&mut app);
    assert!(app.doc.journal.as_ref().is_some_and(|j| j.exists()), "and in the journal");
    // `:w` to another file names the issue as a save does: refused alike.
    let copy = dir.path().join("copy.layout.ron");
    let said = command(&mut app, &format!("w {}", copy.display()));
    assert!(said.contains(why), "{said}");
    assert!(!copy.exists());
}

/// Found from outside: a layout cut short on disk while the desk was unsaved went unsaid until
/// Ctrl-s, which offered to merge it, and only `y` said it could not be read. A layout that no
/// longer parses is said at once, as an unreadable one is, with no question.
#[test]
fn a_layout_cut_short_on_disk_is_said_at_once_and_never_offered_for_merge() {
    let dir = SampleDir::new();
    let (opened, mut app) = saved_sample(&dir);
    press(&mut app, "J");
    let text = std::fs::read_to_string(&opened.layout_path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&opened.layout_path, &text[..text.len() / 2]).unwrap();
    look_at_disk(&mut app);
    assert_eq!(app.overlay, Overlay::None, "no question");
    let said = pasteup_core::catalogue::Render::render(&app.message.as_ref().unwrap().status, UiLang::En);
    assert!(said.starts_with("The layout on disk was not loaded (yours is kept): "), "{said}");
    assert!(app.is_dirty());
    look_at_disk(&mut app);
    assert_eq!(app.overlay, Overlay::None, "asked once, never");
}
