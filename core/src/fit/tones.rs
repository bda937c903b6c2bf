//! A bopomofo tone mark stays with its syllable: `ˊ` `ˇ` `ˋ` `˙` after a bopomofo letter
//! (U+3100–312F, U+31A0–31BF) never start a line. UAX #14 reads the letters as ideographs
//! (ID) and the marks as ambiguous letters (AI), between which a line may break (LB31): found
//! from outside, `一二三四五六七八ㄒㄧㄝˋ回應。` at 13 em with a 2-em indent set
//! `…八ㄒㄧㄝ` / `ˋ回應。`. At every `kinsoku` level, `None` too, as figures hold together.
//!
//! ```
//! use pasteup_core::fit::tones::holds_before_tone;
//! let text = "ㄒㄧㄝˋ回";
//! assert!(holds_before_tone(text, "ㄒㄧㄝ".len())); // ㄝ|ˋ
//! assert!(!holds_before_tone(text, "ㄒㄧㄝˋ".len())); // ˋ|回: after the mark a line may break
//! assert!(!holds_before_tone("回ˋ", "回".len())); // only after bopomofo
//! ```

/// Whether no line may break at byte `at` of `text`: just before a tone mark that follows a
/// bopomofo letter.
#[inline]
pub fn holds_before_tone(text: &str, at: usize) -> bool {
    // The tone marks are U+02C7, U+02CA, U+02CB and U+02D9, all led by the byte CB: most
    // breaks are decided by one compare.
    let bytes = text.as_bytes();
    bytes.get(at) == Some(&0xCB) && after_bopomofo(text, at)
}

/// [`holds_before_tone`] past its first byte. Out of line: the general path's filter stays as
/// small as it was.
#[inline(never)]
fn after_bopomofo(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else { return false };
    after.chars().next().is_some_and(is_tone_mark) && before.chars().next_back().is_some_and(is_bopomofo)
}

/// `ˊ` `ˇ` `ˋ` `˙`: the second, third, fourth and light tones.
pub fn is_tone_mark(c: char) -> bool {
    matches!(c, 'ˊ' | 'ˇ' | 'ˋ' | '˙')
}

/// A letter of the Bopomofo or Bopomofo Extended block.
pub fn is_bopomofo(c: char) -> bool {
    matches!(c, '\u{3100}'..='\u{312F}' | '\u{31A0}'..='\u{31BF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tone_mark_after_every_bopomofo_letter_holds() {
        let letters = ('\u{3100}'..='\u{312F}').chain('\u{31A0}'..='\u{31BF}');
        for letter in letters {
            for tone in ['ˊ', 'ˇ', 'ˋ', '˙'] {
                let text = format!("{letter}{tone}");
                assert!(holds_before_tone(&text, letter.len_utf8()), "{text}");
            }
        }
        // Not another modifier letter led by CB (`ˈ`), nor after a letter of another script.
        for text in ["ㄅˈ", "字ˋ", "aˊ", "ㇰˋ"] {
            assert!(!holds_before_tone(text, text.len() - 2), "{text}");
        }
    }
}
