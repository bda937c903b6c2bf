//! Fit-engine throughput (docs/performance.md): 8 MB of generated Chinese news text (as dense
//! as real copy), 24-cell columns, side by side with the floor (summing widths) and the crates
//! a setter could be built on; the punctuation styles side by side; Traditional Chinese and
//! Japanese text in turns with the floor; and whole boxes of the generated 200-page issue set
//! under `Full` and under `LineEnd` in turns (what `check` and the editor pay for a style).
//!
//! ```text
//! cargo bench --bench fit_engine
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use pasteup_core::fit::fill::set_paragraph_into;
use pasteup_core::fit::kinsoku::Rules;
use pasteup_core::fit::{Line, TextStyle, set_item};
use pasteup_core::format::parse_issue;
use pasteup_core::generate::{cjk_text, generate_issue, news_text};
use pasteup_core::model::{Grid, Issue, Kinsoku, Language, Punctuation};
use textwrap::{Options, WrapAlgorithm};
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::UnicodeWidthChar;

/// Column width in cells (12 em).
const WIDTH: usize = 24;
/// Bytes of text.
const BYTES: usize = 8 << 20;

/// The floor: one pass summing East Asian widths.
fn width_sum(text: &str) -> usize {
    text.chars().map(|c| c.width_cjk().unwrap_or(0)).sum()
}

/// pasteup: every paragraph set with Strict kinsoku, zh-Hans, a 2-em indent.
fn pasteup(paragraphs: &[&str], style: &TextStyle, out: &mut Vec<Line>) -> usize {
    let mut lines = 0;
    for p in paragraphs {
        out.clear();
        set_paragraph_into(p, style, out);
        lines += out.len();
    }
    lines
}

/// unicode-linebreak's break opportunities and a plain greedy fill by East Asian width.
fn unicode_linebreak_greedy(paragraphs: &[&str]) -> usize {
    let mut lines = 0;
    for p in paragraphs {
        let mut line = 0; // cells on the current line
        let mut start = 0;
        for (at, opportunity) in linebreaks(p) {
            let piece = &p[start..at];
            let cells: usize = piece.chars().map(|c| c.width_cjk().unwrap_or(0)).sum();
            let trailing = piece.len() - piece.trim_end_matches(' ').len();
            if line > 0 && line + cells - trailing > WIDTH {
                lines += 1;
                line = 0;
            }
            line += cells;
            start = at;
            if opportunity == BreakOpportunity::Mandatory {
                lines += 1;
                line = 0;
            }
        }
    }
    lines
}

/// textwrap 0.16, first fit.
fn textwrap_first_fit(paragraphs: &[&str], options: &Options) -> usize {
    paragraphs.iter().map(|p| textwrap::wrap(p, options).len()).sum()
}

fn bench(c: &mut Criterion) {
    let text = cjk_text(BYTES, 2023);
    let paragraphs: Vec<&str> = text.lines().collect();
    let style = TextStyle::new(WIDTH as u32 / 2, Rules::new(Kinsoku::Strict, Language::ZhHans), true);
    let options = Options::new(WIDTH).wrap_algorithm(WrapAlgorithm::FirstFit);
    eprintln!(
        "{:.1} MB of text, {} paragraphs, {} pasteup lines, {} greedy lines, {} textwrap lines",
        text.len() as f64 / 1e6,
        paragraphs.len(),
        pasteup(&paragraphs, &style, &mut Vec::new()),
        unicode_linebreak_greedy(&paragraphs),
        textwrap_first_fit(&paragraphs, &options),
    );

    interleaved("zh-Hans", &text, &paragraphs, &style);
    for language in [Language::ZhHant, Language::Ja] {
        let text = news_text(BYTES, 2023, language);
        let paragraphs: Vec<&str> = text.lines().collect();
        let style = TextStyle::new(WIDTH as u32 / 2, Rules::new(Kinsoku::Strict, language), true);
        interleaved(language.tag(), &text, &paragraphs, &style);
    }
    whole_boxes();

    let mut group = c.benchmark_group("fit_engine");
    group
        .throughput(Throughput::Bytes(text.len() as u64))
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("width_sum", |b| b.iter(|| width_sum(black_box(&text))));
    let mut out = Vec::new();
    group.bench_function("pasteup", |b| b.iter(|| pasteup(black_box(&paragraphs), &style, &mut out)));
    let line_end = style.punctuation(Punctuation::LineEnd);
    group.bench_function("pasteup_line_end", |b| b.iter(|| pasteup(black_box(&paragraphs), &line_end, &mut out)));
    group.bench_function("unicode_linebreak_greedy", |b| b.iter(|| unicode_linebreak_greedy(black_box(&paragraphs))));
    group.bench_function("textwrap_first_fit", |b| b.iter(|| textwrap_first_fit(black_box(&paragraphs), &options)));
    group.finish();
}

