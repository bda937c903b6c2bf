//! Scale: `proof --json` and `export` over an issue of 100,000 items in the bin, and the
//! same at 10,000 beside it, so a quadratic step shows as a ratio of 100 instead of 10.
//! Each row opens the files, as the command does.
//!
//! `cargo bench --bench scale`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a bench fails loudly")]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pasteup_core::document::open;
use pasteup_core::export::{self, Format, Options};
use pasteup_core::layout::Makeup;
use pasteup_core::proof::galley::{galley_json, galleys};

/// An issue of one broadsheet page and `items` short articles, none of them placed.
fn bin_issue(dir: &Path, items: usize) -> PathBuf {
    let mut ron = String::from(
        "Issue(paper: \"太原日报\", date: \"2023-02-10\", pages: [\n    \
         Page(number: 1, grid: Grid(columns: 8, column_width: 13, gutter: 1, depth: 100)),\n], items: [\n",
    );
    for n in 0..items {
        let _ = writeln!(
            ron,
            "    Article(id: \"a{n}\", headline: \"雪后清扫 {n}\", body: [\"本报讯 全市环卫工人连夜清扫主干道积雪，保障市民出行。\"]),"
        );
    }
    ron.push_str("])\n");
    let path = dir.join(format!("bin-{items}.ron"));
    std::fs::write(&path, ron).expect("write issue");
    path
}

fn proof_json(issue: &Path) -> usize {
    let opened = open(Some(issue), None).expect("opens");
    let makeup = Makeup::new(opened.issue, &opened.layout);
    let items: Vec<_> = galleys(&makeup).iter().map(galley_json).collect();
    serde_json::to_string(&serde_json::json!({ "items": items })).expect("json").len()
}

fn export_as(issue: &Path, format: Format) -> usize {
    let opened = open(Some(issue), None).expect("opens");
    let makeup = Makeup::new(opened.issue, &opened.layout);
    export::render(&makeup, format, &Options::default()).len()
}

fn scale(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut group = c.benchmark_group("bin_items");
    group.sample_size(10).measurement_time(Duration::from_secs(10)).warm_up_time(Duration::from_secs(1));
    for items in [10_000, 100_000] {
        let issue = bin_issue(dir.path(), items);
        group.bench_with_input(BenchmarkId::new("proof_json", items), &issue, |b, issue| {
            b.iter(|| black_box(proof_json(issue)))
        });
        group.bench_with_input(BenchmarkId::new("export_ron", items), &issue, |b, issue| {
            b.iter(|| black_box(export_as(issue, Format::Ron)))
        });
        group.bench_with_input(BenchmarkId::new("export_text", items), &issue, |b, issue| {
            b.iter(|| black_box(export_as(issue, Format::Text)))
        });
    }
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
