//! `pasteup check` on a generated 200-page, 6,000-item issue (about 10 MB of text), beside
//! merely reading and parsing the same files and summing the widths of all their text.
//!
//! `cargo bench --bench check`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use pasteup::cli::check::report;
use pasteup_core::document::open;
use pasteup_core::fit::width::str_cells;
use pasteup_core::format::{load_issue, load_layout, to_ron_string};
use pasteup_core::generate::generate_issue;

/// Writes the generated issue and its layout into a temporary folder.
fn files() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ron, mut layout) = generate_issue(200, 6000, 1);
    let issue = dir.path().join("big.ron");
    let layout_path = dir.path().join("big.layout.ron");
    layout.issue = "big.ron".into();
    std::fs::write(&issue, ron).expect("write issue");
    std::fs::write(&layout_path, to_ron_string(&layout)).expect("write layout");
    (dir, issue, layout_path)
}

fn check(c: &mut Criterion) {
    let (_dir, issue, layout) = files();
    let bytes = std::fs::metadata(&issue).map(|m| m.len()).unwrap_or(0);
    eprintln!("issue file: {:.1} MB", bytes as f64 / 1e6);
    let mut group = c.benchmark_group("check_200_pages_6000_items");
    group.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    group.bench_function("parse_and_sum_widths", |b| {
        b.iter(|| {
            let issue = load_issue(&issue).expect("issue").value;
            let _layout = load_layout(&layout).expect("layout");
            let cells: u64 =
                issue.items.iter().flat_map(|i| i.texts()).map(|(_, t)| u64::from(str_cells(t, true))).sum();
            black_box(cells)
        })
    });
    group.bench_function("check", |b| {
        b.iter(|| {
            let opened = open(Some(&issue), Some(&layout)).expect("opens");
            black_box(report(opened, false))
        })
    });
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
