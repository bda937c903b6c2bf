//! The copyfit keys in the editor, without a terminal: `f` fits an overset box by the
//! fewest sentences, `c` / `C` cut and give back, `<` / `>` the headline's size, `r` a
//! Chinese headline typed in the one-line input; each one undo step, the new fit in the
//! status line at once, and what the saved layout says.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use pasteup::tui::app::{App, Msg, Tone};
use pasteup::tui::key_notation::parse_keys;
use pasteup::tui::run::editor;
use pasteup_core::catalogue::{Besides, Copyfit, Render, Status, UiLang};
use pasteup_core::document::builtin_sample;
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::format::to_ron_string;
use pasteup_core::layout::Refusal;
use pasteup_core::model::Depth;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ID: &str = "jinyuan-livable";

/// The sample with jinyuan-livable (29 lines at 3 columns) selected, fixed at `depth` lines.
fn app_at(depth: u32) -> App {
    let mut opened = builtin_sample();
    opened.layout.pages[0].placements[0].depth = Depth::Fixed(depth);
    let mut app = editor(&opened, AmbiWidth::Single);
    app.update(Msg::Resize(120, 40));
    app.message = None;
    assert_eq!(app.selected.as_deref(), Some(ID));
    app
}

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        app.update(Msg::Key(key));
    }
}

/// Types text as it stands, key by key (a `:` command line).
fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        let key =
            crossterm::event::KeyEvent::new(crossterm::event::KeyCode::Char(c), crossterm::event::KeyModifiers::NONE);
        app.update(Msg::Key(key));
    }
}

fn fit(app: &App) -> i64 {
    app.makeup.resolved(3).into_iter().find(|b| b.item == ID).unwrap().fit.lines()
}

fn status(app: &App) -> Status {
    app.message.clone().expect("a message").status
}

/// The saved layout's line for the box.
fn saved_line(app: &App) -> String {
    let text = to_ron_string(&app.makeup.to_layout("taiyuan-2023-02-10.ron"));
    text.lines().find(|l| l.contains(ID)).unwrap().trim().to_string()
}

/// The screen's rows with the spaces taken out (headlines are letter-spaced).
fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer();
    (0..40).map(|y| (0..120).map(|x| buf[(x, y)].symbol()).collect::<String>().replace(' ', "") + "\n").collect()
}

#[test]
fn f_fits_an_overset_box_with_the_fewest_sentences_in_one_undo_step() {
    let mut app = app_at(27);
    assert_eq!(fit(&app), -2);
    press(&mut app, "f");
    let Status::Copyfit { done: Copyfit::Cut { sentences, chars }, fit: now, .. } = status(&app) else {
        panic!("{:?}", status(&app));
    };
    assert!(sentences >= 1 && chars > 0 && now.lines() >= 0, "{sentences} {chars} {now:?}");
    assert_eq!(fit(&app), now.lines());
    assert!(saved_line(&app).contains(&format!("cut: {sentences}")), "{}", saved_line(&app));
    // One fewer would not fit: C gives one back and the box is overset again.
    press(&mut app, "C");
    assert!(fit(&app) < 0);
    press(&mut app, "u u");
    assert_eq!(fit(&app), -2);
    assert!(!saved_line(&app).contains("cut:"));
}

/// Found from outside: `C` giving back the last cut sentence was said with the `!` of a
/// refusal because the box is overset again. A step that was done is said as done; the fit it
/// leaves is in its words.
#[test]
fn a_sentence_given_back_is_said_as_done_not_as_a_refusal() {
    let mut app = app_at(26);
    press(&mut app, "f C");
    assert!(fit(&app) < 0);
    let message = app.message.clone().expect("a message");
    assert!(matches!(message.status, Status::Copyfit { .. }), "{:?}", message.status);
    assert_eq!(message.tone, Tone::Info);
    let shown = screen(&app);
    let said = shown.lines().last().unwrap();
    assert!(said.starts_with("jinyuan-livable:everysentenceback—"), "{said}");
    // A refusal keeps its mark: no more to give back.
    press(&mut app, "C");
    assert_eq!(app.message.clone().expect("a message").tone, Tone::Warning);
    assert!(screen(&app).lines().last().unwrap().starts_with('!'));
}

#[test]
fn f_on_an_auto_box_says_there_is_nothing_to_fit() {
    let mut app = editor(&builtin_sample(), AmbiWidth::Single);
    app.message = None;
    press(&mut app, "f");
    assert!(matches!(status(&app), Status::Refused(Refusal::NothingToFit { .. })), "{:?}", status(&app));
    assert!(!app.is_dirty());
}

