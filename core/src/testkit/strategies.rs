//! Proptest strategies shared by the fit and layout tests: random paragraphs of Han, kana,
//! Latin words, numbers, spaces and punctuation, articles made of them, and kinsoku settings.
//!
//! A test's saved regression seeds replay only while its strategies draw exactly as they did,
//! so a change here that draws differently (another arm, weight or set) needs its own reason:
//! add a new [`Alphabet`] or strategy rather than change one in use.

use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;

use crate::model::{Article, Kinsoku, Language};

/// The characters and pieces a random paragraph is drawn from.
#[derive(Debug, Clone, Copy)]
pub struct Alphabet {
    pub han: &'static str,
    pub kana: &'static str,
    pub latin: &'static str,
    /// Every punctuation mark the kinsoku rules name.
    pub punct: &'static str,
    pub numbers: &'static [&'static str],
    /// Dashes and ellipses, paired and not.
    pub pairs: &'static [&'static str],
    /// Characters that leave the engine's fast paths (combining marks, joiners, emoji,
    /// ambiguous and half-width forms), if any.
    pub odd: Option<&'static str>,
}

/// The news a kinsoku rule speaks of: what the property tests set and check.
pub const NEWS: Alphabet = Alphabet {
    han: "太原日报晋源区两会生态文明建设民生福祉一泉河湖汾水雪后道路交通公园学校医院",
    kana: "あいうえおかきくけこさしすせそがぎアイウエオカキクケコサシスセソジャックぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々ゝゞヽヾ〻",
    latin: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    punct: "。？！．，、；：”’）］〕】》〉」』〗｝〙～·・‐.,;:?!)]}“‘（［〔【《〈「『〖｛〘([{—…―⋯",
    numbers: &["2×1000", "0351-5661173", "1.7", "2023", "12.5%", "3", "100", "2月9日"],
    pairs: &["——", "……", "—", "…", "――", "⋯⋯", "―", "⋯"],
    odd: None,
};

/// [`NEWS`] and the corners of Unicode besides: rare Han, accented Latin, more numbers and
/// pairs, and the characters that leave the fast paths. For comparing engines, not rules.
pub const WIDE: Alphabet = Alphabet {
    han: "太原日报晋源区两会生态文明建设民生福祉一泉河湖汾水雪后道路交通公园学校医院㐀䶿〇",
    kana: "あいうえおかきくけこさしすせそがぎアイウエオカキクケコサシスセソジャックぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々ゝゞヽヾ〻ゟヿ",
    latin: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéñß",
    punct: NEWS.punct,
    numbers: &["2×1000", "0351-5661173", "1.7", "2023", "12.5%", "3", "100", "2月9日", "$5", "¥30", "-1"],
    pairs: &["——", "……", "—", "…", "————", "………", "—…—", "――", "⋯⋯", "――――", "⋯⋯⋯", "―⋯―", "—―", "…⋯"],
    odd: Some(
        "\u{302A}\u{3035}〳〴\u{301}\u{308}\u{200D}\u{200B}\u{FE0F}\u{E0100}\u{3099}\u{309A}👨👩🇨🇳×§°±‰※☆〃〆〜゠＂＃＄％＆＇＊＋－／＜＝＞＠＼＾＿｀｜ｱｲｳﾞﾟ｡｢｣､\u{3000}\t\"'#$%&*+-/<=>@\\^_`|~\u{2014}\u{2015}\u{2E3A}\u{2026}\u{22EF}\u{FF5E}\u{FE10}\u{FE30}\u{2025}\u{FF0C}\u{FE50}\u{A0}\u{2009}\u{2060}",
    ),
};

/// The characters of `s`, to draw from.
pub fn chars_of(s: &'static str) -> Vec<char> {
    s.chars().collect()
}

/// 1 to `max` characters drawn from `set`.
pub fn run_of(set: &'static str, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(select(chars_of(set)), 1..=max).prop_map(|v| v.into_iter().collect())
}

/// One piece of a paragraph: a run of Han (the commonest), kana, Latin or digits, a number,
/// spaces, a punctuation mark, a dash or ellipsis, or (if the alphabet has them) odd characters.
pub fn token(a: &Alphabet) -> impl Strategy<Value = String> + use<> {
    let mut arms: Vec<(u32, BoxedStrategy<String>)> = vec![
        (8, run_of(a.han, 6).boxed()),
        (2, run_of(a.kana, 5).boxed()),
        (2, run_of(a.latin, 12).boxed()),
        (2, select(a.numbers).prop_map(str::to_string).boxed()),
        (1, run_of("0123456789", 8).boxed()),
        (2, select(vec![" ", " ", "  "]).prop_map(str::to_string).boxed()),
        (5, select(chars_of(a.punct)).prop_map(String::from).boxed()),
        (2, select(a.pairs).prop_map(str::to_string).boxed()),
    ];
    if let Some(odd) = a.odd {
        arms.push((3, run_of(odd, 3).boxed()));
    }
    // Draws as `prop_oneof!` with these arms would: the same pick, then only the arm picked.
    Union::new_weighted(arms)
}

/// Up to `max_tokens` tokens run together.
pub fn paragraph(a: &Alphabet, max_tokens: usize) -> impl Strategy<Value = String> + use<> {
    prop::collection::vec(token(a), 0..=max_tokens).prop_map(|v| v.concat())
}

/// A kinsoku level, Strict first (the one proptest shrinks towards).
pub fn level() -> impl Strategy<Value = Kinsoku> {
    prop_oneof![Just(Kinsoku::Strict), Just(Kinsoku::Basic), Just(Kinsoku::None)]
}

/// Chinese or Japanese, the two languages whose rules differ.
pub fn language() -> impl Strategy<Value = Language> {
    prop_oneof![Just(Language::ZhHans), Just(Language::Ja)]
}

/// An article of [`NEWS`] text: a headline, perhaps a subhead and a byline, 1 to 5 paragraphs.
pub fn article() -> impl Strategy<Value = Article> {
    (
        paragraph(&NEWS, 8).prop_filter("a headline", |h| !h.trim().is_empty()),
        prop::option::of(paragraph(&NEWS, 10)),
        prop::option::of(run_of(NEWS.han, 8)),
        prop::collection::vec(paragraph(&NEWS, 60), 1..=5),
    )
        .prop_map(|(headline, subhead, byline, body)| Article {
            id: "a".into(),
            headline,
            subhead,
            kicker: None,
            byline,
            body,
            page: None,
            priority: None,
        })
}

/// `cases` cases, or as many as `PROPTEST_CASES` says (for a long run before a release).
pub fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    ProptestConfig::with_cases(cases)
}
