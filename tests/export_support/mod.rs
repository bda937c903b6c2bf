//! What the export tests share.

use std::path::{Path, PathBuf};

/// Writes `STEM.ron` and `STEM.layout.ron` in `dir`; their paths.
pub fn write_pair(dir: &Path, stem: &str, issue: &str, layout: &str) -> (PathBuf, PathBuf) {
    let (i, l) = (dir.join(format!("{stem}.ron")), dir.join(format!("{stem}.layout.ron")));
    std::fs::write(&i, issue).unwrap();
    std::fs::write(&l, layout).unwrap();
    (i, l)
}

/// A body whose first line, in an 11-em column under `Full` with `hanging: true`, is 21 cells
/// of text (`（CAAM）统计，1—11月`) before a hung `，`: an odd number of cells short of the
/// measure, so justifying must spread it before the mark can start at the measure.
pub const HUNG_LINE: &str = "（CAAM）统计，1—11月，";

/// `STEM.ron` and `STEM.layout.ron` in `dir`: one article in an 11-em column (gutter 1, no
/// indent, `hanging: true`, `grid` added to the page's grid) whose first line is [`HUNG_LINE`].
#[allow(dead_code, reason = "not every test file that shares this module uses it")]
pub fn hung_pair(dir: &Path, stem: &str, grid: &str) -> (PathBuf, PathBuf) {
    write_pair(
        dir,
        stem,
        &format!(
            r#"Issue(paper: "日报", date: "2026-12-07", pages: [
    Page(number: 1, grid: Grid(columns: 2, column_width: 11, gutter: 1, depth: 20, indent: 0, hanging: true{grid}))],
  items: [Article(id: "a", headline: "汽车", body: ["{HUNG_LINE}汽车产销分别完成两千万辆和两千万辆，同比分别增长百分之五。"])])"#
        ),
        &format!(
            r#"Layout(issue: "{stem}.ron", pages: [PageLayout(number: 1, placements: [
    Placement(item: "a", column: 1, span: 1, line: 1, depth: Auto)])])"#
        ),
    )
}
