//! The sample issue (Taiyuan Daily, 10 February 2023) and its starting layout: they parse,
//! they hang together, and every word in them is the printed page's, copied verbatim.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use pasteup_core::format::ron_options;
use pasteup_core::model::{Depth, Issue, Item, ItemKind, Layout};

const ISSUE: &str = "layouts/taiyuan-2023-02-10.ron";
const LAYOUT: &str = "layouts/taiyuan-2023-02-10.layout.ron";
const SEED: &str = "tests/data/taiyuan-daily-2023-02-10.txt";

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn issue() -> Issue {
    ron_options().from_str(&read(ISSUE)).unwrap_or_else(|e| panic!("{ISSUE}: {e}"))
}

fn layout() -> Layout {
    ron_options().from_str(&read(LAYOUT)).unwrap_or_else(|e| panic!("{LAYOUT}: {e}"))
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn han_count(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

/// The seed with the "- " list markers the extraction added removed from line starts and
/// every line break removed, so a paragraph split at a column jump reads as one string.
fn seed_joined() -> String {
    read(SEED).lines().map(|line| line.strip_prefix("- ").unwrap_or(line)).collect()
}

/// Every piece of text in the item except the image path.
fn words(item: &Item) -> Vec<(&'static str, &str)> {
    item.texts().into_iter().filter(|(field, _)| *field != "file").collect()
}

#[test]
fn issue_has_the_pages_and_items_of_the_printed_page() {
    let issue = issue();
    assert_eq!(issue.paper, "太原日报");
    assert_eq!(issue.date, "2023-02-10");
    assert_eq!(issue.language.tag(), "zh-Hans");

    let numbers: Vec<u32> = issue.pages.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [3, 4]);
    for page in &issue.pages {
        let g = &page.grid;
        assert_eq!((g.columns, g.column_width, g.gutter, g.depth), (8, 13, 1, 100), "page {}", page.number);
    }
    assert_eq!(issue.page(3).unwrap().section.as_deref(), Some("关注县（市、区）两会"));

    let count = |kind| issue.items.iter().filter(|i| i.kind() == kind).count();
    // The seed holds seven stories (six news stories and the 并州论坛 column); the brief
    // hoped for nine, but more would have to be invented.
    assert!(count(ItemKind::Article) >= 7, "articles: {}", count(ItemKind::Article));
    assert!(count(ItemKind::Photo) >= 3, "photos: {}", count(ItemKind::Photo));
    assert!(count(ItemKind::Notice) >= 2, "notices: {}", count(ItemKind::Notice));

    let mut ids = HashSet::new();
    for item in &issue.items {
        let id = item.id();
        assert!(ids.insert(id), "duplicate id {id}");
        assert!(
            !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "id {id:?} is not kebab-case"
        );
    }
}

#[test]
fn every_text_is_verbatim_from_the_seed() {
    let issue = issue();
    let seed = seed_joined();
    for item in &issue.items {
        for (field, text) in words(item) {
            assert!(!text.trim().is_empty(), "{}: empty {field}", item.id());
            assert_eq!(text, text.trim(), "{}: {field} has spaces at its ends", item.id());
            assert!(!text.contains('\n'), "{}: {field} has a line break", item.id());
            assert!(seed.contains(text), "{}: {field} is not in the seed: {text}", item.id());
        }
    }
}

#[test]
fn nothing_of_the_seed_is_dropped() {
    let issue = issue();
    let seed = han_count(&read(SEED));
    let items: usize = issue.items.iter().flat_map(words).map(|(_, t)| han_count(t)).sum();
    assert!(items * 100 >= seed * 95, "items hold {items} Han characters, the seed {seed}");
}

#[test]
fn photos_have_their_files() {
    let issue = issue();
    let folder = path(ISSUE).parent().unwrap().to_path_buf();
    let mut from_aspect = 0;
    for item in &issue.items {
        let Item::Photo(photo) = item else { continue };
        assert!((1..=8).contains(&photo.span), "{}: span {}", photo.id, photo.span);
        if photo.height.is_none() {
            from_aspect += 1;
        }
        let Some(file) = &photo.file else { continue };
        let file = folder.join(file);
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{} is not a PNG", file.display());
        assert!(bytes.len() < 60_000, "{} is {} bytes", file.display(), bytes.len());
        let size = imagesize::blob_size(&bytes).unwrap();
        assert!(size.width > 0 && size.height > 0);
    }
    assert!(from_aspect >= 1, "no photo takes its height from its image");
}

#[test]
fn layout_places_existing_items_inside_the_grid() {
    let issue = issue();
    let layout = layout();
    assert_eq!(layout.issue, "taiyuan-2023-02-10.ron");
    assert!(path(LAYOUT).parent().unwrap().join(&layout.issue).is_file());

    let mut placed: HashMap<&str, u32> = HashMap::new();
    let mut pages = HashSet::new();
    for page in &layout.pages {
        assert!(pages.insert(page.number), "page {} laid out twice", page.number);
        let grid = &issue.page(page.number).unwrap_or_else(|| panic!("no page {}", page.number)).grid;
        let mut columns_taken = HashSet::new();
        for p in &page.placements {
            assert!(issue.item(&p.item).is_some(), "page {}: no item {}", page.number, p.item);
            if let Some(other) = placed.insert(&p.item, page.number) {
                panic!("{} placed twice (pages {other} and {})", p.item, page.number);
            }
            assert!(p.column >= 1 && p.span >= 1 && p.line >= 1, "{}: {p:?}", p.item);
            assert!(p.column + p.span - 1 <= grid.columns, "{} runs past column {}", p.item, grid.columns);
            assert!(p.line <= grid.depth, "{} starts below the foot", p.item);
            if let Depth::Fixed(d) = p.depth {
                assert!(d >= 1 && p.line + d - 1 <= grid.depth, "{} runs past the foot", p.item);
            }
            // The starting layout sets its boxes side by side, so no two share a column
            // and they cannot overlap whatever depths the fit engine finds.
            for c in p.column..p.column + p.span {
                assert!(columns_taken.insert(c), "page {}: column {c} used twice", page.number);
            }
        }
    }
    // About half the items start in the bin.
    assert!(placed.len() >= 4 && placed.len() < issue.items.len(), "{} placed", placed.len());
}
