//! The fit engine (docs/fit-accounting.md): one engine measures everything, so the editor, `check`, `proof`
//! and `export` never disagree.
//!
//! - [`width`]: how many terminal cells (half-ems) a grapheme takes.
//! - [`kinsoku`]: the line-start / line-end rules (避头尾) at each level.
//! - [`classes`]: what the setter knows of each character, in one table look-up.
//! - [`dashes`]: `——` and `……`, and `――` and `⋯⋯` as Traditional Chinese copy writes them.
//! - [`breaks`]: where a line may break (UAX #14, corrected for quotes, tightened by kinsoku).
//! - [`figures`]: full-width figures and letters hold together as half-width ones do.
//! - [`brackets`]: a line may break before a full-width opening bracket after a word or number.
//! - [`colons`]: and after a half-width `:` or `;` between East Asian text and a word or number.
//! - [`signs`]: and before a prefix sign (`±`, `￥`) after a closing mark, no number before it.
//! - [`tones`]: a bopomofo tone mark never starts a line after its syllable.
//! - [`edges`]: quotes beside full-width figures, Hangul or U+3000 (LB19a), and small kana
//!   after a word or number, where the general path meets the rest.
//! - [`fill`]: greedy filling of a paragraph into lines of a column width.
//! - [`punctuation`]: which marks take half an em under the grid's punctuation style.
//! - [`orphans`]: no paragraph ends in a line of one character (孤字).
//! - [`glyphs`]: where each grapheme of a set line stands, for the print proofs.
//! - [`cut`]: the sentences of a body, and a body with its last sentences cut.
//! - [`legs`]: balancing an article's body into legs.
//! - [`parts`]: an article continued over several boxes (转版), with its jump lines.
//! - [`boxes`]: the depth an article, photo or notice needs at a span.
//! - [`measure`]: fit as signed whole lines plus overset characters.
//! - `reference` (with the `testkit` feature): the frozen plain engine the fast paths are
//!   held to; see `docs/fit-engine.md`.

pub mod boxes;
pub mod brackets;
pub mod breaks;
pub mod classes;
pub mod colons;
pub mod cut;
pub mod dashes;
pub mod edges;
pub mod figures;
pub mod fill;
pub mod glyphs;
pub mod kinsoku;
pub mod legs;
pub mod measure;
pub mod orphans;
pub mod parts;
pub mod punctuation;
#[cfg(feature = "testkit")]
pub mod reference;
pub mod signs;
pub mod tones;
pub mod width;

pub use boxes::{
    Block, BlockKind, SetBox, SetLine, Setter, Setting, notice_air, notice_measure, set_item, set_item_as,
};
pub use fill::{Align, Line, TextStyle, set_paragraph};
pub use measure::Fit;
