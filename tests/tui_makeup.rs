//! The make-up keys and the command line in the editor, without a terminal: counts, jumps,
//! pull-up, cut-out, the bin key, Enter into a hole, the selection after x and undo, the `:`
//! line with completion and history, and a mouse drag; with TestBackend snapshots of the new
//! rows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use pasteup::tui::app::{App, Effect, Msg, Overlay, Tone};
use pasteup::tui::keys::Focus;
use pasteup::tui::run::editor;
use pasteup_core::catalogue::{Besides, Render, Status, UiLang};
use pasteup_core::document::builtin_sample;
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::layout::{CommandArg, Refusal};
use pasteup_core::model::Depth;
use pasteup_core::problem::{Problem, ProblemKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::CellDiffOption;
use unicode_width::UnicodeWidthStr;

fn sample_app() -> App {
    let mut app = editor(&builtin_sample(), AmbiWidth::Single);
    app.message = None;
    app
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Types `text` a character at a time; `⏎` is Enter, `⇥` Tab, `⇤` Shift-Tab, `⎋` Esc, `↑` Up.
fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        let code = match c {
            '⏎' => KeyCode::Enter,
            '⇥' => KeyCode::Tab,
            '⇤' => KeyCode::BackTab,
            '⎋' => KeyCode::Esc,
            '↑' => KeyCode::Up,
            '←' => KeyCode::Left,
            c => KeyCode::Char(c),
        };
        effects.extend(key(app, code));
    }
    effects
}

fn select(app: &mut App, id: &str) {
    app.focus = Focus::Page;
    app.selected = Some(id.to_string());
}

/// (column, span, line, depth) of an item on page 3.
fn at(app: &App, id: &str) -> (u16, u16, u32, Depth) {
    let (page, p) = app.makeup.placement_of(id).expect("placed");
    assert_eq!(page, 3);
    (p.column, p.span, p.line, p.depth)
}

fn box_depth(app: &App, id: &str) -> u32 {
    app.makeup.resolved(3).into_iter().find(|b| b.item == id).unwrap().box_depth
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut x = 0;
        let mut row = String::new();
        while x < w {
            let cell = &buf[(x, y)];
            row.push_str(cell.symbol());
            x += match cell.diff_option {
                CellDiffOption::ForcedWidth(n) => n.get(),
                _ => cell.symbol().width().max(1) as u16,
            };
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn a_count_repeats_a_move_in_one_undo_step_and_esc_drops_it() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-ten-projects");
    typed(&mut app, "12");
    assert_eq!(app.message.as_ref().map(|m| m.status.clone()), Some(Status::Count { count: 12 }));
    typed(&mut app, "J");
    assert_eq!(at(&app, "jinyuan-ten-projects").2, 13);
    assert_eq!(app.count, None);
    typed(&mut app, "u");
    assert_eq!(at(&app, "jinyuan-ten-projects").2, 1, "12J was one undo step");
    typed(&mut app, "3L");
    assert_eq!(at(&app, "jinyuan-ten-projects").0, 7, "3 columns right, pushing down");
    typed(&mut app, "u5⎋J");
    assert_eq!(at(&app, "jinyuan-ten-projects").2, 2, "Esc dropped the 5");
    let deep = box_depth(&app, "jinyuan-ten-projects");
    typed(&mut app, "5]");
    assert_eq!(at(&app, "jinyuan-ten-projects").3, Depth::Fixed(deep + 5));
    typed(&mut app, "10K");
    assert_eq!(at(&app, "jinyuan-ten-projects").2, 1, "a count past the top stops at line 1");
    typed(&mut app, "10K");
    assert_eq!(at(&app, "jinyuan-ten-projects").2, 1, "a refused count moves nothing");
    assert!(matches!(app.message.as_ref().unwrap().status, Status::Refused(Refusal::AtTop { .. })));
}

#[test]
fn jumps_pull_up_and_cut_out() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-ten-projects");
    typed(&mut app, "}");
    let deep = box_depth(&app, "jinyuan-ten-projects");
    assert_eq!(at(&app, "jinyuan-ten-projects").2, 101 - deep, "down to the foot");
    typed(&mut app, "{");
    assert_eq!(at(&app, "jinyuan-ten-projects").2, 1, "up to line 1");
    // Two boxes down, P brings both back in one step, and keeps the selection.
    typed(&mut app, "20J");
    select(&mut app, "yangqu-livelihood");
    typed(&mut app, "30J");
    typed(&mut app, "P");
    assert_eq!((at(&app, "jinyuan-ten-projects").2, at(&app, "yangqu-livelihood").2), (1, 1));
    assert_eq!(app.selected.as_deref(), Some("yangqu-livelihood"));
    assert_eq!(app.message.as_ref().unwrap().status, Status::PulledUp { page: 3 });
    typed(&mut app, "u");
    assert_eq!((at(&app, "jinyuan-ten-projects").2, at(&app, "yangqu-livelihood").2), (21, 31));
    assert_eq!(app.selected.as_deref(), Some("yangqu-livelihood"), "undo selects the box the step touched");
    typed(&mut app, "P");
    // Enter puts yangqu-seven-projects under jinyuan-ten-projects, the shortest box; X on
    // jinyuan-ten-projects bins it and pulls yangqu-seven-projects up to line 1.
    typed(&mut app, "⇥⏎");
    assert_eq!(at(&app, "yangqu-seven-projects"), (4, 2, 1 + deep, Depth::Auto));
    select(&mut app, "jinyuan-ten-projects");
    typed(&mut app, "X");
    assert!(app.makeup.in_bin("jinyuan-ten-projects"));
    assert_eq!(at(&app, "yangqu-seven-projects").2, 1);
    assert_eq!(app.selected.as_deref(), Some("yangqu-livelihood"), "the next box in reading order");
    typed(&mut app, "u");
    assert_eq!(at(&app, "jinyuan-ten-projects").2, 1);
    assert_eq!(app.selected.as_deref(), Some("jinyuan-ten-projects"), "undo selects the box X took");
}

