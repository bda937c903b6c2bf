//! End to end: `M` in the real editor on an empty page makes it from the bin by the page
//! plan, in one undo step; `u` puts every box back in the bin.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod e2e_support;

use e2e_support::Fixture;

#[test]
fn m_makes_the_empty_page_and_u_undoes_it() {
    let fx = Fixture::new();
    std::fs::write(fx.layout(), "Layout(issue: \"taiyuan-2023-02-10.ron\", pages: [])\n").unwrap();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor on an empty page 3", |s| s.shows_editor() && s.contains(" bin: 12 items"));
    s.assert_clean();
    ed.press("M");
    let s = ed.wait_for("page 3 made", |s| s.message().contains("Made page 3"));
    assert!(s.message().contains("placed 4, 0 of its plan left in the bin"), "status: {}", s.message());
    assert!(s.contains(" bin: 8 items"), "the four planned for page 3 left the bin:\n{}", s.numbered());
    assert!(s.contains("守"), "the lead's headline is on the page:\n{}", s.numbered());
    ed.press("u");
    // Both in one wait: under load a frame may be read before its status row is drawn.
    ed.wait_for("the make undone", |s| s.contains(" bin: 12 items") && s.status().contains("Undid make"));
    ed.press("q");
    assert!(ed.wait_exit().success(), "undone, the desk is the saved layout: q quits without asking");
}
