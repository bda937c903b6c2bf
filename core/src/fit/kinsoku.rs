//! The line-start and line-end rules (避头尾 in clreq, kinsoku shori in jlreq), docs/fit-accounting.md.
//!
//! ```
//! use pasteup_core::fit::kinsoku::Rules;
//! use pasteup_core::model::{Kinsoku, Language};
//! let strict = Rules::new(Kinsoku::Strict, Language::ZhHans);
//! assert!(strict.no_line_start('。') && strict.no_line_start('—') && strict.no_line_start('―'));
//! assert!(strict.no_line_end('“'));
//! let basic = Rules::new(Kinsoku::Basic, Language::ZhHans);
//! assert!(basic.no_line_start('。') && !basic.no_line_start('—'));
//! ```

use crate::model::{Kinsoku, Language};

// The lists as docs/fit-accounting.md gives them. `Rules` decides with `match`es, which a test checks
// against these for every character.

/// Never at a line start, at Basic and Strict. Then the closing and pause marks among the
/// vertical forms (U+FE10–FE19, U+FE30–FE4F) and the small forms (U+FE50–FE6B) that Big5 copy
/// carries (found from outside: `﹑` and `︰`, which Big5 writes for `、` and `：`, started
/// lines; UAX #14 reads them as ideographs).
#[cfg_attr(not(test), allow(dead_code))]
const NO_START: &str = "。？！．，、；：”’）］〕】》〉」』〗｝〙～·・‐.,;:?!)]}\
                        ︐︑︒︓︔︕︖︘︰︶︸︺︼︾﹀﹂﹄﹈﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞";
/// Never at a line start in Japanese, at Basic and Strict: prolonged sound and iteration
/// marks and the small kana, in their half-width forms too (`ｧ`–`ｯ`, `ｰ`), and the small
/// katakana for Ainu (`ㇰ`–`ㇿ`; found from outside: `ㇰ` and `ゕ` started lines).
#[cfg_attr(not(test), allow(dead_code))]
const NO_START_JA: &str =
    "ー々ゝゞヽヾ〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯｰ";
/// Strict adds the dash and the ellipsis, and their Traditional Chinese forms (see
/// [`dashes`](super::dashes)), and the vertical ellipsis of Big5 copy.
#[cfg_attr(not(test), allow(dead_code))]
const NO_START_STRICT: &str = "—…―⋯︙";
/// Never at a line end, at Basic and Strict; then the opening marks among the vertical and
/// small forms.
#[cfg_attr(not(test), allow(dead_code))]
const NO_END: &str = "“‘（［〔【《〈「『〖｛〘([{︗︵︷︹︻︽︿﹁﹃﹇﹙﹛﹝";

/// The rules in force for one grid and language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rules {
    level: Kinsoku,
    japanese: bool,
}

impl Rules {
    pub fn new(level: Kinsoku, language: Language) -> Rules {
        Rules { level, japanese: language == Language::Ja }
    }

    pub fn level(self) -> Kinsoku {
        self.level
    }

    /// Whether the Japanese marks (small kana, ー, 々 …) are kept from line starts.
    pub fn japanese(self) -> bool {
        self.japanese && self.level != Kinsoku::None
    }

    /// Whether `c` may not begin a line.
    #[inline]
    pub fn no_line_start(self, c: char) -> bool {
        // Han ideographs and ASCII letters and digits are never restricted: decide them first.
        if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || self.level == Kinsoku::None {
            return false;
        }
        // The lists above, as a `match` (a few compares instead of a scan of each list); a
        // test checks it against the lists for every character.
        match c {
            '。' | '？' | '！' | '．' | '，' | '、' | '；' | '：' | '”' | '’' | '）' | '］' | '〕' | '】' | '》'
            | '〉' | '」' | '』' | '〗' | '｝' | '〙' | '～' | '·' | '・' | '‐' | '.' | ',' | ';' | ':' | '?' | '!'
            | ')' | ']' | '}' => true,
            // The vertical and small forms (see NO_START): rare, so after the common marks.
            '︐'..='︖'
            | '︘'
            | '︰'
            | '︶'
            | '︸'
            | '︺'
            | '︼'
            | '︾'
            | '﹀'
            | '﹂'
            | '﹄'
            | '﹈'
            | '﹐'..='﹒'
            | '﹔'..='﹗'
            | '﹚'
            | '﹜'
            | '﹞' => true,
            '—' | '…' | '―' | '⋯' | '︙' => self.level == Kinsoku::Strict,
            'ー'
            | '々'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '〻'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ゕ'
            | 'ゖ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | 'ㇰ'..='ㇿ'
            | 'ｧ'..='ｰ' => self.japanese,
            _ => false,
        }
    }

    /// Whether `c` may not end a line.
    #[inline]
    pub fn no_line_end(self, c: char) -> bool {
        if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || self.level == Kinsoku::None {
            return false;
        }
        // NO_END as a `match`, checked against it in a test.
        matches!(
            c,
            '“' | '‘'
                | '（'
                | '［'
                | '〔'
                | '【'
                | '《'
                | '〈'
                | '「'
                | '『'
                | '〖'
                | '｛'
                | '〘'
                | '('
                | '['
                | '{'
                | '︗'
                | '︵'
                | '︷'
                | '︹'
                | '︻'
                | '︽'
                | '︿'
                | '﹁'
                | '﹃'
                | '﹇'
                | '﹙'
                | '﹛'
                | '﹝'
        )
    }

