//! The issue file (docs/file-formats.md): written by the copy desk, never modified by pasteup.

use serde::{Deserialize, Serialize};

/// One edition: paper name, date, language, pages and the items for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub paper: String,
    pub date: String,
    #[serde(default)]
    pub language: Language,
    pub pages: Vec<Page>,
    pub items: Vec<Item>,
}

impl Issue {
    /// The item with this id, if the issue has one. A linear walk: for a look-up per item
    /// use [`crate::layout::Makeup::item_by_id`], which keeps an index.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id() == id)
    }

    /// The id of the issue's item most like `id`, for a message naming an id the issue lacks:
    /// the one that looks the same (a space before or after, full-width letters: found from
    /// outside, `" p1"` in the issue was passed over for `"a1"`), else the same in other capitals, else the one it begins (three letters or more), else a
    /// typing slip away (a letter missing, doubled, swapped or wrong, up to one in three).
    /// Ties go to the item first in the issue.
    ///
    /// ```
    /// # use pasteup_core::format::parse_issue;
    /// # let issue = parse_issue("s.ron".as_ref(), pasteup_core::sample::ISSUE).unwrap();
    /// assert_eq!(issue.nearest_id("snow-clearng"), Some("snow-clearing"));
    /// assert_eq!(issue.nearest_id("SNOW-CLEARING"), Some("snow-clearing"));
    /// assert_eq!(issue.nearest_id("petition"), Some("petition-notice"));
    /// assert_eq!(issue.nearest_id("weather"), None);
    /// ```
    pub fn nearest_id(&self, id: &str) -> Option<&str> {
        let ids = || self.items.iter().map(Item::id);
        let seen = as_seen(id);
        if let Some(same) = ids().find(|other| as_seen(other) == seen) {
            return Some(same);
        }
        if let Some(same) = ids().find(|other| other.eq_ignore_ascii_case(id)) {
            return Some(same);
        }
        if id.chars().count() >= 3
            && let Some(longer) = ids().find(|other| other.starts_with(id))
        {
            return Some(longer);
        }
        let most = (id.chars().count() / 3).max(1);
        let distance = |other: &str| strsim::damerau_levenshtein(id, other);
        let near = ids().filter(|other| other.len().abs_diff(id.len()) <= most * 4);
        near.map(|other| (distance(other), other)).filter(|&(d, _)| d <= most).min_by_key(|&(d, _)| d).map(|(_, o)| o)
    }

    /// The page with this number, if the issue has one.
    pub fn page(&self, number: u32) -> Option<&Page> {
        self.pages.iter().find(|page| page.number == number)
    }
}

/// An id as it looks: without the spaces before and after it, full-width ASCII (`ｐ１`, the
/// ideographic space) read as half-width.
fn as_seen(id: &str) -> String {
    id.chars().map(crate::layout::fold::ascii_form).collect::<String>().trim_matches(' ').to_string()
}

/// The language of the issue's text; it decides how wide East Asian Ambiguous characters are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Language {
    #[default]
    ZhHans,
    ZhHant,
    Ja,
    Ko,
    En,
}

impl Language {
    pub const ALL: [Language; 5] = [Language::ZhHans, Language::ZhHant, Language::Ja, Language::Ko, Language::En];

    /// The tag as written in the issue file.
    pub fn tag(self) -> &'static str {
        match self {
            Language::ZhHans => "zh-Hans",
            Language::ZhHant => "zh-Hant",
            Language::Ja => "ja",
            Language::Ko => "ko",
            Language::En => "en",
        }
    }

    /// East Asian Ambiguous characters (“ ” × — …) take a full em in CJK typesetting.
    pub fn ambiguous_is_wide(self) -> bool {
        self != Language::En
    }
}

impl Language {
    /// The tag `written` most likely means: the same in another case or with `_` for `-`
    /// (`zh_hans`), else one a letter wrong (`jp`). Found from outside: `zh-hans` was told no
    /// tag, where `kinsoku: strict` is told Strict.
    fn meant(written: &str) -> Option<&'static str> {
        let key = |tag: &str| tag.to_lowercase().replace('_', "-");
        let tags = Language::ALL.map(Language::tag);
        tags.into_iter().find(|tag| key(tag) == key(written)).or_else(|| crate::format::nearest_name(written, &tags))
    }
}

