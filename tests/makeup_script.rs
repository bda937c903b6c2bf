//! The measure of the make-up keys: page 3 of the sample made up from an empty layout (every
//! item in the bin) to the printed page's arrangement (`layouts/taiyuan-2023-02-10.layout.ron`,
//! page 3), once with the new keys and once with version-1 keys only, counting key presses.
//! The README quotes the counts; these tests keep them true.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasteup::tui::app::{App, Msg};
use pasteup::tui::key_notation::parse_keys;
use pasteup::tui::run::editor;
use pasteup_core::document::builtin_sample;
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::layout::Makeup;
use pasteup_core::model::Placement;

/// The printed page 3, sorted by item.
fn target() -> Vec<Placement> {
    let mut page: Vec<Placement> =
        builtin_sample().layout.pages.into_iter().find(|p| p.number == 3).unwrap().placements;
    page.sort_by(|a, b| a.item.cmp(&b.item));
    page
}

fn page3(desk: &Makeup) -> Vec<Placement> {
    let mut page = desk.placements(3);
    page.sort_by(|a, b| a.item.cmp(&b.item));
    page
}

/// The editor on the sample with every item in the bin.
fn empty_editor() -> App {
    let mut opened = builtin_sample();
    opened.layout.pages.clear();
    let mut app = editor(&opened, AmbiWidth::Single);
    app.update(Msg::Resize(200, 60));
    app
}

/// Presses a key string (`"Tab Enter +"`) and returns how many keys that was.
fn keys(app: &mut App, keys: &str) -> usize {
    let presses = parse_keys(keys).unwrap();
    for k in &presses {
        app.update(Msg::Key(*k));
    }
    presses.len()
}

/// Types text on the command line (`:` included), Tab as `⇥`, Enter as `⏎`; returns the keys.
fn typed(app: &mut App, text: &str) -> usize {
    for c in text.chars() {
        let code = match c {
            '⇥' => KeyCode::Tab,
            '⏎' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
    text.chars().count()
}

#[test]
fn page_3_with_the_new_keys_takes_8_keys() {
    let mut app = empty_editor();
    assert_eq!(app.makeup.bin().len(), 12);
    // Each Enter puts the bin's first item into the first hole that holds it at line 1; the
    // two 3-column stories are widened with +.
    let n = keys(&mut app, "Tab Enter +") + keys(&mut app, "Tab Enter") + keys(&mut app, "Tab Enter +");
    assert_eq!(page3(&app.makeup), target());
    assert_eq!(n, 8);
}

#[test]
fn page_3_from_the_command_line_takes_85_keys() {
    let mut app = empty_editor();
    // Tab completes each id from a few letters.
    let n = typed(&mut app, ":place jinyuan-l⇥ span 3⏎")
        + typed(&mut app, ":place jinyuan-t⇥ column 4⏎")
        + typed(&mut app, ":place yangqu-l⇥ column 6 span 3⏎");
    assert_eq!(page3(&app.makeup), target());
    assert_eq!(n, 85);
}

/// Version 1: `Enter` placed the bin item in the selected box's column at the first free
/// line, 2 columns wide, so each box then travelled with `L` and `K` a line at a time.
/// The editor no longer has that `Enter`; the same key presses are run as the core's
/// version-1 operations (`place` at a column, `move_by` one step per key).
#[test]
fn page_3_with_version_1_keys_takes_53_keys() {
    let opened = {
        let mut o = builtin_sample();
        o.layout.pages.clear();
        o
    };
    let mut desk = Makeup::new(opened.issue.clone(), &opened.layout);
    let mut count = 0;
    let mut press = |n: usize| count += n;
    let depth = |desk: &Makeup, id: &str| desk.resolved(3).into_iter().find(|b| b.item == id).unwrap().box_depth;
    // Tab Enter +: jinyuan-livable at column 1, widened to 3 columns.
    desk.place(3, "jinyuan-livable", 1, None, None).unwrap();
    desk.span_by(3, "jinyuan-livable", 1).unwrap();
    press(3);
    // Tab Enter: jinyuan-ten-projects under it in column 1; L×3 to column 4; K to line 1.
    desk.place(3, "jinyuan-ten-projects", 1, None, None).unwrap();
    press(2);
    for _ in 0..3 {
        desk.move_by(3, "jinyuan-ten-projects", 1, 0).unwrap();
        press(1);
    }
    let climb = desk.placement_of("jinyuan-ten-projects").unwrap().1.line - 1;
    assert_eq!(climb, depth(&desk, "jinyuan-livable"), "it stood just under jinyuan-livable");
    for _ in 0..climb {
        desk.move_by(3, "jinyuan-ten-projects", 0, -1).unwrap();
        press(1);
    }
    // Tab Enter + L L: yangqu-livelihood under it in column 4, 3 wide, to column 6; K to 1.
    desk.place(3, "yangqu-livelihood", 4, None, None).unwrap();
    desk.span_by(3, "yangqu-livelihood", 1).unwrap();
    press(3);
    for _ in 0..2 {
        desk.move_by(3, "yangqu-livelihood", 1, 0).unwrap();
        press(1);
    }
    let climb = desk.placement_of("yangqu-livelihood").unwrap().1.line - 1;
    assert_eq!(climb, depth(&desk, "jinyuan-ten-projects"));
    for _ in 0..climb {
        desk.move_by(3, "yangqu-livelihood", 0, -1).unwrap();
        press(1);
    }
    assert_eq!(page3(&desk), target());
    assert_eq!(count, 53);
}