#[test]
fn x_selects_the_next_box_in_reading_order() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, "x");
    assert_eq!(app.selected.as_deref(), Some("jinyuan-ten-projects"));
    typed(&mut app, "ll");
    assert_eq!(app.selected.as_deref(), Some("yangqu-livelihood"));
    typed(&mut app, "x");
    assert_eq!(app.selected.as_deref(), Some("jinyuan-ten-projects"), "the last box: the one before it");
    typed(&mut app, "u");
    assert_eq!(app.selected.as_deref(), Some("yangqu-livelihood"));
    app.update(Msg::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)));
    assert!(app.makeup.in_bin("yangqu-livelihood"));
    assert_eq!(app.focus, Focus::Bin, "redo shows the binned box in the bin");
}

#[test]
fn enter_says_where_the_item_went() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, "⇥⏎");
    let (column, _, line, _) = at(&app, "yangqu-seven-projects");
    assert_eq!(
        app.message.as_ref().unwrap().status,
        Status::PlacedInHole { item: "yangqu-seven-projects".into(), part: 1, column, line, pushed: vec![] }
    );
    // Fill every column to the foot; the next item finds no hole and goes under the selection.
    typed(&mut app, ":place yangqu-livelihood line 1 column 6⏎");
    select(&mut app, "jinyuan-livable");
    typed(&mut app, ":depth 100⏎");
    select(&mut app, "jinyuan-ten-projects");
    typed(&mut app, ":depth 100⏎");
    select(&mut app, "yangqu-livelihood");
    typed(&mut app, ":depth 100⏎");
    typed(&mut app, "⇥⏎");
    let status = app.message.as_ref().unwrap().status.clone();
    assert!(matches!(&status, Status::PlacedUnder { under, .. } if under == "yangqu-livelihood"), "{status:?}");
}

/// Found from outside: `:place ID` from the bin said nothing, where `Enter` says where the
/// box went.
#[test]
fn place_by_command_says_where_the_box_went() {
    let mut app = sample_app();
    typed(&mut app, ":place yangqu-seven-projects⏎");
    let (column, _, line, _) = at(&app, "yangqu-seven-projects");
    let status = app.message.as_ref().unwrap().status.clone();
    assert_eq!(
        status,
        Status::Placed { item: "yangqu-seven-projects".into(), part: 1, column, line, pushed: vec![], overlap: vec![] }
    );
    let en = status.render(UiLang::En);
    assert_eq!(en, format!("Placed yangqu-seven-projects: column {column}, line {line}"));
    let zh = status.render(UiLang::ZhHans);
    assert!(zh.contains(&format!("第 {column} 栏第 {line} 行")), "{zh}");
    // Where it pushes a box down, it says so.
    typed(&mut app, ":place xishan-railway column 1 line 1⏎");
    let status = app.message.as_ref().unwrap().status.clone();
    assert!(matches!(&status, Status::Placed { pushed, .. } if !pushed.is_empty()), "{status:?}");
}

