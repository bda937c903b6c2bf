//! `export --format pdf`: the press PDF of the sample (every item placed) and of a generated
//! 200-page, 6,000-item issue (target under 20 s), plain and with column rules on every
//! page, fonts found once beforehand as the command finds them; each with its PDF's size. Needs fonts-noto-cjk; without a CJK font it says so and measures
//! nothing.
//!
//! `cargo bench --bench pdf` (docs/performance.md has the figures)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use pasteup_core::document::open;
use pasteup_core::export::Assets;
use pasteup_core::export::fonts::Fonts;
use pasteup_core::export::pdf::{DEFAULT_EM_PT, Press, to_pdf};
use pasteup_core::format::to_ron_string;
use pasteup_core::generate::generate_issue;
use pasteup_core::layout::Makeup;
use pasteup_core::model::Language;

fn makeup(issue: &Path, layout: &Path) -> (Makeup, Assets) {
    let opened = open(Some(issue), Some(layout)).expect("opens");
    let assets = Assets::for_issue(&opened.issue_path, opened.is_sample);
    (Makeup::new(opened.issue, &opened.layout), assets)
}

fn press(fonts: &Fonts, assets: Assets) -> Press {
    Press { fonts: fonts.clone(), em_pt: DEFAULT_EM_PT, assets, issue_file: "sample.ron".to_string() }
}

fn bench(c: &mut Criterion) {
    let Ok(fonts) = Fonts::find(Language::ZhHans, &[]) else {
        eprintln!("skipped: no CJK font (apt-get install fonts-noto-cjk)");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (sample, assets) =
        makeup(&root.join("layouts/taiyuan-2023-02-10.ron"), &root.join("docs/proof-sample.layout.ron"));
    let sample_press = press(&fonts, assets);
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    group.bench_function("sample, 2 pages", |b| {
        b.iter(|| black_box(to_pdf(&sample, &sample_press, &mut |_, _| {}).expect("pdf").bytes.len()))
    });
    group.finish();
    let bytes = to_pdf(&sample, &sample_press, &mut |_, _| {}).expect("pdf").bytes.len();
    eprintln!("pdf/sample, 2 pages: {:.2} MB", bytes as f64 / 1e6);

    // The 200-page issue takes seconds a run: timed by hand, plain and with column rules
    // on every page in turns (the machine's speed wanders), three runs each, medians kept.
    let dir = tempfile::tempdir().expect("temp dir");
    let (ron, mut layout) = generate_issue(200, 6000, 7);
    layout.issue = "big.ron".into();
    let ruled = ron.replace(", hanging: false,", ", hanging: false, rules: true,");
    assert_ne!(ruled, ron, "the generated grids take rules");
    std::fs::write(dir.path().join("big.layout.ron"), to_ron_string(&layout)).expect("write layout");
    let issues: Vec<(Makeup, Press)> = [ron, ruled]
        .iter()
        .map(|ron| {
            std::fs::write(dir.path().join("big.ron"), ron).expect("write issue");
            let (big, assets) = makeup(&dir.path().join("big.ron"), &dir.path().join("big.layout.ron"));
            (big, press(&fonts, assets))
        })
        .collect();
    let mut runs = [Vec::new(), Vec::new()];
    for _ in 0..3 {
        for ((big, press), runs) in issues.iter().zip(&mut runs) {
            let t = Instant::now();
            let bytes = to_pdf(big, press, &mut |_, _| {}).expect("pdf").bytes.len();
            runs.push((t.elapsed().as_secs_f64(), bytes));
        }
    }
    for (name, mut runs) in ["200 pages, 6000 items", "200 pages, 6000 items, rules: true"].into_iter().zip(runs) {
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (secs, bytes) = runs[1];
        eprintln!(
            "pdf/{name}: median of 3 runs {secs:.2} s (fastest {:.2} s, slowest {:.2} s), {:.1} MB",
            runs[0].0,
            runs[2].0,
            bytes as f64 / 1e6
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
