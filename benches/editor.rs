//! The editor's key press to finished frame: update (the move), the refit it needs and a
//! full render into ratatui's `TestBackend` at 200×60 — on the sample and on a generated
//! 200-page, 6,000-item issue. And startup to the first frame on the sample.
//!
//! `cargo bench --bench editor`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::KeyEvent;
use pasteup::tui::app::{App, Msg};
use pasteup::tui::key_notation::parse_keys;
use pasteup::tui::run::editor;
use pasteup_core::document::{Opened, builtin_sample};
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::format::parse_issue;
use pasteup_core::generate::generate_issue;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn big_issue() -> Opened {
    let (ron, mut layout) = generate_issue(200, 6000, 1);
    layout.issue = "big.ron".into();
    let issue = parse_issue("big.ron".as_ref(), &ron).expect("the generated issue is valid");
    Opened {
        issue_path: "big.ron".into(),
        issue,
        layout_path: "big.layout.ron".into(),
        layout,
        layout_found: true,
        problems: Vec::new(),
        // Made in memory, not read from a file.
        layout_src: String::new(),
        issue_src: ron,
        warnings: Vec::new(),
        is_sample: false,
    }
}

/// One key press: update and a frame. Moving right then left keeps the page as it was.
fn press_and_draw(app: &mut App, terminal: &mut Terminal<TestBackend>, key: KeyEvent) {
    app.update(Msg::Key(key));
    terminal.draw(|f| f.render_widget(&*app, f.area())).expect("draw");
}

/// The one key a key string names.
fn key(name: &str) -> KeyEvent {
    parse_keys(name).expect("a key string")[0]
}

fn key_press(c: &mut Criterion) {
    let mut group = c.benchmark_group("key_press_to_frame_200x60");
    group.measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    for (name, opened) in [("sample", builtin_sample()), ("200_pages_6000_items", big_issue())] {
        let mut app = editor(&opened, AmbiWidth::Single);
        app.update(Msg::Resize(200, 60));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
        // Page 1 of the big issue, page 3 of the sample: the first box is selected.
        let (right, left, wider, narrower, zoom) = (key("L"), key("H"), key("+"), key("-"), key("z"));
        let mut flip = false;
        group.bench_function(format!("{name}/move"), |b| {
            b.iter(|| {
                flip = !flip;
                press_and_draw(&mut app, &mut terminal, if flip { right } else { left });
            })
        });
        group.bench_function(format!("{name}/span"), |b| {
            b.iter(|| {
                flip = !flip;
                press_and_draw(&mut app, &mut terminal, if flip { wider } else { narrower });
            })
        });
        group.bench_function(format!("{name}/zoom_plan_text"), |b| {
            b.iter(|| press_and_draw(&mut app, &mut terminal, zoom))
        });
        make_up_keys(&mut group, name, &mut app, &mut terminal);
        black_box(app.version());
    }
    group.finish();
}

/// `P` on the page (a box first moved 20 lines down, so that each `P` pulls it up and each
/// `u` puts the gap back), and `:place` moving the first box between columns 1 and 2 (the
/// Enter that runs the typed command, and its frame).
fn make_up_keys(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
) {
    for k in parse_keys("2 0 J").expect("a key string") {
        app.update(Msg::Key(k));
    }
    let (pull, undo) = (key("P"), key("u"));
    let mut flip = false;
    let before = app.makeup.placements(app.page_number());
    app.update(Msg::Key(pull));
    assert_ne!(app.makeup.placements(app.page_number()), before, "P pulls something up");
    app.update(Msg::Key(undo));
    group.bench_function(format!("{name}/pull_up_P_then_u"), |b| {
        b.iter(|| {
            flip = !flip;
            press_and_draw(app, terminal, if flip { pull } else { undo });
        })
    });
    let id = app.selected.clone().expect("a box is selected");
    let lines = [format!("place {id} column 2"), format!("place {id} column 1")];
    let column = |app: &App| app.makeup.placement_of(&id).map(|(_, p)| p.column);
    app.run_line(&lines[0]);
    assert_eq!(column(app), Some(2), "the bench moves a box: {:?}", app.message);
    app.run_line(&lines[1]);
    assert_eq!(column(app), Some(1));

    group.bench_function(format!("{name}/place_command"), |b| {
        b.iter(|| {
            flip = !flip;
            app.run_line(&lines[usize::from(flip)]);
            terminal.draw(|f| f.render_widget(&*app, f.area())).expect("draw");
        })
    });
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    group.bench_function("sample_to_first_frame_200x60", |b| {
        b.iter(|| {
            let mut app = editor(&builtin_sample(), AmbiWidth::Single);
            app.update(Msg::Resize(200, 60));
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
            terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
            black_box(terminal.backend().buffer().area);
        })
    });
    group.finish();
}

criterion_group!(benches, key_press, startup);
criterion_main!(benches);