    /// Whether the rules forbid a break between `before` and `after`.
    #[inline]
    pub fn forbids(self, before: char, after: char) -> bool {
        self.no_line_end(before) || self.no_line_start(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_allows_everything() {
        let none = Rules::new(Kinsoku::None, Language::Ja);
        for c in NO_START.chars().chain(NO_START_JA.chars()).chain(NO_END.chars()) {
            assert!(!none.no_line_start(c) && !none.no_line_end(c));
        }
    }

    /// Found from outside: the small kana break as ideographs (UAX #14's CJ resolved for
    /// normal breaking), which the docs now say; only a `ja` issue's lists keep them off a
    /// line start.
    #[test]
    fn small_kana_start_a_line_only_where_no_list_forbids_it() {
        use crate::fit::{TextStyle, set_paragraph};
        let text = "日本游客在东京购买了很多ショッピング用品。";
        let set = |language| {
            let style = TextStyle::new(7, Rules::new(Kinsoku::Strict, language), true).indent(0);
            set_paragraph(text, &style).iter().map(|l| l.text(text).to_string()).collect::<Vec<_>>()
        };
        assert_eq!(set(Language::ZhHans), ["日本游客在东京", "购买了很多ショ", "ッピング用品。"]);
        assert_eq!(set(Language::Ja), ["日本游客在东京", "购买了很多", "ショッピング用", "品。"]);
    }

    #[test]
    fn japanese_marks_only_for_japanese() {
        let zh = Rules::new(Kinsoku::Strict, Language::ZhHans);
        let ja = Rules::new(Kinsoku::Strict, Language::Ja);
        assert!(!zh.no_line_start('ッ'));
        assert!(ja.no_line_start('ッ') && ja.no_line_start('ー') && ja.no_line_start('々'));
        // Found from outside: half-width `ｮ` `ｯ` `ｰ` started lines.
        assert!(ja.no_line_start('ｮ') && ja.no_line_start('ｯ') && ja.no_line_start('ｰ') && !ja.no_line_start('ｱ'));
    }

    /// The `match`es say exactly what the lists say, for every character, level and language.
    #[test]
    fn matches_agree_with_the_lists() {
        for level in [Kinsoku::Strict, Kinsoku::Basic, Kinsoku::None] {
            for language in [Language::ZhHans, Language::Ja] {
                let rules = Rules::new(level, language);
                let ja = language == Language::Ja;
                for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                    let start = match level {
                        Kinsoku::None => false,
                        Kinsoku::Basic => NO_START.contains(c) || (ja && NO_START_JA.contains(c)),
                        Kinsoku::Strict => {
                            NO_START.contains(c) || NO_START_STRICT.contains(c) || (ja && NO_START_JA.contains(c))
                        }
                    };
                    let end = level != Kinsoku::None && NO_END.contains(c);
                    assert_eq!(rules.no_line_start(c), start, "{c:?} {level:?} {language:?}");
                    assert_eq!(rules.no_line_end(c), end, "{c:?} {level:?} {language:?}");
                }
            }
        }
    }

    /// Found from outside: Big5 copy carries the small forms (U+FE50–FE6B) and the vertical
    /// presentation forms (U+FE10–FE19, U+FE30–FE4F); UAX #14 reads `﹑` and `︰` (which Big5
    /// writes for `、` and `：`) as ideographs, and `﹑二三。` and `︰二三。` started lines.
    #[test]
    fn small_and_vertical_forms_keep_off_a_line_start_or_end() {
        use crate::fit::breaks::break_points;
        use crate::fit::{TextStyle, set_paragraph};
        let strict = Rules::new(Kinsoku::Strict, Language::ZhHant);
        let style = TextStyle::new(13, strict, true).indent(2);
        let set = |text: &str| set_paragraph(text, &style).iter().map(|l| l.text(text).to_string()).collect::<Vec<_>>();
        assert_eq!(set("一二三四五六七八九十壹﹑二三。"), ["一二三四五六七八九十", "壹﹑二三。"]);
        assert_eq!(set("一二三四五六七八九十壹︰二三。"), ["一二三四五六七八九十", "壹︰二三。"]);
        for level in [Kinsoku::Basic, Kinsoku::Strict] {
            for language in Language::ALL {
                let rules = Rules::new(level, language);
                for c in "︐︑︒︓︔︕︖︘︰︶︸︺︼︾﹀﹂﹄﹈﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞".chars()
                {
                    assert!(rules.no_line_start(c) && !rules.no_line_end(c), "{c:?} {rules:?}");
                    // After a space too, where UAX #14 would break.
                    assert_eq!(break_points(&format!("一 {c}二"), rules), [format!("一 {c}"), "二".into()], "{c:?}");
                }
                for c in "︗︵︷︹︻︽︿﹁﹃﹇﹙﹛﹝".chars() {
                    assert!(rules.no_line_end(c) && !rules.no_line_start(c), "{c:?} {rules:?}");
                    assert_eq!(
                        break_points(&format!("一{c} 二"), rules),
                        ["一".to_string(), format!("{c} 二")],
                        "{c:?}"
                    );
                }
            }
        }
        // The vertical ellipsis as `…`: off a line start at Strict only.
        assert!(strict.no_line_start('︙') && !Rules::new(Kinsoku::Basic, Language::ZhHant).no_line_start('︙'));
    }

    #[test]
    fn ascii_twins() {
        let basic = Rules::new(Kinsoku::Basic, Language::ZhHans);
        for c in ".,;:?!)]}".chars() {
            assert!(basic.no_line_start(c), "{c}");
        }
        for c in "([{".chars() {
            assert!(basic.no_line_end(c), "{c}");
        }
        assert!(basic.forbids('字', '，') && basic.forbids('（', '字') && !basic.forbids('字', '字'));
    }
}
