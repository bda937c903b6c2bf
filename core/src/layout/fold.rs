//! Width folding for what is typed at the `:` prompt: a Japanese or Chinese input method
//! types full-width digits and letters (`２`, `ＡＩ`) and may type half-width katakana
//! (`ｺﾒ`), which the copy spells otherwise (found from outside: `:place kome span ２` was
//! refused, `:find ｺﾒ` did not find コメ). Like NFKC for these forms only: full-width ASCII
//! and the ideographic space become ASCII, half-width katakana become full-width, a
//! half-width voicing mark joining the kana before it (`ｶﾞ` → ガ). `:find` folds case too.

/// The half-width forms U+FF61..=U+FF9F, and the full-width ones they stand for (the two
/// voicing marks as the combining ones NFKC gives).
const HALF: &str = "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ";
const FULL: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン\u{3099}\u{309A}";

/// Kana that take the voiced mark, and what they become; then those that take the semi-voiced.
const VOICES: &str = "ウカキクケコサシスセソタチツテトハヒフヘホワヰヱヲ";
const VOICED: &str = "ヴガギグゲゴザジズゼゾダヂヅデドバビブベボヷヸヹヺ";
const SEMI: &str = "ハヒフヘホ";
const SEMI_VOICED: &str = "パピプペポ";

/// `text` with full-width ASCII made ASCII and half-width katakana made full-width.
///
/// ```
/// use pasteup_core::layout::fold::fold_width;
/// assert_eq!(fold_width("ｓｐａｎ　２"), "span 2");
/// assert_eq!(fold_width("ｺﾒとｶﾞｽ"), "コメとガス");
/// ```
pub fn fold_width(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = folded(c);
        match (out.pop(), c) {
            (Some(kana), '\u{3099}') if voiced(kana, VOICES, VOICED).is_some() => {
                out.extend(voiced(kana, VOICES, VOICED));
            }
            (Some(kana), '\u{309A}') if voiced(kana, SEMI, SEMI_VOICED).is_some() => {
                out.extend(voiced(kana, SEMI, SEMI_VOICED));
            }
            (last, c) => {
                out.extend(last);
                out.push(c);
            }
        }
    }
    out
}

/// `text` as `:find` compares it: width-folded, its letters in lower case, so that `gdp`
/// finds GDP and ＧＤＰ (found from outside: case was taken as typed). Han and kana have no
/// case and are only width-folded.
///
/// ```
/// use pasteup_core::layout::fold::fold_for_find;
/// assert_eq!(fold_for_find("一季度ＧＤＰ与GDP"), "一季度gdp与gdp");
/// assert_eq!(fold_for_find("ÉLYSÉE ｺﾒ"), "élysée コメ");
/// ```
pub fn fold_for_find(text: &str) -> String {
    fold_width(text).chars().flat_map(char::to_lowercase).collect()
}

/// One character folded, the voicing marks left for [`fold_width`] to join.
fn folded(c: char) -> char {
    match c {
        '\u{FF61}'..='\u{FF9F}' => {
            let at = (u32::from(c) - 0xFF61) as usize;
            HALF.chars().zip(FULL.chars()).nth(at).map_or(c, |(_, full)| full)
        }
        _ => ascii_form(c),
    }
}

/// `c` as ASCII when it is a full-width form of it (U+FF01–U+FF5E) or the ideographic space,
/// as an input method in its own mode types them (`：` `？` `ｊ` `２`); else `c`. The `:`
/// prompt's words and the editor's keys read alike.
///
/// ```
/// use pasteup_core::layout::fold::ascii_form;
/// assert_eq!(['：', 'ｊ', '\u{3000}', '。'].map(ascii_form), [':', 'j', ' ', '。']);
/// ```
pub fn ascii_form(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// `kana` with its mark, if `from` lists it.
fn voiced(kana: char, from: &str, to: &str) -> Option<char> {
    from.chars().zip(to.chars()).find_map(|(a, b)| (a == kana).then_some(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_line_up() {
        assert_eq!(HALF.chars().count(), 0xFF9F - 0xFF61 + 1);
        assert_eq!(HALF.chars().count(), FULL.chars().count());
        assert_eq!(VOICES.chars().count(), VOICED.chars().count());
        assert_eq!(SEMI.chars().count(), SEMI_VOICED.chars().count());
    }

    #[test]
    fn folds_as_nfkc_does() {
        assert_eq!(fold_width("ＡＩ！～"), "AI!~");
        assert_eq!(fold_width("ﾊﾟﾝとｳﾞｨ｡"), "パンとヴィ。");
        // A voicing mark on a kana that takes none stays, as NFKC leaves it.
        assert_eq!(fold_width("ﾝﾞ"), "ン\u{3099}");
        assert_eq!(fold_width("太原日报 コメ"), "太原日报 コメ");
    }
}
