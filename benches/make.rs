//! Automatic make-up (docs/make.md): one page of the sample made from empty, and pages of
//! the generated 200-page, 6,000-item issue with a page plan made from empty. Before the
//! timings it makes every page of the 200-page issue once and prints the free-line
//! percentage over all of them (and how long that one run took).
//!
//! `cargo bench --bench make`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use pasteup_core::document::builtin_sample;
use pasteup_core::format::parse_issue;
use pasteup_core::generate::generate_planned_issue;
use pasteup_core::layout::make::MadePage;
use pasteup_core::layout::{MakeOptions, Makeup};
use pasteup_core::model::{Issue, Layout};

fn empty() -> Layout {
    Layout { issue: String::new(), pages: Vec::new(), conflicts: Vec::new() }
}

fn planned() -> Issue {
    let (ron, _) = generate_planned_issue(200, 6000, 1);
    parse_issue("gen.ron".as_ref(), &ron).expect("the generated issue is valid")
}

/// Every page of the 200-page issue made once: the free-line percentage over all of them.
fn whole_issue(issue: &Issue) {
    let mut desk = Makeup::new(issue.clone(), &empty());
    let started = Instant::now();
    let (report, _) = desk.make(&MakeOptions::default(), &mut |_, _, _| {}).unwrap();
    let took = started.elapsed();
    let free: u64 = report.pages.iter().map(|p| u64::from(p.free_lines)).sum();
    let lines: u64 = report.pages.iter().map(|p| u64::from(p.column_lines)).sum();
    let filled = report.pages.iter().filter(|p| p.filled()).count();
    let enough = report.pages.iter().filter(|p| p.copy_enough()).count();
    let worst = report.pages.iter().map(|p| p.free_lines).max().unwrap_or(0);
    println!(
        "make, 200 pages: {:.2}% free lines ({free} of {lines}); {filled} pages within 2% ({enough} with copy enough); \
         the emptiest page {worst} free lines; {} boxes placed; {:.0} ms a page",
        free as f64 * 100.0 / lines as f64,
        report.placed(),
        took.as_secs_f64() * 1000.0 / report.pages.len() as f64
    );
    // The lines set short fill nothing: the page as filled by copy, and the planned copy left
    // out (each item 1/priority, as the quality order weighs it).
    let short = |p: &MadePage| p.placed.iter().map(|b| u32::from(b.span) * b.short).sum::<u32>();
    let empty: u64 = report.pages.iter().map(|p| u64::from(p.free_lines + short(p))).sum();
    let by_copy = report.pages.iter().filter(|p| (p.free_lines + short(p)) * 50 <= p.column_lines).count();
    let priority = |id: &str| issue.item(id).and_then(|i| i.priority()).unwrap_or(1);
    let left: f64 = report.pages.iter().flat_map(|p| &p.left).map(|l| 1.0 / f64::from(priority(&l.id))).sum();
    println!(
        "make, 200 pages by copy: {:.2}% not filled by copy (free and set short, {empty}); {by_copy} pages within 2%; \
         planned copy left out weighs {left:.2}",
        empty as f64 * 100.0 / lines as f64
    );
}

fn bench(c: &mut Criterion) {
    let sample = builtin_sample().issue;
    let issue = planned();
    whole_issue(&issue);
    let mut group = c.benchmark_group("make");
    group.sample_size(10).measurement_time(Duration::from_secs(6)).warm_up_time(Duration::from_secs(1));
    group.bench_function("sample page 4 from empty (8 items)", |b| {
        b.iter(|| {
            let mut desk = Makeup::new(sample.clone(), &empty());
            black_box(desk.make(&MakeOptions { pages: vec![4], ..MakeOptions::default() }, &mut |_, _, _| {}).unwrap());
        })
    });
    group.bench_function("200-page issue: page 100 from empty (30 planned + fillers)", |b| {
        let desk = Makeup::new(issue.clone(), &empty());
        b.iter(|| {
            let mut desk = desk.clone();
            let options = MakeOptions { pages: vec![100], from_empty: true, cut: false };
            black_box(desk.make(&options, &mut |_, _, _| {}).unwrap());
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
