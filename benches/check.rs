//! `pasteup check` on a generated 200-page, 6,000-item issue (about 12 MB of text), beside
//! merely reading and parsing the same files and summing the widths of all their text (the
//! floor: no command can do less); and `check` on 10,000 boxes stacked on one another (every
//! box overlaps every other: 49,995,000 pairs, reported as one problem a box).
//!
//! `cargo bench --bench check` (docs/performance.md has the figures)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use pasteup::cli::check::report;
use pasteup_core::document::open;
use pasteup_core::fit::width::str_cells;
use pasteup_core::format::{check_layout, load_issue, load_layout, to_ron_string};
use pasteup_core::generate::{generate_issue, stacked_issue};
use pasteup_core::layout::Makeup;
use pasteup_core::model::Layout;
use unicode_width::UnicodeWidthChar;

/// Writes an issue and its layout into `dir`.
fn write(dir: &Path, name: &str, (ron, mut layout): (String, Layout)) -> (PathBuf, PathBuf) {
    let issue = dir.join(format!("{name}.ron"));
    let layout_path = dir.join(format!("{name}.layout.ron"));
    layout.issue = format!("{name}.ron");
    std::fs::write(&issue, ron).expect("write issue");
    std::fs::write(&layout_path, to_ron_string(&layout)).expect("write layout");
    (issue, layout_path)
}

/// Reading and parsing both files and summing the widths of every text: the floor. Its
/// width sum is by grapheme (`str_cells`, as the editor measures a label), or, for the
/// strict floor, a plain table look-up a character (the width pass of the fit engine's bench),
/// several times faster.
fn floor(issue: &Path, layout: &Path, strict: bool) -> u64 {
    let issue = load_issue(issue).expect("issue").value;
    let _layout = load_layout(layout).expect("layout");
    let texts = issue.items.iter().flat_map(|i| i.texts()).map(|(_, t)| t);
    if strict {
        texts.flat_map(str::chars).map(|c| c.width_cjk().unwrap_or(0) as u64).sum()
    } else {
        texts.map(|t| u64::from(str_cells(t, true))).sum()
    }
}

/// `pasteup check` as the command runs it, but for printing.
fn check_text(issue: &Path, layout: &Path) -> usize {
    let opened = open(Some(issue), Some(layout)).expect("opens");
    report(opened, false).0.len()
}

/// The floors and `check` taken in turns, 15 times, so that all see the same moments of a
/// machine whose speed wanders: the median of the ratios is steadier than the ratio of
/// criterion's rows, which are measured seconds apart.
fn interleaved(issue: &Path, layout: &Path) {
    let time = |f: &dyn Fn() -> usize| {
        let t = Instant::now();
        black_box(f());
        t.elapsed().as_secs_f64()
    };
    let turns: Vec<[f64; 3]> = (0..15)
        .map(|_| {
            let floor_ms = time(&|| floor(issue, layout, false) as usize);
            let strict_ms = time(&|| floor(issue, layout, true) as usize);
            [floor_ms, strict_ms, time(&|| check_text(issue, layout))]
        })
        .collect();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[0], v[v.len() - 1])
    };
    let ms = |k: usize| median(turns.iter().map(|t| t[k] * 1e3).collect()).0;
    eprintln!(
        "interleaved, medians of 15 turns: floor {:.0} ms, strict floor {:.0} ms, check {:.0} ms",
        ms(0),
        ms(1),
        ms(2)
    );
    for (k, name) in [(0, "check/floor"), (1, "check/strict floor")] {
        let (mid, low, high) = median(turns.iter().map(|t| t[2] / t[k]).collect());
        eprintln!("  {name}: {mid:.2} (lowest {low:.2}, highest {high:.2})");
    }
}

/// Where `check`'s time goes, stage by stage (medians of 5 runs, in ms): the breakdown in
/// docs/performance.md.
fn stages(issue: &Path, layout: &Path) {
    let mut runs: Vec<[f64; 7]> = (0..5)
        .map(|_| {
            let mut lap = Instant::now();
            let mut next = || {
                let ms = lap.elapsed().as_secs_f64() * 1e3;
                lap = Instant::now();
                ms
            };
            let loaded = load_issue(issue).expect("issue").value;
            let read_issue = next();
            let (raw, src) = load_layout(layout).expect("layout");
            let read_layout = next();
            let checked = check_layout(&loaded, &raw, &src, layout);
            let check_layout_ms = next();
            let widths: u64 =
                loaded.items.iter().flat_map(|i| i.texts()).map(|(_, t)| u64::from(str_cells(t, true))).sum();
            black_box(widths);
            let widths_ms = next();
            let makeup = Makeup::new(loaded, &checked.layout);
            let makeup_ms = next();
            let problems = makeup.validate();
            black_box(problems);
            let validate_ms = next();
            drop(makeup);
            let drop_ms = next();
            [read_issue, read_layout, check_layout_ms, widths_ms, makeup_ms, validate_ms, drop_ms]
        })
        .collect();
    let names = [
        "read+parse issue",
        "read+parse layout",
        "check layout",
        "sum widths",
        "Makeup::new (fit)",
        "validate",
        "drop",
    ];
    for (k, name) in names.iter().enumerate() {
        let mut v: Vec<f64> = runs.iter_mut().map(|r| r[k]).collect();
        v.sort_by(f64::total_cmp);
        eprintln!("  stage {name:<20} {:>7.1} ms", v[2]);
    }
    let mut report_ms: Vec<f64> = (0..5)
        .map(|_| {
            let opened = open(Some(issue), Some(layout)).expect("opens");
            let makeup = Makeup::new(opened.issue.clone(), &opened.layout);
            let t = Instant::now();
            black_box(report(opened, false));
            let all = t.elapsed().as_secs_f64() * 1e3;
            drop(makeup);
            all
        })
        .collect();
    report_ms.sort_by(f64::total_cmp);
    eprintln!("  stage {:<20} {:>7.1} ms (Makeup::new, validate, text and drop together)", "report", report_ms[2]);
}

fn check(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (issue, layout) = write(dir.path(), "big", generate_issue(200, 6000, 1));
    let bytes = std::fs::metadata(&issue).map(|m| m.len()).unwrap_or(0);
    eprintln!("issue file: {:.1} MB", bytes as f64 / 1e6);
    stages(&issue, &layout);
    interleaved(&issue, &layout);
    let mut group = c.benchmark_group("check_200_pages_6000_items");
    group.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    group.bench_function("parse_and_sum_widths", |b| b.iter(|| black_box(floor(&issue, &layout, false))));
    group.bench_function("parse_and_sum_char_widths", |b| b.iter(|| black_box(floor(&issue, &layout, true))));
    group.bench_function("check", |b| b.iter(|| black_box(check_text(&issue, &layout))));
    group.finish();

    let (issue, layout) = write(dir.path(), "stacked", stacked_issue(10_000));
    let mut group = c.benchmark_group("check_10000_overlapping_placements");
    group.sample_size(10).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));
    group.bench_function("check", |b| b.iter(|| black_box(check_text(&issue, &layout))));
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