/// Found from outside: with nothing selected `x` said "Select a box first" where `J` and `f`
/// said how to select one; and `P` on a page with no boxes spoke of boxes meeting.
#[test]
fn keys_with_nothing_to_act_on_say_so_alike() {
    let mut app = sample_app();
    key(&mut app, KeyCode::PageDown);
    typed(&mut app, "xxx");
    assert!(app.makeup.resolved(4).is_empty(), "page 4 emptied");
    assert_eq!(app.selected, None);
    for keys in ["x", "X", "J", "f"] {
        app.message = None;
        typed(&mut app, keys);
        assert_eq!(app.message.as_ref().unwrap().status, Status::SelectBoxFirst, "{keys}");
    }
    typed(&mut app, ":line 3⏎");
    let status = app.message.as_ref().unwrap().status.clone();
    for lang in [UiLang::En, UiLang::ZhHans] {
        assert_eq!(status.render(lang), Status::SelectBoxFirst.render(lang), "{lang:?}");
    }
    typed(&mut app, "P");
    let status = app.message.as_ref().unwrap().status.clone();
    assert_eq!(status, Status::Refused(Refusal::PageEmpty { page: 4 }));
    assert!(!status.render(UiLang::ZhHans).contains("每篇"), "{}", status.render(UiLang::ZhHans));
}

/// Found from outside: `42J` scrolled to the box's first line only; `Enter` on the page said
/// nothing; a continued part placed from the bin was named as its article.
#[test]
fn the_view_shows_a_moved_box_whole_and_keys_say_where_they_work() {
    let mut app = sample_app();
    screen(&mut app, 160, 48);
    select(&mut app, "jinyuan-livable");
    typed(&mut app, "42J");
    let shown = screen(&mut app, 160, 48);
    assert!(shown.contains(" 43 >") && shown.contains("（袁剑锋、杨润德）"), "{shown}");
    typed(&mut app, "⏎");
    assert_eq!(app.message.as_ref().unwrap().status, Status::KeyForBin);

    // The plan zoom on a short screen draws the selected box over those it shares rows with.
    let mut app = sample_app();
    key(&mut app, KeyCode::PageDown);
    typed(&mut app, "Mz");
    app.update(Msg::Resize(80, 10));
    let selected = app.selected.clone().unwrap();
    let shown = screen(&mut app, 80, 10);
    assert!(shown.lines().any(|l| l.contains('>') && l.contains('<')), "{selected}:\n{shown}");

    // With the bin shown, a box at the view's right edge keeps its `<` in sight.
    let mut app = sample_app();
    screen(&mut app, 160, 48);
    typed(&mut app, "ll");
    assert_eq!(app.selected.as_deref(), Some("yangqu-livelihood"));
    let shown = screen(&mut app, 160, 48);
    let head = shown.lines().find(|l| l.contains("阳  曲  县")).unwrap();
    assert!(head.contains("fits <"), "{shown}");

    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, ":depth 25⏎t⇥⏎");
    let status = app.message.as_ref().unwrap().status.clone();
    assert!(matches!(&status, Status::PlacedInHole { item, part: 2, .. } if item == "jinyuan-livable"), "{status:?}");
    assert!(status.render(UiLang::En).starts_with("Placed jinyuan-livable (part 2) in a hole"), "{status:?}");
}

#[test]
fn b_hides_the_bin_and_an_empty_bin_is_narrow() {
    let mut app = sample_app();
    app.update(Msg::Resize(120, 40));
    assert_eq!(app.screen().bin.unwrap().width, 34);
    typed(&mut app, "b");
    assert!(app.screen().bin.is_none());
    assert_eq!(app.screen().page.width, 120);
    typed(&mut app, "b");
    for _ in 0..6 {
        typed(&mut app, "⇥⏎");
    }
    assert!(app.makeup.bin().is_empty());
    let bin = {
        app.update(Msg::Resize(80, 24));
        app.screen()
    }
    .bin
    .unwrap();
    assert!(bin.width * 3 < 80, "an empty bin takes {} of 80 columns", bin.width);
    insta::assert_snapshot!("empty_bin_80x24", screen(&mut app, 80, 24));
}

#[test]
fn the_command_line_places_finds_and_refuses() {
    let mut app = sample_app();
    typed(&mut app, ":place xishan-railway column 1 line 40⏎");
    assert_eq!(at(&app, "xishan-railway"), (1, 3, 40, Depth::Auto));
    assert_eq!(app.selected.as_deref(), Some("xishan-railway"));
    typed(&mut app, ":line 50⏎:span 2⏎:column 2⏎");
    assert_eq!(at(&app, "xishan-railway"), (2, 2, 50, Depth::Auto));
    typed(&mut app, "uuu");
    assert_eq!(at(&app, "xishan-railway"), (1, 3, 40, Depth::Auto), "each command one undo step");
    typed(&mut app, ":find 雪⏎");
    let first = app.selected.clone();
    let found = app.message.as_ref().unwrap().status.clone();
    assert!(matches!(found, Status::Found { .. }), "{found:?}");
    typed(&mut app, ":find 雪⏎");
    assert_ne!(app.message.as_ref().unwrap().status, found, "again finds the next");
    let _ = first;
    typed(&mut app, ":plce x⏎");
    assert_eq!(
        app.message.as_ref().unwrap().status,
        Status::Refused(Refusal::UnknownCommand { name: "plce".into(), near: Some("place") })
    );
    typed(&mut app, ":page 4⏎");
    assert_eq!(app.page_number(), 4);
    assert_eq!(typed(&mut app, ":w⏎"), vec![Effect::Save { force: false }]);
    assert_eq!(typed(&mut app, ":q!⏎"), vec![Effect::DiscardRecovery, Effect::Quit { discard: true }]);
}