#[test]
fn c_cuts_and_capital_c_restores_showing_the_fit_at_once() {
    let mut app = app_at(29);
    press(&mut app, "c");
    let last = app.makeup.sentences(ID).unwrap().last().unwrap().chars();
    let Status::Copyfit { done, fit: now, .. } = status(&app) else { panic!() };
    assert_eq!(done, Copyfit::Cut { sentences: 1, chars: last });
    assert_eq!(now.lines(), fit(&app));
    let said = status(&app).render(UiLang::En);
    assert!(said.starts_with(&format!("{ID}: last 1 sentence cut ({last} characters) — ")), "{said}");
    assert!(status(&app).render(UiLang::ZhHans).contains(&format!("删去末尾 1 句（{last} 字）")));
    // The inspector says the cut after the fit, in the interface's own punctuation (found from
    // outside: the Chinese one read "合适, 删去 1 句").
    assert!(screen(&app).contains("short,cut1sentence"), "{}", screen(&app));
    app.lang = UiLang::ZhHans;
    assert!(screen(&app).contains("余3行，删去1句"), "{}", screen(&app));
    app.lang = UiLang::En;
    press(&mut app, "C");
    // Found from outside: "nothing cut — -3 overset (9 lines, 105 characters cut)" read as a
    // contradiction; the step is said as what it did.
    assert_eq!((fit(&app), status(&app).render(UiLang::En)), (0, format!("{ID}: every sentence back — fits")));
    press(&mut app, "C");
    assert!(matches!(status(&app), Status::Refused(Refusal::SameCut { cut: 0, .. })));
}

#[test]
fn angle_brackets_resize_the_headline_here_and_the_fit_follows() {
    let mut app = app_at(29);
    press(&mut app, ">");
    // The box is 41 em wide: the 13-character headline (space included) is one line at 2 em
    // (2 lines deep) and still one at 3 em (3 lines deep), one more than the box has.
    let Status::Copyfit { done, fit: now, .. } = status(&app) else { panic!() };
    assert_eq!(done, Copyfit::HeadSize { size: 3 });
    assert_eq!(now.lines(), -1);
    assert!(saved_line(&app).contains("head_size: Some(3)"), "{}", saved_line(&app));
    press(&mut app, "< <");
    assert_eq!(
        status(&app),
        Status::Copyfit {
            item: ID.into(),
            done: Copyfit::HeadSize { size: 1 },
            fit: now_at(&app),
            empty: false,
            besides: Besides::default()
        }
    );
    assert_eq!(fit(&app), 1);
    press(&mut app, "u u u");
    assert_eq!(fit(&app), 0);
}

/// Found from outside: `>` on an `Auto` box made it a line deeper and pushed the box under it
/// down, and the status line said only the headline's size and the fit; `u` then `]` was the
/// first to name the push. A copyfit key says what it pushed, as every other key does.
#[test]
fn a_copyfit_key_that_pushes_the_box_under_it_names_it() {
    let mut opened = builtin_sample();
    let mut under = opened.layout.pages[0].placements[0].clone();
    (under.item, under.line) = ("power-grid".into(), 30);
    opened.layout.pages[0].placements.push(under);
    let mut app = editor(&opened, AmbiWidth::Single);
    app.update(Msg::Resize(120, 40));
    assert_eq!(app.selected.as_deref(), Some(ID));
    let line_of = |app: &App| app.makeup.resolved(3).into_iter().find(|b| b.item == "power-grid").unwrap().line;
    assert_eq!(line_of(&app), 30);
    press(&mut app, ">");
    assert_eq!(line_of(&app), 31);
    let Status::Copyfit { besides, .. } = status(&app) else { panic!("{:?}", status(&app)) };
    assert_eq!(besides.pushed, [("power-grid".to_string(), 1)]);
    let said = status(&app).render(UiLang::En);
    assert!(
        said.starts_with(&format!("{ID}: headline at 3 em — ")) && said.ends_with("; pushed down: power-grid"),
        "{said}"
    );
    assert!(status(&app).render(UiLang::ZhHans).ends_with("；下推：power-grid"));
}

