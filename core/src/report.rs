//! How a finished box is described: one set of serde structs for `check --json`,
//! `proof --json` and the RON export alike (docs/formats.md, "Output schemas"), and the
//! labels `check`, `proof` and the editor print beside a box.
//!
//! A [`FinishedBox`] always carries the item, its fit and, when placed, where it stands.
//! `proof` and the RON export add its set lines; the RON export also its geometry in em and
//! its image. Its lines are [`Line`]s (lead, cells, text: exact, for typesetting) in RON and
//! strings as `proof` prints them in JSON.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::fit::cut::{Sentence, cut_sentences};
use crate::fit::{Block, BlockKind, Fit, SetBox, SetLine};
use crate::layout::{BinEntry, PageSummary, ResolvedBox};
use crate::model::{Depth, Grid, Item, ItemKind};
use crate::problem::{Located, ProblemKind};

/// A box's title: the headline the layout gives it, else the item's own (found from outside:
/// a headline rewritten with `r` was named as the issue's).
pub fn box_title<'a>(item: &'a Item, headline: Option<&'a str>) -> &'a str {
    headline.unwrap_or(item.title())
}

/// Where a box stands, for an item on a page; `None` for an item in the bin.
#[derive(Debug, Clone, Copy)]
pub struct Where {
    pub page: u32,
    pub column: u16,
    pub line: u32,
    pub depth: Depth,
    pub over_foot: bool,
    /// Sentences cut from the article (all its parts' cuts together).
    pub cut: u32,
}

impl Where {
    pub fn of(page: u32, b: &ResolvedBox) -> Where {
        Where { page, column: b.column, line: b.line, depth: b.depth, over_foot: b.over_foot, cut: b.setting.cut }
    }
}

/// What a box leaves out by its cut: the sentences, in reading order, as written. Told by the
/// box that ends the article (a part continued in another tells none).
pub fn cut_of(item: &Item, set: &SetBox, cut: u32) -> Vec<Sentence> {
    let ends_article = set.part.as_ref().is_none_or(|p| !p.jumps());
    match item {
        Item::Article(a) if cut > 0 && ends_article => cut_sentences(&a.body, cut),
        _ => Vec::new(),
    }
}

/// One item's box, finished: what it is, how it fits, where it stands, and (for `proof` and
/// the export) every line set in it. Fields that are `None` are left out of the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishedBox<L = Line> {
    pub id: String,
    pub kind: ItemKind,
    pub title: String,
    /// Columns spanned (in the bin: the span it is set at, a photo's own, else 1).
    pub span: u16,
    /// The box's width in em: span × column width + (span − 1) × gutter.
    pub width_em: u32,
    pub depth_needed: u32,
    /// The box's depth in lines (for `auto`, what the item needs).
    pub box_depth: u32,
    /// Box depth minus depth needed: negative = overset, positive = short.
    pub fit: i64,
    /// `fits`, `+3 short` or `−2 overset`.
    pub badge: String,
    pub overset_lines: u32,
    pub overset_chars: u32,
    /// Which part of a continued article the box is (left out for a box of its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<u32>,
    /// Sentences cut from the end of the article, their characters (spaces not counted) and
    /// their text (left out when nothing is cut).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut_sentences: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut_chars: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut: Option<Vec<String>>,
    pub placed: bool,
    /// Where a placed box stands: page, first column and line (1-based), depth setting, and
    /// whether any of its lines lies past the page foot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<DepthSetting>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub over_foot: Option<bool>,
    /// The RON export's geometry: the box's left edge from column 1's, and one leg's width, in em.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_em: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leg_width_em: Option<u32>,
    /// The RON export's bin: characters of text, spaces not counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<u32>,
    /// The RON export's photo: image file (relative to the issue) and pixel size, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pixels: Option<(u32, u32)>,
    /// Kicker, headline, subhead; a photo's picture; a notice's top rule and title.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub heads: Option<Vec<FinishedBlock<L>>>,
    /// Body lines leg by leg, left to right (an article's byline closes the last leg).
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub legs: Option<Vec<Vec<L>>>,
    /// Body lines cut by the box (overset), in reading order.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub overset: Option<Vec<L>>,
    /// A photo's credit; a notice's signer, date and bottom rule.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub foot: Option<Vec<FinishedBlock<L>>>,
}

fn none<T>() -> Option<T> {
    None
}