/// Found from outside: `:page 3` on page 3 selected the page's first box, so the next
/// `:column 2` moved another story than the one the inspector had named.
#[test]
fn the_page_shown_named_again_keeps_the_selection() {
    let mut app = sample_app();
    typed(&mut app, "ll");
    assert_eq!(app.selected.as_deref(), Some("yangqu-livelihood"));
    typed(&mut app, ":page 3⏎");
    assert_eq!((app.page_number(), app.selected.as_deref()), (3, Some("yangqu-livelihood")));
    assert_eq!(app.message.as_ref().unwrap().status, Status::PageShown { page: 3 });
    typed(&mut app, ":column 2⏎");
    assert_eq!(at(&app, "jinyuan-livable").0, 1, "the story the inspector named moved, not this one");
    assert_eq!(at(&app, "yangqu-livelihood").0, 2);
    typed(&mut app, ":page 4⏎");
    assert_eq!(app.page_number(), 4, "another page is shown as before");
}

#[test]
fn tab_completes_ids_from_cjk_headlines_and_up_recalls() {
    let mut app = sample_app();
    typed(&mut app, ":place 西山⇥");
    assert_eq!(app.prompt.input.value(), "place xishan-railway");
    insta::assert_snapshot!("command_line_completion_80x24", screen(&mut app, 80, 24));
    typed(&mut app, "⎋");
    assert!(!app.prompt.open);
    assert!(app.makeup.in_bin("xishan-railway"), "Esc ran nothing");
    typed(&mut app, ":place yang⇥");
    assert_eq!(app.prompt.input.value(), "place yangqu-seven-projects", "the bin's first yangqu id");
    typed(&mut app, "⇥");
    assert_eq!(app.prompt.input.value(), "place yangqu-livelihood", "Tab again: the next");
    typed(&mut app, "⎋:find 两会⏎:↑");
    assert_eq!(app.prompt.input.value(), "find 两会");
    // A wide character is one cursor step: two steps left stand before 两.
    typed(&mut app, "←←");
    assert_eq!(app.prompt.input.cursor(), 5);
    assert_eq!(app.prompt.input.visual_cursor(), 5);
    typed(&mut app, "X");
    assert_eq!(app.prompt.input.value(), "find X两会");
}

/// Found from outside: Tab after a full-width or no-break space (`:place　chun`, typed with
/// a Chinese input method, or pasted from the web) killed the editor: the word was cut one
/// byte after the space, inside it. A full-width word completes as its ASCII form.
#[test]
fn tab_completes_after_a_full_width_or_no_break_space() {
    for (typed_line, want) in [
        (":place\u{3000}西山⇥", "place\u{3000}xishan-railway"),
        (":place\u{a0}西山⇥", "place\u{a0}xishan-railway"),
        // After a space nothing is typed yet: every id is a candidate, the bin's first.
        (":place 西山\u{3000}⇥", "place 西山\u{3000}yangqu-seven-projects"),
        ("：ｐｌａｃｅ\u{3000}ｙａｎｇ⇥", "ｐｌａｃｅ\u{3000}yangqu-seven-projects"),
    ] {
        let mut app = sample_app();
        typed(&mut app, typed_line);
        assert!(app.prompt.open, "{typed_line}: the editor is still asking");
        assert_eq!(app.prompt.input.value(), want, "{typed_line}");
        typed(&mut app, "⇤");
    }
}

/// Found from outside: the candidates' row did not say which one was on the line. It is in
/// reverse video (and between `>` `<` without colour: see the view's own test).
#[test]
fn the_candidate_on_the_command_line_is_marked() {
    let mut app = sample_app();
    let reversed = |app: &mut App| -> String {
        app.update(Msg::Resize(80, 24));
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| f.render_widget(&*app, f.area())).unwrap();
        let buf = t.backend().buffer();
        (0..80)
            .map(|x| &buf[(x, 22)])
            .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
            .map(|c| c.symbol())
            .collect()
    };
    typed(&mut app, ":place yang⇥");
    assert_eq!(reversed(&mut app), "yangqu-seven-projects");
    typed(&mut app, "⇥");
    assert_eq!(reversed(&mut app), "yangqu-livelihood");
}