/// Found from outside: `>` on part 1 (page 3) gave part 2 on page 4 more of the copy, and
/// part 2 grew into snow-clearing under it; the status line said nothing of page 4. The push
/// there is said with its page, after what the key did here.
#[test]
fn a_copyfit_key_names_what_part_two_pushed_on_its_own_page() {
    let mut app = app_at(25);
    press(&mut app, "t");
    app.makeup.place(4, ID, 1, Some(3), Some(1)).unwrap();
    let under = |app: &App| app.makeup.resolved(4).into_iter().find(|b| b.item == "snow-clearing").unwrap().line;
    let was = under(&app);
    assert_eq!(app.selected.as_deref(), Some(ID));
    press(&mut app, ">");
    assert_eq!(under(&app), was + 1);
    let said = status(&app).render(UiLang::En);
    assert!(
        said.starts_with(&format!("{ID}: headline at 3 em — "))
            && said.ends_with("; on page 4: pushed down: snow-clearing"),
        "{said}"
    );
    let said = status(&app).render(UiLang::ZhHans);
    assert!(said.ends_with("；第 4 版下推：snow-clearing"), "{said}");
    assert_eq!(app.message.clone().expect("a message").tone, Tone::Info);
}

fn now_at(app: &App) -> pasteup_core::fit::Fit {
    app.makeup.resolved(3).into_iter().find(|b| b.item == ID).unwrap().fit
}

#[test]
fn r_rewrites_the_headline_in_chinese_and_empty_restores_the_issues() {
    let mut app = app_at(29);
    press(&mut app, "r");
    assert!(app.prompt.open);
    assert_eq!(app.prompt.input.value(), "守护青山绿水 增进民生福祉");
    assert!(screen(&app).contains("headline:守护青山绿水增进民生福祉"));
    press(&mut app, "C-u 晋 源 绿 水 青 山 Enter");
    assert!(!app.prompt.open);
    assert!(saved_line(&app).contains("headline: Some(\"晋源绿水青山\")"), "{}", saved_line(&app));
    assert_eq!(status(&app).render(UiLang::En), format!("{ID}: headline rewritten — fits"));
    assert!(screen(&app).contains("晋源绿水青山"), "{}", screen(&app));
    // Esc keeps what was there.
    press(&mut app, "r C-u 错 Esc");
    assert!(saved_line(&app).contains("晋源绿水青山"));
    // Empty restores the issue's.
    press(&mut app, "r C-u Enter");
    assert!(!saved_line(&app).contains("headline"), "{}", saved_line(&app));
    assert_eq!(status(&app).render(UiLang::ZhHans), format!("{ID}：已恢复原标题，合适"));
    press(&mut app, "u");
    assert!(saved_line(&app).contains("晋源绿水青山"), "the restore was one undo step");
    // Found from outside: the plan zoom still showed the issue's headline.
    press(&mut app, "z");
    assert!(screen(&app).contains("晋源绿水青山"), "{}", screen(&app));
    assert!(!screen(&app).contains("守护青山绿水"), "{}", screen(&app));
}

/// Found in review: with part 2 of an article on page 4, the editor took the selection for
/// part 1 on page 3, so on page 4 the copyfit keys said "select a box first" and placing the
/// part jumped back to page 3.
#[test]
fn the_keys_act_on_the_part_on_the_page_shown() {
    let mut app = app_at(20);
    press(&mut app, "t");
    assert!(app.makeup.bin_entries().iter().any(|e| e.id == ID && e.part == 2), "part 2 waits in the bin");
    press(&mut app, "PgDn");
    assert_eq!(app.page_number(), 4);
    for key in parse_keys(":").unwrap() {
        app.update(Msg::Key(key));
    }
    for c in format!("place {ID} column 1 line 1").chars() {
        app.update(Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        )));
    }
    press(&mut app, "Enter");
    assert_eq!(app.page_number(), 4, "placing part 2 stays on its page");
    assert_eq!(app.selection().map(|p| (p.item, p.part)), Some((ID.to_string(), 2)));
    press(&mut app, ">");
    let on_4 = app.makeup.placements(4).into_iter().find(|p| p.item == ID).unwrap();
    let on_3 = app.makeup.placements(3).into_iter().find(|p| p.item == ID).unwrap();
    assert_eq!((on_4.part, on_4.head_size), (2, Some(3)), "the headline grew on part 2");
    assert_eq!((on_3.part, on_3.head_size), (1, None), "part 1 is untouched");
    // Found from outside: `:find` on page 4 said "on page 3" but stayed on page 4 with part
    // 2 selected, so the next `f` or `c` acted on part 2.
    press(&mut app, ": f i n d Space j i n y u a n - l i v a b l e Enter");
    assert_eq!(status(&app), Status::Found { item: ID.into(), part: Some(1), page: Some(3) });
    assert_eq!(app.page_number(), 3, "the page the status names");
    assert_eq!(app.selection().map(|p| (p.item, p.part)), Some((ID.to_string(), 1)));
}

