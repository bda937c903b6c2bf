//! Writes a big, deterministic test issue and a layout placing every item.
//!
//! ```text
//! cargo run --release --example gen_issue -- --pages 200 --items 6000 --out /tmp/big.ron
//! ```
//!
//! writes `/tmp/big.ron` (the issue, docs/file-formats.md) and `/tmp/big.layout.ron` (the layout, its
//! issue path relative), then reads both back to check they parse.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pasteup_core::fit::set_item;
use pasteup_core::format::ron_options;
use pasteup_core::format::to_ron_string;
use pasteup_core::generate::generate_issue;
use pasteup_core::model::{Issue, Layout};

struct Args {
    pages: usize,
    items: usize,
    seed: u64,
    out: PathBuf,
}

const USAGE: &str = "usage: gen_issue [--pages N] [--items N] [--seed N] [--out FILE.ron]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args { pages: 200, items: 6000, seed: 20230210, out: PathBuf::from("/tmp/big.ron") };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--pages" => args.pages = value()?.parse().map_err(|e| format!("--pages: {e}"))?,
            "--items" => args.items = value()?.parse().map_err(|e| format!("--items: {e}"))?,
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => args.out = PathBuf::from(value()?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if args.pages == 0 {
        return Err("--pages must be at least 1".to_string());
    }
    Ok(args)
}

/// `X.ron` → `X.layout.ron` beside it (docs/file-formats.md).
fn layout_path(issue: &Path) -> PathBuf {
    let stem = issue.file_stem().map_or_else(|| "issue".into(), |s| s.to_string_lossy().into_owned());
    issue.with_file_name(format!("{stem}.layout.ron"))
}

fn run(args: &Args) -> Result<(), String> {
    let (issue_ron, mut layout) = generate_issue(args.pages, args.items, args.seed);
    let layout_file = layout_path(&args.out);
    layout.issue = args.out.file_name().map(|n| n.to_string_lossy().into_owned()).ok_or("--out needs a file name")?;
    let layout_text = to_ron_string(&layout);
    std::fs::write(&args.out, &issue_ron).map_err(|e| format!("{}: {e}", args.out.display()))?;
    std::fs::write(&layout_file, &layout_text).map_err(|e| format!("{}: {e}", layout_file.display()))?;

    // Read both back, as pasteup will.
    let issue: Issue = ron_options().from_str(&issue_ron).map_err(|e| format!("issue does not parse: {e}"))?;
    let back: Layout = ron_options().from_str(&layout_text).map_err(|e| format!("layout does not parse: {e}"))?;
    if back != layout {
        return Err("layout does not read back as written".to_string());
    }
    check_no_overlap(&issue, &layout)?;
    let text_bytes: usize = issue.items.iter().flat_map(|i| i.texts()).map(|(_, t)| t.len()).sum();
    let placed: usize = layout.pages.iter().map(|p| p.placements.len()).sum();
    println!(
        "{}: {} pages, {} items, {:.1} MB ({:.1} MB of text)",
        args.out.display(),
        issue.pages.len(),
        issue.items.len(),
        issue_ron.len() as f64 / 1e6,
        text_bytes as f64 / 1e6
    );
    println!("{}: {placed} placements, {:.1} KB", layout_file.display(), layout_text.len() as f64 / 1e3);
    Ok(())
}

/// Every placement's box, worked out by the fit engine, is clear of every other on its page.
fn check_no_overlap(issue: &Issue, layout: &Layout) -> Result<(), String> {
    let mut past_foot = 0;
    for page in &layout.pages {
        let grid = &issue.page(page.number).ok_or("a layout page the issue lacks")?.grid;
        let boxes: Vec<(&str, u32, u32, u32, u32)> = page
            .placements
            .iter()
            .map(|p| {
                let item = issue.item(&p.item).expect("every placed item is in the issue");
                let depth = set_item(item, grid, issue.language, p.span).box_depth(p.depth);
                let (c, l) = (u32::from(p.column), p.line);
                (p.item.as_str(), c, c + u32::from(p.span), l, l + depth)
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            if a.4 - 1 > grid.depth {
                past_foot += 1;
            }
            for b in &boxes[..i] {
                if a.1 < b.2 && b.1 < a.2 && a.3 < b.4 && b.3 < a.4 {
                    return Err(format!("page {}: {} overlaps {}", page.number, a.0, b.0));
                }
            }
        }
    }
    println!("no overlaps; {past_foot} boxes run past the foot of their page");
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(|args| run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