/// A block of heads or foot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishedBlock<L = Line> {
    #[serde(with = "block_kind")]
    pub kind: BlockKind,
    /// Lines the block takes on the page.
    pub depth: u32,
    /// Body lines each set line takes (a headline line at size 2 takes 2).
    pub line_depth: u32,
    pub lines: Vec<L>,
}

/// One set line: `Line(lead, cells, text)` — `lead` half-ems of space (indent, centring or
/// flush right), then `text`, which is `cells` half-ems wide as the fit engine measured it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line(pub u32, pub u32, pub String);

impl Line {
    /// The line as `proof` prints it: the lead as U+3000 per em (a space for a half em).
    pub fn rendered(&self) -> String {
        SetLine { text: self.2.clone(), lead: self.0, cells: self.1, ragged: true }.rendered()
    }

    pub fn text(&self) -> &str {
        &self.2
    }
}

/// A placement's depth setting, written `"auto"` or a number of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DepthSetting(pub Depth);

impl Serialize for DepthSetting {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Depth::Auto => s.serialize_str("auto"),
            Depth::Fixed(n) => s.serialize_u32(n),
        }
    }
}

impl<'de> Deserialize<'de> for DepthSetting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Lines(u32),
            Word(String),
        }
        match Written::deserialize(d)? {
            Written::Lines(n) => Ok(DepthSetting(Depth::Fixed(n))),
            Written::Word(w) if w == "auto" => Ok(DepthSetting(Depth::Auto)),
            Written::Word(w) => Err(serde::de::Error::custom(format!("depth \"{w}\", expected \"auto\" or lines"))),
        }
    }
}

/// A block kind by its lower-case name, the one the text proof prints.
pub fn block_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Kicker => "kicker",
        BlockKind::Headline => "headline",
        BlockKind::Subhead => "subhead",
        BlockKind::Picture => "picture",
        BlockKind::Caption => "caption",
        BlockKind::Credit => "credit",
        BlockKind::Rule => "rule",
        BlockKind::Title => "title",
        BlockKind::Signer => "signer",
        BlockKind::Date => "date",
        BlockKind::Jump => "jump",
    }
}

mod block_kind {
    use super::*;

    const ALL: [BlockKind; 11] = [
        BlockKind::Kicker,
        BlockKind::Headline,
        BlockKind::Subhead,
        BlockKind::Picture,
        BlockKind::Caption,
        BlockKind::Credit,
        BlockKind::Rule,
        BlockKind::Title,
        BlockKind::Signer,
        BlockKind::Date,
        BlockKind::Jump,
    ];
    pub(super) const NAMES: [&str; 11] =
        ["kicker", "headline", "subhead", "picture", "caption", "credit", "rule", "title", "signer", "date", "jump"];

    pub fn serialize<S: Serializer>(kind: &BlockKind, s: S) -> Result<S::Ok, S::Error> {
        let index = ALL.iter().position(|k| k == kind).unwrap_or(0);
        s.serialize_unit_variant("BlockKind", index as u32, block_name(*kind))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BlockKind, D::Error> {
        d.deserialize_enum("BlockKind", &NAMES, Visitor)
    }

    /// A block kind written as a bare name (RON) or a string (JSON).
    struct Visitor;

    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = BlockKind;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a block kind such as headline")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<BlockKind, E> {
            ALL.iter().find(|&&k| block_name(k) == v).copied().ok_or_else(|| E::unknown_variant(v, &NAMES))
        }
        fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<BlockKind, A::Error> {
            use serde::de::VariantAccess;
            let (kind, variant) = data.variant_seed(Name)?;
            variant.unit_variant()?;
            Ok(kind)
        }
    }

    /// The variant's name, read as an identifier.
    struct Name;

    impl<'de> serde::de::DeserializeSeed<'de> for Name {
        type Value = BlockKind;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<BlockKind, D::Error> {
            d.deserialize_identifier(Visitor)
        }
    }
}

/// A placed box's badge as the reports and exports give it: `no copy` for a part that holds
/// none of the body, as `check` says it (found from outside: `check --json` said `fits` or
/// `-1 overset` there), else the fit's badge.
pub fn box_badge(set: &SetBox, fit: &Fit) -> String {
    crate::catalogue::en::label(&crate::catalogue::Label::BoxBadge {
        fit: *fit,
        over_foot: false,
        empty: set.holds_no_copy(),
    })
}