/// Found from outside: with part 2 placed into a hole on part 1's page, part 2 could not be
/// selected, every key moved part 1, and the status line named part 1's place.
#[test]
fn two_parts_on_one_page_are_selected_and_moved_each_on_its_own() {
    let mut app = app_at(20);
    press(&mut app, "t Tab");
    let waiting = app.makeup.bin().iter().position(|id| *id == ID).unwrap();
    app.bin_cursor = waiting;
    press(&mut app, "Enter");
    let part = |app: &App, n: u32| app.makeup.part_on(3, ID, n).unwrap();
    let two = part(&app, 2);
    assert_eq!(app.selection().map(|p| (p.item, p.part)), Some((ID.to_string(), 2)));
    match status(&app) {
        Status::PlacedInHole { column, line, .. } => assert_eq!((column, line), (two.column, two.line)),
        other => panic!("{other:?}"),
    }
    let one = part(&app, 1);
    press(&mut app, "J");
    assert_eq!((part(&app, 2).line, part(&app, 1)), (two.line + 1, one.clone()), "J moves part 2 only");
    press(&mut app, "u");
    assert_eq!(part(&app, 2).line, two.line);
    // Part 2 stands at column 4 under jinyuan-ten-projects, part 1 at columns 1–3.
    assert_eq!((two.column, one.column), (4, 1));
    let selected = |app: &App| app.selection().map(|p| (p.item, p.part));
    press(&mut app, "h");
    assert_eq!(selected(&app), Some((ID.to_string(), 1)), "h from part 2 selects part 1");
    press(&mut app, "l");
    assert_eq!(selected(&app), Some(("jinyuan-ten-projects".to_string(), 1)));
    press(&mut app, "j");
    assert_eq!(selected(&app), Some((ID.to_string(), 2)), "j from the box above selects part 2");
    press(&mut app, "k h J");
    assert_eq!((part(&app, 1).line, part(&app, 2).line), (one.line + 1, two.line), "J on part 1 moves part 1");
    // Found in the second round: undo with another box selected selected part 1, whatever
    // part the step was about.
    press(&mut app, "u l j J l");
    assert_eq!(selected(&app), Some(("yangqu-livelihood".to_string(), 1)));
    press(&mut app, "u");
    assert_eq!(selected(&app), Some((ID.to_string(), 2)), "undo selects the part the step moved");
    assert_eq!(part(&app, 2).line, two.line);
    press(&mut app, "h C-r");
    assert_eq!(selected(&app), Some((ID.to_string(), 2)), "and so does redo");
    assert_eq!(part(&app, 2).line, two.line + 1);
}

/// Found from outside: `x` on part 1 while part 2 stands said only "back in the bin"; part 2
/// then begins the story. It is allowed (part 1 may be placed again) and said.
#[test]
fn sending_part_one_to_the_bin_while_part_two_stands_is_said() {
    let mut app = app_at(20);
    press(&mut app, "t PgDn");
    for c in format!(":place {ID} column 1 line 1").chars() {
        let code = if c == ':' { crossterm::event::KeyCode::Char(':') } else { crossterm::event::KeyCode::Char(c) };
        app.update(Msg::Key(crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE)));
    }
    press(&mut app, "Enter PgUp");
    app.message = None;
    let one = app.makeup.placements(3).into_iter().position(|p| p.item == ID);
    assert!(one.is_some());
    press(&mut app, ": f i n d Space j i n y u a n - l i v Enter x");
    // Part 2 took the whole story and pushed snow-clearing under it down (found from outside:
    // unsaid).
    let pushed = vec![("snow-clearing".to_string(), 1)];
    assert_eq!(
        status(&app),
        Status::FirstPartBinned { item: ID.to_string(), page: 4, past_foot: false, pushed, pulled: None }
    );
    assert!(status(&app).render(UiLang::En).contains("no part before it now (pushed down: snow-clearing); "));
    assert_eq!(app.makeup.parts_of(ID), [(2, 4)]);
    // Part 2, the last part on a page, sent to the bin makes the article whole there again,
    // with part 1, which waited (found from outside: said only "(part 2) is back in the bin").
    press(&mut app, "PgDn : f i n d Space j i n y u a n - l i v Enter x");
    assert_eq!(status(&app), Status::BackInBinWhole { item: ID.to_string(), waited: 1, pulled: None });
    assert!(
        status(&app)
            .render(UiLang::En)
            .ends_with("is back in the bin whole: part 1, which waited there, is one with it again"),
        "{}",
        status(&app).render(UiLang::En)
    );
    assert!(status(&app).render(UiLang::ZhHans).contains("整篇放回待排稿：原在待排稿中的第 1 部分已并回全文"));
    assert!(app.makeup.parts_of(ID).is_empty());
}