impl TryFrom<String> for Language {
    type Error = String;
    fn try_from(tag: String) -> Result<Self, String> {
        Language::ALL
            .into_iter()
            .find(|lang| lang.tag() == tag)
            // Quoted cut short, as every value a message echoes (found from outside: a 200 KB
            // tag made a 200 KB error line).
            .ok_or_else(|| {
                format!(
                    "unknown language {}, expected one of zh-Hans, zh-Hant, ja, ko, en{}",
                    crate::format::quoted(&tag),
                    Language::meant(&tag).map(|tag| format!("; did you mean {tag}?")).unwrap_or_default()
                )
            })
    }
}

impl From<Language> for String {
    fn from(lang: Language) -> String {
        lang.tag().to_string()
    }
}

/// A page of the issue with the grid its items are set on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub number: u32,
    #[serde(default)]
    pub section: Option<String>,
    pub grid: Grid,
}

/// The page grid: columns of `column_width` em separated by `gutter` em, `depth` body lines deep.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    pub columns: u16,
    pub column_width: u16,
    pub gutter: u16,
    pub depth: u32,
    #[serde(default)]
    pub kinsoku: Kinsoku,
    /// First-line indent of a paragraph, in em.
    #[serde(default = "default_indent")]
    pub indent: u16,
    /// Whether one of 。，、．, may hang one em past the column edge.
    #[serde(default)]
    pub hanging: bool,
    /// Size of a headline character, in em (a headline line is this many body lines deep).
    #[serde(default = "default_headline_size")]
    pub headline_size: u16,
    /// House style of punctuation widths (全角式, 行末压缩, 开明式).
    #[serde(default)]
    pub punctuation: Punctuation,
    /// Whether a paragraph may end in a one-character line (孤字).
    #[serde(default)]
    pub orphans: Orphans,
    /// Whether the print proofs justify every line but a paragraph's last.
    #[serde(default = "default_true")]
    pub justify: bool,
    /// Whether the print proofs draw column rules (分栏线) in the gutters.
    #[serde(default)]
    pub rules: bool,
}

fn default_true() -> bool {
    true
}

fn default_indent() -> u16 {
    2
}

fn default_headline_size() -> u16 {
    2
}

impl Grid {
    /// Whether a mark hangs past the column edge: `hanging`, and a gutter to hang in (found
    /// from outside: with `gutter: 0` a hung `，` printed over the next column's first
    /// character, and `check` passed the page).
    pub fn hangs(&self) -> bool {
        self.hanging && self.gutter >= 1
    }

    /// A Chinese broadsheet (对开): 8 columns of 13 em, a 1-em gutter, 100 lines, every house
    /// rule at its default.
    pub fn broadsheet() -> Grid {
        Grid {
            columns: 8,
            column_width: 13,
            gutter: 1,
            depth: 100,
            kinsoku: Kinsoku::Strict,
            indent: 2,
            hanging: false,
            headline_size: 2,
            punctuation: Punctuation::Full,
            orphans: Orphans::Avoid,
            justify: true,
            rules: false,
        }
    }

    /// Width in em of a box spanning `span` columns: n×width + (n−1)×gutter.
    pub fn span_width(&self, span: u16) -> u32 {
        let span = u32::from(span.max(1));
        span * u32::from(self.column_width) + (span - 1) * u32::from(self.gutter)
    }
}

/// How strictly the Chinese/Japanese line-start and line-end rules (避头尾, kinsoku) apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kinsoku {
    #[default]
    Strict,
    Basic,
    None,
}

/// The house style of punctuation widths, after W3C clreq (docs/fit-accounting.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Punctuation {
    /// 全角式: every mark is one em (version 1).
    #[default]
    Full,
    /// 行末压缩: closing marks at a line end, opening marks at a line start, and the
    /// first of two adjacent marks take half an em.
    LineEnd,
    /// 开明式: as `LineEnd`, and every closing or pause mark but 。？！ is half an em anywhere.
    Kaiming,
}

/// Whether a paragraph may end in a line of one character (孤字).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Orphans {
    /// The line before gives up a character when kinsoku allows; the line count never grows.
    #[default]
    Avoid,
    Allow,
}

/// An article, a photo or a notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Item {
    Article(Article),
    Photo(Photo),
    Notice(Notice),
}

/// Which of the three kinds an item is, written by its lower-case [`name`](ItemKind::name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Article,
    Photo,
    Notice,
}