#[test]
fn dragging_a_box_moves_it_to_the_column_and_line_under_the_pointer() {
    let mut app = sample_app();
    app.update(Msg::Resize(200, 60));
    let mouse = |kind, column, row| Msg::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
    // Text zoom at 200×60: a column is 28 cells (13 em + 1 em gutter), page cell 0 is screen
    // cell 6, line 1 is row 3. Grab jinyuan-ten-projects (columns 4–5) at its column 4,
    // line 2, and drop it on column 6, line 32.
    let x = |column: u16| 6 + (column - 1) * 28 + 4;
    app.update(mouse(MouseEventKind::Down(MouseButton::Left), x(4), 4));
    assert_eq!(app.selected.as_deref(), Some("jinyuan-ten-projects"));
    app.update(mouse(MouseEventKind::Drag(MouseButton::Left), x(5), 20));
    app.update(mouse(MouseEventKind::Up(MouseButton::Left), x(6), 34));
    assert_eq!(at(&app, "jinyuan-ten-projects"), (6, 2, 31, Depth::Auto));
    assert_eq!(at(&app, "yangqu-livelihood").2, 1, "above the drop: not pushed");
    // The wheel scrolls.
    app.update(mouse(MouseEventKind::ScrollDown, x(2), 10));
    assert_eq!(app.scroll_row, 3);
}

/// Found in review: `M` on a page whose plan names two leads said only what it placed; the
/// status line now names the first rule the page could not keep, as `pasteup make` does.
#[test]
fn m_names_a_rule_the_page_could_not_keep() {
    let mut opened = builtin_sample();
    opened.layout.pages.clear();
    for item in &mut opened.issue.items {
        if item.id() == "yangqu-livelihood" {
            let pasteup_core::model::Item::Article(a) = item else { panic!("an article") };
            a.priority = Some(1);
        }
    }
    let mut app = editor(&opened, AmbiWidth::Single);
    app.message = None;
    key(&mut app, KeyCode::Char('M'));
    let Some(message) = app.message.as_ref() else { panic!("a status") };
    assert_eq!(message.tone, Tone::Warning);
    let text = message.status.render(UiLang::En);
    assert!(text.starts_with("Made page 3: placed "), "{text}");
    assert!(text.ends_with("; yangqu-livelihood is a second lead (priority 1)"), "{text}");
    let zh = message.status.render(UiLang::ZhHans);
    assert!(zh.ends_with("；yangqu-livelihood 也计划为头条（优先级 1）"), "{zh}");
}

/// Found from outside: at 80 columns the title ran on and `* unsaved` was cut to `* un`; at
/// 45 and narrower it was gone, so a night editor on a small SSH window could not tell
/// whether the page was saved. The mark now stands at the right end; the title is cut.
#[test]
fn the_unsaved_mark_is_seen_at_every_width() {
    for lang in [UiLang::En, UiLang::ZhHans] {
        let mut app = sample_app();
        app.lang = lang;
        select(&mut app, "jinyuan-ten-projects");
        key(&mut app, KeyCode::Char('J'));
        let mark = if lang == UiLang::En { "* unsaved" } else { "* 未保存" };
        for width in [40, 45, 80, 120] {
            let shown = screen(&mut app, width, 24);
            let title = shown.lines().next().unwrap();
            assert!(title.ends_with(mark), "{lang:?} at {width}: {title:?}");
            assert!(title.width() <= usize::from(width), "{title:?}");
        }
        key(&mut app, KeyCode::Char('u'));
        let title = screen(&mut app, 80, 24).lines().next().unwrap().to_string();
        assert!(!title.contains('*'), "saved again after undo: {title:?}");
    }
}

/// Found from outside: in the bin, `3J`, `+` and `]` did nothing, said nothing, and left the
/// count's `3: …` on the status line.
#[test]
fn a_page_key_in_the_bin_says_where_it_works() {
    let mut app = sample_app();
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Bin);
    for keys in ["3J", "+", "]"] {
        let before = app.makeup.to_layout("x");
        typed(&mut app, keys);
        assert_eq!(app.message.as_ref().map(|m| m.status.clone()), Some(Status::KeyForPage), "{keys}");
        assert_eq!(app.count, None);
        assert_eq!(app.makeup.to_layout("x"), before, "{keys} changed nothing");
    }
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('%'));
    // Found from outside: a key of no use anywhere did nothing and said nothing.
    let said = app.message.as_ref().map(|m| m.status.clone());
    assert_eq!(said, Some(Status::KeyUnbound { key: "%".into() }), "a key of no use anywhere says so");
    assert_eq!(app.count, None, "and drops the count");
}