/// Found from outside: `x` on part 1 while part 2 waited in the bin made the article whole
/// again and said only "back in the bin"; `X` too.
#[test]
fn the_last_part_sent_to_the_bin_says_the_waiting_part_joined_it() {
    for key in ["x", "X"] {
        let mut app = app_at(20);
        press(&mut app, "t");
        assert_eq!(app.makeup.waiting_parts(ID), [2]);
        assert_eq!(app.selection().map(|p| (p.item, p.part)), Some((ID.to_string(), 1)));
        press(&mut app, key);
        let pulled = (key == "X").then_some(false);
        assert_eq!(status(&app), Status::BackInBinWhole { item: ID.to_string(), waited: 2, pulled }, "{key}");
        assert_eq!(app.makeup.waiting_parts(ID), [1], "whole again");
        press(&mut app, "u");
        assert_eq!(app.makeup.waiting_parts(ID), [2], "undo splits it again");
    }
}

/// Found from outside: `r` on a photo opened the headline line with its caption, and refused
/// only after the new text was typed. It is refused at once, as `c f t < >` are.
#[test]
fn r_on_a_photo_is_refused_at_once() {
    let mut app = editor(&builtin_sample(), AmbiWidth::Single);
    press(&mut app, "PgDn l");
    assert_eq!(app.selection().map(|p| p.item), Some("snow-traffic".to_string()));
    press(&mut app, "r");
    assert!(!app.prompt.open);
    assert!(matches!(status(&app), Status::Refused(Refusal::NotAnArticle { .. })), "{:?}", status(&app));
}

/// Found from outside: `c` cutting the last sentence of the body said only "last 10 sentences
/// cut" with the box "short", and `check` called the headline left alone a fit.
#[test]
fn c_that_cuts_the_last_sentence_says_nothing_of_the_body_is_left() {
    let mut app = app_at(29);
    let all = app.makeup.sentences(ID).unwrap().len();
    press(&mut app, &vec!["c"; all - 1].join(" "));
    assert!(matches!(status(&app), Status::Copyfit { done: Copyfit::Cut { .. }, .. }), "{:?}", status(&app));
    press(&mut app, "c");
    let message = app.message.clone().unwrap();
    let Status::Copyfit { done: Copyfit::AllCut { chars }, .. } = &message.status else { panic!("{message:?}") };
    assert_eq!(message.tone, Tone::Warning);
    assert!(
        message
            .status
            .render(UiLang::En)
            .contains(&format!("every sentence cut ({chars} characters): nothing of the body is left")),
        "{}",
        message.status.render(UiLang::En)
    );
    // `C` gives one back, and it is a cut again.
    press(&mut app, "C");
    assert!(matches!(status(&app), Status::Copyfit { done: Copyfit::Cut { .. }, .. }), "{:?}", status(&app));
}

/// Found from outside: `x` on part 2 of a continued article on page 4, then `u`, put part 2
/// back on page 4 but showed page 3 with part 1 selected; `Ctrl-r` too. The step's own part
/// is shown, on its page.
#[test]
fn undo_and_redo_of_a_later_part_show_that_part() {
    let mut app = app_at(20);
    press(&mut app, "t PgDn");
    for c in format!(":place {ID} column 1 line 1").chars() {
        app.update(Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        )));
    }
    press(&mut app, "Enter");
    assert_eq!(app.makeup.parts_of(ID), [(1, 3), (2, 4)]);
    assert_eq!(app.page_number(), 4);
    assert_eq!(app.selection().map(|p| (p.item, p.part)), Some((ID.to_string(), 2)));
    press(&mut app, "x");
    assert_eq!(app.makeup.waiting_parts(ID), [2]);
    press(&mut app, "u");
    assert_eq!(app.makeup.parts_of(ID), [(1, 3), (2, 4)]);
    assert_eq!((app.page_number(), app.selection().map(|p| (p.item, p.part))), (4, Some((ID.to_string(), 2))));
    press(&mut app, "C-r");
    assert_eq!(app.makeup.waiting_parts(ID), [2]);
    assert_eq!(app.page_number(), 4, "the page it left");
    assert_eq!(app.makeup.bin().get(app.bin_cursor).copied(), Some(ID), "the bin cursor on it");
    assert!(app.selection().is_some_and(|p| p.item != ID), "a box of page 4 selected");
}