impl FinishedBox<Line> {
    /// The box of `item` set as `set`, fitting as `fit`, placed `at` (or in the bin), under the
    /// `headline` the layout gives it (if any): what `check` reports, without set lines or
    /// export fields.
    pub fn new(item: &Item, set: &SetBox, at: Option<Where>, fit: &Fit, headline: Option<&str>) -> FinishedBox<Line> {
        let cut = cut_of(item, set, at.map_or(0, |a| a.cut));
        FinishedBox {
            part: set.part.as_ref().map(|p| p.part),
            cut_sentences: (!cut.is_empty()).then_some(cut.len() as u32),
            cut_chars: (!cut.is_empty()).then(|| cut.iter().map(Sentence::chars).sum()),
            cut: (!cut.is_empty()).then(|| cut.into_iter().map(|s| s.text).collect()),
            id: item.id().to_string(),
            kind: item.kind(),
            title: box_title(item, headline).to_string(),
            span: set.span,
            width_em: set.width / 2,
            depth_needed: fit.depth_needed,
            box_depth: fit.box_depth,
            fit: fit.lines(),
            badge: box_badge(set, fit),
            overset_lines: fit.overset_lines,
            overset_chars: fit.overset_chars,
            placed: at.is_some(),
            page: at.map(|a| a.page),
            column: at.map(|a| a.column),
            line: at.map(|a| a.line),
            depth: at.map(|a| DepthSetting(a.depth)),
            over_foot: at.map(|a| a.over_foot),
            x_em: None,
            leg_width_em: None,
            chars: None,
            image: None,
            pixels: None,
            heads: None,
            legs: None,
            overset: None,
            foot: None,
        }
    }

    /// With every line set in the box at its depth setting: heads, legs, overset, foot.
    pub fn with_lines(mut self, set: &SetBox) -> Self {
        let legs = set.legs_at(self.depth_setting());
        let cut = legs.last().map_or(0, |r| r.end);
        self.heads = Some(set.heads.iter().map(block).collect());
        self.legs = Some(legs.iter().map(|r| lines(&set.body[r.clone()])).collect());
        self.overset = Some(lines(&set.body[cut..]));
        self.foot = Some(set.foot.iter().map(block).collect());
        self
    }

    /// The lines as `proof` prints them, for JSON.
    pub fn rendered(self) -> FinishedBox<String> {
        let block = |b: FinishedBlock| FinishedBlock {
            kind: b.kind,
            depth: b.depth,
            line_depth: b.line_depth,
            lines: b.lines.iter().map(Line::rendered).collect(),
        };
        let many = |ls: Vec<Line>| ls.iter().map(Line::rendered).collect::<Vec<_>>();
        FinishedBox {
            heads: self.heads.map(|bs| bs.into_iter().map(block).collect()),
            legs: self.legs.map(|legs| legs.into_iter().map(many).collect()),
            overset: self.overset.map(many),
            foot: self.foot.map(|bs| bs.into_iter().map(block).collect()),
            id: self.id,
            kind: self.kind,
            title: self.title,
            span: self.span,
            width_em: self.width_em,
            depth_needed: self.depth_needed,
            box_depth: self.box_depth,
            fit: self.fit,
            badge: self.badge,
            overset_lines: self.overset_lines,
            overset_chars: self.overset_chars,
            part: self.part,
            cut_sentences: self.cut_sentences,
            cut_chars: self.cut_chars,
            cut: self.cut,
            placed: self.placed,
            page: self.page,
            column: self.column,
            line: self.line,
            depth: self.depth,
            over_foot: self.over_foot,
            x_em: self.x_em,
            leg_width_em: self.leg_width_em,
            chars: self.chars,
            image: self.image,
            pixels: self.pixels,
        }
    }
}

impl<L> FinishedBox<L> {
    /// The placement's depth setting (`Auto` in the bin).
    pub fn depth_setting(&self) -> Depth {
        self.depth.map_or(Depth::Auto, |d| d.0)
    }
}

fn block(b: &Block) -> FinishedBlock {
    FinishedBlock { kind: b.kind, depth: b.depth, line_depth: b.line_depth, lines: lines(&b.lines) }
}

fn lines(lines: &[SetLine]) -> Vec<Line> {
    lines.iter().map(|l| Line(l.lead, l.cells, l.text.clone())).collect()
}