/// Found from outside: with a Chinese input method in Chinese mode, `：` did nothing and said
/// nothing, and `：ｗｑ` Enter said `Enter` works in the bin. A full-width form is its ASCII
/// key: `：` opens the command line (which reads `ｐａｇｅ　４` as `page 4`), `？` the help,
/// `３Ｊ` moves the box three lines down.
#[test]
fn full_width_keys_are_their_ascii_keys() {
    let mut app = sample_app();
    for c in "：ｐａｇｅ　４".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.page_number(), 4, "{:?}", app.message);
    key(&mut app, KeyCode::Char('？'));
    assert!(matches!(app.overlay, Overlay::Help { .. }));
}

/// Found from outside: at 120 columns a reload's error lost its cause (`…:38:26: fu`), and a
/// refusal its way out. A message longer than its row takes the inspector's row too.
#[test]
fn a_long_message_takes_two_rows_and_loses_nothing() {
    use pasteup::tui::app::Message;
    let file = std::path::Path::new("pasteup-sample/layouts/taiyuan-2023-02-10.ron");
    let error = pasteup_core::format::LoadError::at(
        file,
        38,
        26,
        "full-width comma '，' outside a string; write an ASCII comma between fields",
    );
    for (lang, end) in [(UiLang::En, "write an ASCII comma between fields"), (UiLang::ZhHans, "between fields")] {
        let mut app = sample_app();
        app.lang = lang;
        let status = Status::IssueNotReloaded { error: error.clone() };
        app.message = Some(Message { status: status.clone(), tone: Tone::Warning });
        let shown = screen(&mut app, 120, 30);
        let rows: Vec<&str> = shown.lines().collect();
        let (inspector, last) = (rows[28], rows[29]);
        let joined = format!("{inspector}{last}").replace(' ', "");
        assert!(joined.ends_with(&end.replace(' ', "")), "{lang:?}:\n{inspector}\n{last}");
        assert!(joined.contains(&status.render(lang).replace(' ', "")), "every word shown:\n{inspector}\n{last}");
        // Found in the second round: at 80 columns it needs three rows; the page's last row
        // lends the third.
        let shown = screen(&mut app, 80, 24);
        let rows: Vec<&str> = shown.lines().collect();
        let joined = rows[21..24].concat().replace(' ', "");
        assert!(joined.ends_with(&end.replace(' ', "")), "{lang:?}:\n{}", rows[21..24].join("\n"));
        // The next key takes the message away, and the inspector comes back.
        key(&mut app, KeyCode::Esc);
        let shown = screen(&mut app, 120, 30);
        assert!(shown.lines().nth(28).unwrap().contains("jinyuan-livable"), "{shown}");
    }
}

/// Found from outside: part 1 of a jumped article placed back from the bin with `Enter`, where
/// all its copy fits, left part 2 empty while the status line said only where it went. Then
/// (found from outside again) it still took all the copy: it is placed a line shallower than
/// that, and the last of the copy jumps to part 2 once more.
#[test]
fn enter_places_a_part_back_leaving_the_next_part_its_copy() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, ":depth 4⏎t");
    assert_eq!(app.makeup.waiting_parts("jinyuan-livable"), [2]);
    typed(&mut app, ":place jinyuan-livable column 6 line 60⏎");
    assert!(app.makeup.waiting_parts("jinyuan-livable").is_empty());
    select(&mut app, "jinyuan-livable");
    app.makeup.focus_part("jinyuan-livable", 1);
    let (page, part) = (app.page_number(), app.selection().unwrap().part);
    assert_eq!(part, 1, "part 1 selected on page {page}");
    typed(&mut app, "x");
    app.bin_cursor = app.makeup.bin().iter().position(|id| *id == "jinyuan-livable").unwrap();
    app.focus = Focus::Bin;
    typed(&mut app, "⏎");
    assert!(app.makeup.waiting_parts("jinyuan-livable").is_empty());
    let message = app.message.as_ref().unwrap();
    assert_ne!(message.tone, Tone::Warning, "{:?}", message.status);
    let empty = app.makeup.validate().into_iter().filter(|p| p.kind() == ProblemKind::EmptyPart).count();
    assert_eq!(empty, 0, "{:?}", app.makeup.validate());
}