impl ItemKind {
    /// The name every output gives the kind (serde writes the same).
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Article => "article",
            ItemKind::Photo => "photo",
            ItemKind::Notice => "notice",
        }
    }
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Article(a) => &a.id,
            Item::Photo(p) => &p.id,
            Item::Notice(n) => &n.id,
        }
    }

    pub fn kind(&self) -> ItemKind {
        match self {
            Item::Article(_) => ItemKind::Article,
            Item::Photo(_) => ItemKind::Photo,
            Item::Notice(_) => ItemKind::Notice,
        }
    }

    /// The page the item is planned for (`page: Some(N)`), if any.
    pub fn planned_page(&self) -> Option<u32> {
        match self {
            Item::Article(a) => a.page,
            Item::Photo(p) => p.page,
            Item::Notice(n) => n.page,
        }
    }

    /// The item's priority on its page (1 = the lead), if the plan gives one.
    pub fn priority(&self) -> Option<u32> {
        match self {
            Item::Article(a) => a.priority,
            Item::Photo(p) => p.priority,
            Item::Notice(n) => n.priority,
        }
    }

    /// The line a person knows the item by: headline, caption or notice title.
    pub fn title(&self) -> &str {
        match self {
            Item::Article(a) => &a.headline,
            Item::Photo(p) => &p.caption,
            Item::Notice(n) => &n.title,
        }
    }

    /// Every piece of text in the item, named by its field, in reading order.
    /// Whether the item prints anything: a photo its picture, an article or notice a field
    /// that is not blank (found from outside: an article with an empty headline and no body
    /// was made a page's lead, an empty box at line 1).
    pub fn holds_copy(&self) -> bool {
        matches!(self, Item::Photo(_)) || self.texts().iter().any(|(_, text)| !text.trim().is_empty())
    }

    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut out: Vec<(&'static str, &str)> = Vec::new();
        fn one<'a>(name: &'static str, text: &'a Option<String>) -> Option<(&'static str, &'a str)> {
            text.as_deref().map(|t| (name, t))
        }
        fn many<'a>(name: &'static str, texts: &'a [String]) -> impl Iterator<Item = (&'static str, &'a str)> {
            texts.iter().map(move |t| (name, t.as_str()))
        }
        match self {
            Item::Article(a) => {
                out.extend(one("kicker", &a.kicker));
                out.push(("headline", &a.headline));
                out.extend(one("subhead", &a.subhead));
                out.extend(many("body", &a.body));
                out.extend(one("byline", &a.byline));
            }
            Item::Photo(p) => {
                out.push(("caption", &p.caption));
                out.extend(one("credit", &p.credit));
                out.extend(one("file", &p.file));
            }
            Item::Notice(n) => {
                out.push(("title", &n.title));
                out.extend(many("body", &n.body));
                out.extend(one("signer", &n.signer));
                out.extend(one("date", &n.date));
            }
        }
        out
    }
}

/// A story: heads across the span, body flowed into legs, byline closing the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    pub headline: String,
    #[serde(default)]
    pub subhead: Option<String>,
    #[serde(default)]
    pub kicker: Option<String>,
    #[serde(default)]
    pub byline: Option<String>,
    /// One string a paragraph.
    pub body: Vec<String>,
    /// The page the morning meeting (编前会) planned the item for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1 = the page's lead (头条), 2, 3, … less.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
}

/// A photo: picture box, caption and credit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    pub id: String,
    pub caption: String,
    #[serde(default)]
    pub credit: Option<String>,
    /// Image file, relative to the folder of the issue file (the sample: `../assets/…`).
    #[serde(default)]
    pub file: Option<String>,
    /// The span the photo is cropped for.
    #[serde(default = "default_photo_span")]
    pub span: u16,
    /// Picture height in body lines; taken from the image's aspect ratio when absent.
    #[serde(default)]
    pub height: Option<u32>,
    /// Pixel size of `file`, read by the loader from the image's header (never from the issue file).
    #[serde(skip)]
    pub pixels: Option<(u32, u32)>,
    /// The page the morning meeting (编前会) planned the item for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1 = the page's lead (头条), 2, 3, … less.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
    /// The article the photo illustrates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
}

fn default_photo_span() -> u16 {
    1
}

/// An official notice (公告): boxed, centred title, body, signer and date right-aligned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub id: String,
    pub title: String,
    pub body: Vec<String>,
    #[serde(default)]
    pub signer: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// The page the morning meeting (编前会) planned the item for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1 = the page's lead (头条), 2, 3, … less.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One kind-to-string map: serde writes the name every text output prints.
    #[test]
    fn kind_names_are_serde_names() {
        for kind in [ItemKind::Article, ItemKind::Photo, ItemKind::Notice] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
        }
    }
}