/// `pasteup proof --json`.
#[derive(Debug, Clone, Serialize)]
pub struct ProofReport {
    pub items: Vec<FinishedBox<String>>,
}

/// `pasteup check --json`.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub issue: String,
    /// The layout file read, or `null` when there was none (every item in the bin).
    pub layout: Option<String>,
    pub paper: String,
    pub date: String,
    /// No problem at all.
    pub ok: bool,
    pub pages: Vec<CheckPage>,
    pub bin: Vec<BinEntry>,
    pub problems: Vec<ProblemEntry>,
}

/// One page of `check --json`.
#[derive(Debug, Clone, Serialize)]
pub struct CheckPage {
    pub number: u32,
    pub section: Option<String>,
    pub grid: Grid,
    pub summary: Option<PageSummary>,
    pub items: Vec<FinishedBox<String>>,
}

/// A problem in `check --json`: with the file position for the layout as read, with the
/// page and items for the page as it stands.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum ProblemEntry {
    AsRead { kind: ProblemKind, file: String, line: Option<usize>, col: Option<usize>, message: String },
    OnPage { kind: ProblemKind, page: u32, items: Vec<String>, message: String },
}

impl ProblemEntry {
    pub fn of(p: &Located) -> ProblemEntry {
        let kind = p.kind();
        if kind.is_as_read() {
            let file = p.file.display().to_string();
            ProblemEntry::AsRead { kind, file, line: p.line, col: p.col, message: p.message() }
        } else {
            let items = p.problem.items().into_iter().map(str::to_string).collect();
            ProblemEntry::OnPage { kind, page: p.problem.page(), items, message: p.message() }
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every block kind the outputs give is in docs/formats.md's list (found from outside:
    /// `jump` was given but not listed).
    #[test]
    fn every_block_kind_is_documented() {
        let docs =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/formats.md")).unwrap_or_default();
        let start = docs.find("A block is `{kind, depth, line_depth, lines}`").unwrap_or(0);
        let list = &docs[start..start + docs[start..].find("`depth` the lines").unwrap_or(0)];
        for name in super::block_kind::NAMES {
            assert!(list.contains(&format!("`{name}`")), "{name} not in the list: {list}");
        }
    }

    /// Every key a finished box can carry, each optional one given, is in docs/formats.md's
    /// tables or the paragraphs about the box (found from outside: `part` and the cut keys
    /// were given but not documented).
    #[test]
    fn every_box_key_is_documented() {
        use super::{DepthSetting, FinishedBlock, FinishedBox, Line};
        use crate::fit::BlockKind;
        use crate::model::{Depth, ItemKind};
        let docs =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/formats.md")).unwrap_or_default();
        let start = docs.find("### The finished box").unwrap_or(0);
        let end = docs.find("## The HTML proof").unwrap_or(0);
        let section = &docs[start..end];
        let line = || Line(0, 2, "字".to_string());
        let block = || FinishedBlock { kind: BlockKind::Headline, depth: 1, line_depth: 1, lines: vec![line()] };
        let full = FinishedBox {
            id: "a".into(),
            kind: ItemKind::Article,
            title: "t".into(),
            span: 1,
            width_em: 13,
            depth_needed: 1,
            box_depth: 1,
            fit: 0,
            badge: "fits".into(),
            overset_lines: 0,
            overset_chars: 0,
            part: Some(1),
            cut_sentences: Some(1),
            cut_chars: Some(1),
            cut: Some(vec!["句。".into()]),
            placed: true,
            page: Some(1),
            column: Some(1),
            line: Some(1),
            depth: Some(DepthSetting(Depth::Auto)),
            over_foot: Some(false),
            x_em: Some(0),
            leg_width_em: Some(13),
            chars: Some(1),
            image: Some("a.png".into()),
            pixels: Some((1, 1)),
            heads: Some(vec![block()]),
            legs: Some(vec![vec![line()]]),
            overset: Some(vec![line()]),
            foot: Some(vec![block()]),
        };
        let value = serde_json::to_value(&full).unwrap_or_default();
        let keys: Vec<&String> = value.as_object().map(|o| o.keys().collect()).unwrap_or_default();
        assert_eq!(keys.len(), 30, "{keys:?}");
        for key in keys {
            assert!(section.contains(&format!("`{key}`")), "box key {key} is not in docs/formats.md");
        }
    }
}
