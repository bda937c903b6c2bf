//! Where the fit engine spends its time on generated news text: a rough split by stage and
//! by kind of text, for tuning (not a benchmark: see `benches/fit_engine.rs`).
//!
//! ```text
//! cargo run --release --example profile_fit [-- MB]
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::hint::black_box;
use std::time::Instant;

use pasteup_core::fit::breaks::for_each_cluster;
use pasteup_core::fit::fill::set_paragraph_into;
use pasteup_core::fit::kinsoku::Rules;
use pasteup_core::fit::punctuation::{Mark, mark};
use pasteup_core::fit::width::char_cells;
use pasteup_core::fit::{Line, TextStyle};
use pasteup_core::generate::{cjk_text, news_text};
use pasteup_core::model::{Kinsoku, Language, Punctuation};
use unicode_linebreak::break_property;
use unicode_width::UnicodeWidthChar;

/// Best of five runs of `f` over `bytes` bytes, in MB/s.
fn mbps(bytes: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    bytes as f64 / best / 1e6
}

fn report(name: &str, text: &str, language: Language) {
    let paragraphs: Vec<&str> = text.lines().collect();
    let rules = Rules::new(Kinsoku::Strict, language);
    let style = TextStyle::new(12, rules, true);
    let n = text.len();
    let chars = text.chars().count() as f64;
    let share = |f: &dyn Fn(char) -> bool| 100.0 * text.chars().filter(|&c| f(c)).count() as f64 / chars;
    println!(
        "{name}: {:.1} MB, {} paragraphs; of the characters {:.1}% ASCII, {:.1}% marks of C and O, {:.1}% other punctuation",
        n as f64 / 1e6,
        paragraphs.len(),
        share(&|c| c.is_ascii() && c != '\n'),
        share(&|c| mark(c) != Mark::None),
        share(&|c| !c.is_ascii() && mark(c) == Mark::None && !c.is_alphanumeric()),
    );
    let floor = mbps(n, || text.chars().map(|c| c.width_cjk().unwrap_or(0)).sum());
    let row = |stage: &str, v: f64| println!("  {stage:<38} {v:>7.0} MB/s  ({:.2} of the floor)", v / floor);
    row("width_cjk sum (floor)", floor);
    row("char_cells sum", mbps(n, || text.chars().map(|c| char_cells(c, true) as usize).sum()));
    row("break_property lookups", mbps(n, || text.chars().map(|c| break_property(c as u32) as usize).sum()));
    row(
        "kinsoku forbids() on every pair",
        mbps(n, || {
            let mut prev = ' ';
            text.chars().filter(|&c| std::mem::replace(&mut prev, c) != ' ' && rules.forbids(prev, c)).count()
        }),
    );
    row(
        "for_each_cluster (breaks only)",
        mbps(n, || {
            let mut k = 0;
            for p in &paragraphs {
                for_each_cluster(p, true, rules, |c| k += usize::from(c.break_before));
            }
            k
        }),
    );
    let mut out: Vec<Line> = Vec::new();
    for punctuation in [Punctuation::Full, Punctuation::LineEnd, Punctuation::Kaiming] {
        let style = style.punctuation(punctuation);
        row(
            &format!("set_paragraph_into, {punctuation:?}"),
            mbps(n, || {
                let mut k = 0;
                for p in &paragraphs {
                    out.clear();
                    set_paragraph_into(p, &style, &mut out);
                    k += out.len();
                }
                k
            }),
        );
    }
}

/// One stage once over the text of `language`, for counting instructions with
/// `valgrind --tool=cachegrind --cache-sim=no` (`none` counts making the text alone, `table`
/// that and building the character table); `REPEAT=n` runs the stage n times, for a sampling
/// profiler such as `perf record`.
fn one_stage(mb: usize, language: &str, stage: &str) {
    let language = match language {
        "zh-Hant" => Language::ZhHant,
        "ja" => Language::Ja,
        _ => Language::ZhHans,
    };
    let text = news_text(mb << 20, 2023, language);
    let paragraphs: Vec<&str> = text.lines().collect();
    let style = TextStyle::new(12, Rules::new(Kinsoku::Strict, language), true);
    let mut out: Vec<Line> = Vec::new();
    let mut set = |punctuation| {
        let style = style.punctuation(punctuation);
        paragraphs
            .iter()
            .map(|p| {
                out.clear();
                set_paragraph_into(p, &style, &mut out);
                out.len()
            })
            .sum::<usize>()
    };
    let repeat: usize = std::env::var("REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    let n = (0..repeat)
        .map(|_| match stage {
            "width" => text.chars().map(|c| c.width_cjk().unwrap_or(0)).sum(),
            "full" => set(Punctuation::Full),
            "lineend" => set(Punctuation::LineEnd),
            "kaiming" => set(Punctuation::Kaiming),
            // Builds the character table, sets one paragraph: the base to subtract.
            "table" => {
                let mut out = Vec::new();
                set_paragraph_into(paragraphs[0], &style, &mut out);
                out.len()
            }
            _ => 0,
        })
        .last()
        .unwrap_or(0);
    println!("{stage}: {}", black_box(n));
}

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(8);
    if let (Some(language), Some(stage)) = (std::env::args().nth(2), std::env::args().nth(3)) {
        return one_stage(mb, &language, &stage);
    }
    let news = cjk_text(mb << 20, 2023);
    report("generated news (as benched)", &news, Language::ZhHans);
    report("generated zh-Hant news", &news_text(mb << 20, 2023, Language::ZhHant), Language::ZhHant);
    report("generated ja news", &news_text(mb << 20, 2023, Language::Ja), Language::Ja);
    // The same text with every half-width comma made full-width and every ASCII character
    // dropped: what the fast path alone does.
    let han: String = news.replace(',', "，").chars().filter(|c| !c.is_ascii() || *c == '\n').collect();
    report("same, all full-width (fast path only)", &han, Language::ZhHans);
}