/// Found from outside: part 1 continued at a depth its heads and jump line fill, placing part 2
/// from the bin with `Enter` said only where it went, though part 1 held none of the text.
#[test]
fn enter_says_when_the_part_before_is_left_no_copy() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, ":depth 4⏎t");
    assert_eq!(app.makeup.waiting_parts("jinyuan-livable"), [2]);
    let page = app.page_number();
    let one = app.makeup.resolved(page).into_iter().find(|b| b.item == "jinyuan-livable" && b.part == 1).unwrap();
    app.makeup.set_depth(page, "jinyuan-livable", Depth::Fixed(one.set.heads_depth())).unwrap();
    app.bin_cursor = app.makeup.bin().iter().position(|id| *id == "jinyuan-livable").unwrap();
    app.focus = Focus::Bin;
    typed(&mut app, "⏎");
    assert!(app.makeup.waiting_parts("jinyuan-livable").is_empty());
    let message = app.message.as_ref().unwrap();
    let Status::Pushed(Besides { shallow_parts, .. }) = &message.status else { panic!("{:?}", message.status) };
    assert_eq!(shallow_parts, &[("jinyuan-livable".to_string(), 1)]);
    assert_eq!(message.tone, Tone::Warning);
    let said = message.status.render(UiLang::En);
    assert_eq!(said, "jinyuan-livable part 1 holds no text: too shallow; deepen it");
    assert!(message.status.render(UiLang::ZhHans).contains("第 1 部分没有正文：太浅，请加高"));
}

/// Found from outside: `c` on part 1 that left part 2 holding none of the copy said only
/// "… cut — fits", where `check` then gave `empty_part`.
#[test]
fn a_cut_says_when_it_leaves_a_later_part_no_copy() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, ":depth 25⏎t⇥⏎");
    select(&mut app, "jinyuan-livable");
    app.makeup.focus_part("jinyuan-livable", 1);
    let empty = |app: &App| app.makeup.page_problems().iter().any(|p| matches!(p, Problem::EmptyPart { .. }));
    let mut presses = 0;
    while !empty(&app) {
        assert!(presses < 20, "part 2 still holds copy after {presses} cuts");
        typed(&mut app, "c");
        presses += 1;
    }
    let message = app.message.as_ref().unwrap();
    let Status::Copyfit { besides: Besides { empty_parts, .. }, .. } = &message.status else {
        panic!("{:?}", message.status)
    };
    assert_eq!(empty_parts, &[("jinyuan-livable".to_string(), 2)]);
    assert_eq!(message.tone, Tone::Warning);
    let said = message.status.render(UiLang::En);
    assert!(
        said.ends_with("; jinyuan-livable part 2 now holds none of the text: the parts before it take it all"),
        "{said}"
    );
    assert!(message.status.render(UiLang::ZhHans).contains("第 2 部分已无正文"));
}

/// Found from outside: a terminal sends `Esc` and a key typed right after it in one read as
/// Alt and that key. `Esc l` on the `:` line left it open and lost the `l`; `12`, `Esc J q`
/// lost the `J` and `q` quit without asking.
#[test]
fn esc_and_a_key_in_one_read_are_two_presses() {
    let alt = |c: char| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, ":pla");
    assert!(app.prompt.open);
    app.update(alt('l'));
    assert!(!app.prompt.open, "Esc closed the command line");
    let mut plain = sample_app();
    select(&mut plain, "jinyuan-livable");
    typed(&mut plain, "l");
    assert_ne!(plain.selected.as_deref(), Some("jinyuan-livable"));
    assert_eq!(app.selected, plain.selected, "and l moved the selection right");

    let mut app = sample_app();
    select(&mut app, "jinyuan-ten-projects");
    let line = at(&app, "jinyuan-ten-projects").2;
    typed(&mut app, "12");
    app.update(alt('J'));
    assert_eq!(at(&app, "jinyuan-ten-projects").2, line + 1, "the count dropped, J moved one line");
    typed(&mut app, "q");
    assert_eq!(app.overlay, Overlay::ConfirmQuit, "q asks: there is a change");
}

/// Found from outside: `:find` stopped at an article's first part, and `:find` again went on
/// to the next item: a story's continuation was never reached.
#[test]
fn find_again_visits_an_article_part_by_part() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, ":depth 25⏎t⇥⏎");
    let parts = app.makeup.parts_of("jinyuan-livable");
    assert_eq!(parts.len(), 2, "{parts:?}");
    let found = |app: &App| (app.selection().map(|p| (p.item, p.part)), app.message.as_ref().unwrap().status.clone());
    typed(&mut app, ":find jinyuan-livable⏎");
    let (at, said) = found(&app);
    assert_eq!(at, Some(("jinyuan-livable".to_string(), 1)));
    assert_eq!(said, Status::Found { item: "jinyuan-livable".into(), part: Some(1), page: Some(parts[0].1) });
    typed(&mut app, ":find jinyuan-livable⏎");
    let (at, said) = found(&app);
    assert_eq!(at, Some(("jinyuan-livable".to_string(), 2)));
    assert_eq!(
        said.render(UiLang::En),
        format!("Found jinyuan-livable (part 2) on page {} (:find again for the next)", parts[1].1)
    );
    // Round to the start: the only match, at its first part again.
    typed(&mut app, ":find jinyuan-livable⏎");
    assert_eq!(found(&app).0, Some(("jinyuan-livable".to_string(), 1)));
}

