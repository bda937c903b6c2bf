//! Property test of the editor as a hurried person types at it: any sequence of keys, pastes
//! and resizes (wide and full-width characters, the spaces an input method or a web page
//! gives, Tab and Shift-Tab on the `:` line) leaves an editor that draws, with every item of
//! the issue on a page or in the bin and each of its parts once. Found from outside: Tab after U+3000 on the
//! `:` line killed the editor, which no key test had typed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::collections::HashSet;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasteup::tui::app::{App, Msg};
use pasteup::tui::run::editor;
use pasteup_core::document::builtin_sample;
use pasteup_core::fit::width::AmbiWidth;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// What a person may send: keys of the key table, what an input method types, and the rest.
fn event() -> impl Strategy<Value = Msg> {
    let chars: Vec<char> =
        "hjklHJKLgG+-<>[]{}uUcCfFtTrxXbBpPzZmMnNsS0123459:/?qyw \u{3000}\u{a0}西山运ｐ１：ａ".chars().collect();
    let codes = vec![
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Home,
        KeyCode::End,
    ];
    let key = |code| Msg::Key(KeyEvent::new(code, KeyModifiers::NONE));
    prop_oneof![
        8 => prop::sample::select(chars).prop_map(move |c| key(KeyCode::Char(c))),
        4 => prop::sample::select(codes).prop_map(key),
        1 => prop::sample::select(vec!['c', 'z', 'r', 'u', 'l'])
            .prop_map(|c| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))),
        1 => prop::sample::select(vec![
            "place\u{3000}xi", "春运　chun", "ｌｉｎｅ　３", "a\u{a0}b\n西山", ":line 30", ":depth 12",
            ":page 2", ":find 两会", ":span 3", ":column 6", ":place ", ":cut 2",
        ])
        .prop_map(|text| Msg::Paste(text.to_string())),
        1 => (1u16..160, 1u16..50).prop_map(|(w, h)| Msg::Resize(w, h)),
    ]
}

/// Every item of the issue on a page or in the bin, and each of its parts once: placed, or
/// waiting in the bin (an article cut into parts may be both).
fn nothing_lost(app: &App) -> Result<(), TestCaseError> {
    let issue = app.makeup.issue();
    let mut seen = HashSet::new();
    for page in &issue.pages {
        for b in app.makeup.resolved(page.number) {
            prop_assert!(seen.insert((b.item.clone(), b.part)), "{} part {} placed twice", b.item, b.part);
        }
    }
    for id in app.makeup.bin() {
        for part in app.makeup.waiting_parts(id) {
            prop_assert!(seen.insert((id.to_string(), part)), "{id} part {part} both placed and waiting");
        }
    }
    let items: HashSet<&str> = seen.iter().map(|(id, _)| id.as_str()).collect();
    prop_assert_eq!(items.len(), issue.items.len(), "every item on a page or in the bin");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_keys_leave_an_editor_that_draws_and_loses_nothing(events in prop::collection::vec(event(), 1..80)) {
        let mut app = editor(&builtin_sample(), AmbiWidth::Single);
        let (mut w, mut h) = (100u16, 30u16);
        app.update(Msg::Resize(w, h));
        for msg in events {
            if let Msg::Resize(nw, nh) = msg {
                (w, h) = (nw, nh);
            }
            app.update(msg);
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        nothing_lost(&app)?;
    }
}
