//! Copyfit: every remedy `fit` proposes, applied to the layout, gives the fit it promises
//! (proptest over random pages); `pasteup fit` on the sample, in text and `--json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use layout_support::small_issue;
use pasteup_core::layout::{Makeup, RemedyKind};
use pasteup_core::model::{Depth, Layout, PageLayout, Placement};
use pasteup_core::testkit::strategies::config;
use proptest::prelude::*;

/// Up to six articles of the small issue on page 1 at random columns, spans, lines and
/// fixed depths (some overset, some short).
fn page() -> impl Strategy<Value = Vec<Placement>> {
    prop::collection::vec((1u16..=8, 1u16..=4, 1u32..=90, 3u32..=70), 1..=6).prop_map(|boxes| {
        boxes
            .into_iter()
            .enumerate()
            .map(|(i, (column, span, line, depth))| {
                let span = span.min(9 - column);
                Placement { item: format!("a{i}"), column, span, line, depth: Depth::Fixed(depth) }
            })
            .collect()
    })
}

fn desk(page1: Vec<Placement>) -> Makeup {
    let layout = Layout {
        issue: "small.ron".into(),
        pages: vec![PageLayout { number: 1, placements: page1 }],
        conflicts: Vec::new(),
    };
    Makeup::new(small_issue(), &layout)
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn every_remedy_gives_the_fit_it_promises(page1 in page()) {
        let desk = desk(page1);
        for b in desk.unfit_boxes(None) {
            prop_assert_ne!(b.fit, 0);
            for r in &b.remedies {
                let mut tried = desk.clone();
                tried.apply_remedy(b.page, &b.id, r).unwrap();
                let after = tried.resolved(b.page).into_iter().find(|x| x.item == b.id).unwrap();
                prop_assert_eq!(after.fit.lines(), r.fit, "{} {:?}", b.id, r);
                prop_assert!(r.fit >= 0 && (b.fit < 0 || r.fit < b.fit), "{:?} does not close {}", r, b.fit);
                if r.kind == RemedyKind::Span {
                    let others = tried.resolved(b.page);
                    let me = others.iter().find(|x| x.item == b.id).unwrap();
                    for o in others.iter().filter(|o| o.item != b.id) {
                        let apart = !(0..me.span).any(|c| o.covers(me.column + c))
                            || o.below() <= me.line
                            || me.below() <= o.line;
                        prop_assert!(apart, "span {} runs into {}", r.value, o.item);
                    }
                }
            }
            let costs: Vec<_> = b.remedies.iter().map(|r| r.cost()).collect();
            prop_assert!(costs.windows(2).all(|w| w[0] <= w[1]), "not cheapest first: {:?}", b.remedies);
        }
    }
}