/// The width pass and pasteup under `Full` and under `LineEnd` taken in turns, 30 times, so
/// that all see the same moments of a machine whose speed wanders: the medians of the 30
/// ratios are steadier than the ratios of criterion's figures, which are measured seconds apart.
fn interleaved(name: &str, text: &str, paragraphs: &[&str], style: &TextStyle) {
    let mut out = Vec::new();
    let time = |f: &mut dyn FnMut() -> usize| {
        let t = Instant::now();
        black_box(f());
        t.elapsed().as_secs_f64()
    };
    let line_end = style.punctuation(Punctuation::LineEnd);
    let turns: Vec<[f64; 3]> = (0..30)
        .map(|_| {
            let width = time(&mut || width_sum(black_box(text)));
            let full = time(&mut || pasteup(black_box(paragraphs), style, &mut out));
            let end = time(&mut || pasteup(black_box(paragraphs), &line_end, &mut out));
            [width, full, end]
        })
        .collect();
    let mib = text.len() as f64 / (1 << 20) as f64;
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let column = |k: usize| turns.iter().map(|t| t[k]).collect::<Vec<_>>();
    let ratio = |a: usize, b: usize| median(turns.iter().map(|t| t[a] / t[b]).collect());
    eprintln!(
        "{name}, interleaved, medians of 30 turns: width_sum {:.0} MiB/s, pasteup {:.0} MiB/s, LineEnd {:.0} MiB/s; \
         pasteup/width_sum {:.2}, LineEnd/width_sum {:.2}, LineEnd time/Full time {:.3}",
        mib / median(column(0)),
        mib / median(column(1)),
        mib / median(column(2)),
        ratio(0, 1),
        ratio(0, 2),
        ratio(2, 1),
    );
}

/// Every item of the generated 200-page issue (about 10 MB of Chinese copy) set in a box of
/// the span the layout gives it, under `Full` and under `LineEnd` in turns, 15 times: the
/// headlines, legs and bylines of a box about the lines its paragraphs make, as `check`, the
/// editor and the proofs ask the engine for them.
fn whole_boxes() {
    let (ron, layout) = generate_issue(200, 6000, 1);
    let issue = parse_issue("gen.ron".as_ref(), &ron).expect("the generated issue is valid");
    let spans: Vec<(usize, u16)> = layout
        .pages
        .iter()
        .flat_map(|p| &p.placements)
        .map(|p| (issue.items.iter().position(|i| i.id() == p.item).unwrap(), p.span))
        .collect();
    let full = issue.pages[0].grid.clone();
    let line_end = Grid { punctuation: Punctuation::LineEnd, ..full.clone() };
    let set_all = |issue: &Issue, grid: &Grid| {
        let t = Instant::now();
        let lines: usize = spans
            .iter()
            .map(|&(i, span)| black_box(set_item(&issue.items[i], grid, issue.language, span)).body.len())
            .sum();
        black_box(lines);
        t.elapsed().as_secs_f64()
    };
    let mut ratios: Vec<f64> = (0..15).map(|_| set_all(&issue, &line_end) / set_all(&issue, &full)).collect();
    ratios.sort_by(f64::total_cmp);
    let mib = ron.len() as f64 / (1 << 20) as f64;
    eprintln!(
        "whole boxes, {} items of the 200-page issue ({mib:.1} MiB of issue), interleaved, median of 15 turns: \
         LineEnd time/Full time {:.3}",
        spans.len(),
        ratios[ratios.len() / 2]
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
