//! Layout engine benchmarks on a generated 200-page, 6,000-item issue: one move with the
//! refit it needs (only changed boxes are set again) beside a full refit of the issue.
//!
//! `cargo bench --bench layout -- --warm-up-time 1 --measurement-time 3`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pasteup_core::fit::set_item;
use pasteup_core::format::parse_issue;
use pasteup_core::generate::generate_issue;
use pasteup_core::layout::Makeup;

/// The generated 200-page, 6,000-item issue (about 10 MB of text), every item placed.
fn desk() -> Makeup {
    let (ron, mut layout) = generate_issue(200, 6000, 1);
    layout.issue = "gen.ron".into();
    let issue = parse_issue("gen.ron".as_ref(), &ron).expect("the generated issue is valid");
    Makeup::new(issue, &layout)
}

fn bench(c: &mut Criterion) {
    let mut desk = desk();
    let page = 100;
    let first = desk.resolved(page)[0].item.clone();
    let mut group = c.benchmark_group("layout 200 pages 6000 items");
    group.bench_function("move + push-down + resolve page (cached), then undo", |b| {
        b.iter(|| {
            let dcol = if desk.placement_of(&first).unwrap().1.column < 8 - 2 { 1 } else { -1 };
            black_box(desk.move_by(page, &first, dcol, 0).unwrap());
            black_box(desk.resolved(page));
            desk.undo().unwrap();
        })
    });
    group.bench_function("move down one line + resolve page, then undo", |b| {
        b.iter(|| {
            black_box(desk.move_by(page, &first, 0, 1).unwrap());
            black_box(desk.resolved(page));
            desk.undo().unwrap();
        })
    });
    let issue = desk.issue().clone();
    let item = issue.item(&first).unwrap();
    group.bench_function("refit one item at a new span (what a span change adds)", |b| {
        b.iter(|| black_box(set_item(item, &issue.pages[0].grid, issue.language, 3)))
    });
    group.bench_function("page summary", |b| b.iter(|| black_box(desk.page_summary(page))));
    group.sample_size(10);
    group.bench_function("full refit of the issue", |b| b.iter(|| desk.refit_all()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