/// Found from outside: `x` on part 1 of a continued article whose part 1 kept a cut, part 2
/// placed on another page, then `u`, put part 1 back on its page but showed part 2's page with
/// part 2 selected (the cut handed on to part 2 changed its box too); `Ctrl-r` likewise,
/// instead of the bin cursor on the article. The step is about the part sent to the bin.
#[test]
fn undo_and_redo_of_part_1_sent_to_the_bin_show_part_1_whose_cut_went_on() {
    let mut app = app_at(20);
    press(&mut app, "c t PgDn");
    typed(&mut app, &format!(":place {ID} column 1 line 1"));
    press(&mut app, "Enter PgUp");
    assert_eq!(app.makeup.parts_of(ID), [(1, 3), (2, 4)]);
    assert_eq!(app.selection().map(|p| (p.item, p.part)), Some((ID.to_string(), 1)));
    assert!(saved_line(&app).contains("cut: 1"), "{}", saved_line(&app));
    press(&mut app, "x");
    assert_eq!(app.makeup.waiting_parts(ID), [1]);
    press(&mut app, "u");
    assert_eq!(app.makeup.parts_of(ID), [(1, 3), (2, 4)]);
    assert_eq!((app.page_number(), app.selection().map(|p| (p.item, p.part))), (3, Some((ID.to_string(), 1))));
    press(&mut app, "C-r");
    assert_eq!(app.makeup.waiting_parts(ID), [1]);
    assert_eq!(app.page_number(), 3, "the page it left");
    assert_eq!(app.makeup.bin().get(app.bin_cursor).copied(), Some(ID), "the bin cursor on it");
}

/// Found from outside: with part 1 made deep enough to hold all the copy, `<`, `>` and `r`
/// on part 2 said `fits` in the status line where its badge and the inspector said `no copy`.
/// The status line names the badge's fit, in both languages.
#[test]
fn a_copyfit_key_on_a_part_that_holds_no_copy_says_no_copy_as_its_badge() {
    let mut app = app_at(20);
    press(&mut app, "t PgDn");
    typed(&mut app, &format!(":place {ID} column 1 line 1"));
    press(&mut app, "Enter");
    assert_eq!(app.selection().map(|p| (p.item, p.part)), Some((ID.to_string(), 2)));
    app.makeup.set_depth(3, ID, Depth::Fixed(40)).unwrap();
    let part2 = |app: &App| app.makeup.resolved(4).into_iter().find(|b| b.item == ID).unwrap();
    assert!(part2(&app).set.holds_no_copy(), "part 2 holds none of the copy");
    assert_eq!(pasteup::tui::view::badge_text(&part2(&app), UiLang::En), "no copy");
    for keys in ["<", ">", "r C-u 晋 源 Enter"] {
        press(&mut app, keys);
        let said = status(&app).render(UiLang::En);
        let (_, fit) = said.split_once(" — ").expect("a fit");
        assert!(fit.starts_with("no copy;") || fit == "no copy", "{keys}: {said}");
        assert!(!fit.contains("fits"), "{keys}: {said}");
        let said = status(&app).render(UiLang::ZhHans);
        assert!(said.contains("，无正文"), "{keys}: {said}");
        assert!(!said.contains("合适"), "{keys}: {said}");
        assert!(screen(&app).contains("nocopy"), "{keys}: the badge");
    }
}

/// Found from outside: after `t` the bin cursor stayed where it was, so `t` `Tab` `Enter`
/// placed another story under the box; it lands on the part `t` sent to the bin, as after `x`.
#[test]
fn t_leaves_the_bin_cursor_on_the_new_part() {
    let mut app = app_at(20);
    app.bin_cursor = app.makeup.bin().len() - 1;
    press(&mut app, "t");
    let waiting = app.makeup.bin().iter().position(|id| *id == ID).unwrap();
    assert_ne!(waiting, app.makeup.bin().len() - 1, "the cursor must move to tell");
    assert_eq!(app.bin_cursor, waiting);
    assert_eq!(app.focus, pasteup::tui::keys::Focus::Page, "the keys still act on the box");
    press(&mut app, "Tab Enter");
    assert!(app.makeup.parts_of(ID).iter().any(|&(part, _)| part == 2), "part 2 placed: {:?}", app.message);
}