/// Found from outside: `:find` alone repeated the last search only typed in ASCII; typed with
/// a Chinese input method (`：ｆｉｎｄ`, perhaps with a full-width space after it) it asked
/// for a text. The full-width line is the ASCII one, as every other command is.
#[test]
fn find_alone_typed_full_width_looks_again() {
    for again in ["：ｆｉｎｄ⏎", "：ｆｉｎｄ　⏎", ":ｆｉｎｄ⏎", "：find　　⏎"] {
        let mut app = sample_app();
        select(&mut app, "jinyuan-livable");
        typed(&mut app, ":depth 25⏎t⇥⏎");
        let parts = app.makeup.parts_of("jinyuan-livable");
        typed(&mut app, ":find jinyuan-livable⏎");
        assert_eq!(app.selection().map(|p| p.part), Some(1));
        typed(&mut app, again);
        let said = app.message.as_ref().unwrap().status.clone();
        assert_eq!(
            said,
            Status::Found { item: "jinyuan-livable".into(), part: Some(2), page: Some(parts[1].1) },
            "{again}"
        );
        assert_eq!(app.selection().map(|p| (p.item, p.part)), Some(("jinyuan-livable".to_string(), 2)), "{again}");
    }
    // Before any text is looked for, the full-width line asks for one, as `:find` does.
    let mut app = sample_app();
    typed(&mut app, "：ｆｉｎｄ　⏎");
    let said = app.message.as_ref().unwrap().status.clone();
    assert_eq!(said, Status::Refused(Refusal::CommandNeeds { command: "find".into(), what: CommandArg::Text }));
}

/// Found from outside: `:find` took case as typed, so `:find SNOW-CLEARING` found nothing.
/// Latin letters are found in any case, typed half-width or full-width (an input method's).
#[test]
fn find_takes_latin_letters_in_any_case_as_typed() {
    let mut app = sample_app();
    for typed_text in [":find SNOW-CLEARING⏎", "：ｆｉｎｄ　Ｓｎｏｗ－ｃｌｅａｒｉｎｇ⏎"] {
        typed(&mut app, typed_text);
        assert_eq!(app.selected.as_deref(), Some("snow-clearing"), "{typed_text}");
        let said = app.message.as_ref().unwrap().status.clone();
        assert!(matches!(&said, Status::Found { item, .. } if item == "snow-clearing"), "{typed_text}: {said:?}");
    }
}

/// Found beside it: `：ｄｅｐｔｈ　５` with the bin's focus was read by the ASCII `:` only,
/// and the status named the command `:：ｄｅｐｔｈ`.
#[test]
fn a_full_width_command_for_the_page_is_named_in_ascii_from_the_bin() {
    let mut app = sample_app();
    typed(&mut app, ":find 供电⏎");
    assert_eq!(app.focus, Focus::Bin);
    typed(&mut app, "：ｄｅｐｔｈ　５⏎");
    let said = app.message.as_ref().unwrap().status.clone();
    assert_eq!(said, Status::CommandForPage { command: "depth".into() });
}

/// Found from outside: a part 2 left none of the copy (part 1 made deep enough for it all)
/// wore a `fits` badge on the page.
#[test]
fn a_part_with_no_copy_says_so_on_its_box() {
    let mut app = sample_app();
    select(&mut app, "jinyuan-livable");
    typed(&mut app, ":depth 4⏎t");
    typed(&mut app, ":place jinyuan-livable column 6 line 60⏎");
    assert!(!screen(&mut app, 160, 80).contains("no copy"));
    select(&mut app, "jinyuan-livable");
    app.makeup.focus_part("jinyuan-livable", 1);
    typed(&mut app, ":depth 60⏎");
    let empty = app.makeup.validate().into_iter().filter(|p| p.kind() == ProblemKind::EmptyPart).count();
    assert_eq!(empty, 1, "{:?}", app.makeup.validate());
    select(&mut app, "jinyuan-livable");
    app.makeup.focus_part("jinyuan-livable", 2);
    let shown = screen(&mut app, 160, 80);
    assert!(shown.contains(" no copy "), "{shown}");
}
