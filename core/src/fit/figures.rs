//! Full-width figures and letters (`２０２３`, `ＧＤＰ`, `５．２％`) hold together as their
//! half-width twins do. UAX #14 gives them the class of ideographs, which lets a line break
//! between any two: `２０２３年` could end one line with `２` and start the next with `０２３年`.
//! Numbers and Latin words stay whole (docs/fit-accounting.md, "Breaks"), in either width.
//!
//! ```
//! use pasteup_core::fit::figures::holds_at;
//! let text = "增长５．２％，２０２３年";
//! let at = |s: &str| text.find(s).unwrap();
//! assert!(holds_at(text, at("２％"))); // ５．|２: after ． between figures
//! assert!(holds_at("ｋｍ／ｈ", "ｋｍ／".len())); // ｋｍ／|ｈ
//! assert!(holds_at(text, at("０２３"))); // ２|０
//! assert!(!holds_at(text, at("２０２３"))); // ，|２: a line may break before a number
//! assert!(holds_at("午前９:３０", "午前９:".len())); // a half-width colon between full-width figures
//! ```

/// A full-width letter or figure: `０`–`９`, `Ａ`–`Ｚ`, `ａ`–`ｚ`.
#[inline]
pub fn full_width_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

fn digit(c: char) -> bool {
    matches!(c, '０'..='９')
}

/// A letter or figure of a word: ASCII, full-width, or an accented Latin, Greek or Cyrillic
/// one (found from outside: `é|３０` and `１２|über` broke).
fn alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || full_width_alnum(c) || (c.is_alphanumeric() && c < '\u{2000}')
}

/// A full-width mark that joins the letters or figures on both sides of it into one word or
/// number, as its half-width twin does (`５．２`, `１，０００`, `９：３０`, `３－０`, `ｋｍ／ｈ`,
/// `５Ｇ＋`… `Ｑ＆Ａ`, `＃１２`).
fn joiner(c: char) -> bool {
    matches!(c, '．' | '，' | '：' | '－' | '／' | '＋' | '＆' | '＃')
}

/// A half-width mark that joins the letters or figures on both sides of it, one of them
/// full-width, into one word or number as the full-width [`joiner`] does (`９:３０`, `３.５`,
/// `３-２`, `１２:３０`: found from outside, `９:` ended a line and `３０` began the next).
fn half_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '-' | '/' | '+' | '&' | '#')
}

/// Whether no line may break at byte `at` of `text` because a word or number with full-width
/// letters or figures stands across it: between two letters or figures one of which is
/// full-width (`２|０`, `Ｇ|Ｄ`, `５|G`), or on either side of a full-width joining mark between
/// two full-width letters or figures (`５．|２`, `３|－０`, `ｋｍ／|ｈ`); and after a half-width
/// `/` between two letters or figures (`km/|h`).
#[inline]
pub fn holds_at(text: &str, at: usize) -> bool {
    // Every full-width form starts with the byte EF: most breaks are decided by one compare.
    let bytes = text.as_bytes();
    if at >= 1 && bytes.get(at - 1) == Some(&b'/') {
        return unit_slash(text, at);
    }
    if bytes.get(at) != Some(&0xEF) && !(at >= 3 && bytes[at - 3] == 0xEF) {
        return false;
    }
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else { return false };
    let (mut back, mut ahead) = (before.chars().rev(), after.chars());
    let (Some(b1), Some(a1)) = (back.next(), ahead.next()) else { return false };
    if alnum(b1) && alnum(a1) {
        return full_width_alnum(b1) || full_width_alnum(a1);
    }
    if (sign(b1) && (digit(a1) || a1.is_ascii_digit())) || (matches!(b1, '＃' | '#' | '＠' | '@') && alnum(a1)) {
        // What stands before the sign is no letter or figure (a joiner's case, below): a sign
        // that starts a number or a tag, `－８℃`, `▲３．２％`, `￥３０`, `＃ＭｅＴｏｏ`.
        return full_width_form(b1) || full_width_alnum(a1);
    }
    // A joiner just before the break, or just after it, between full-width letters or figures
    // (beside half-width ones UAX #14's rules stand); a half-width one between two of which one
    // is full-width; `．` `，` `：` and their twins join figures only (`ｈ，２` is a clause
    // ending and a number); a half-width `:` joins letters too, as it does between half-width
    // ones (`Tel:０３５１`, found from outside: `Tel:` ended a line).
    let joins = |mark: char, x: char, y: Option<char>| {
        // `．` joins letters too, as its twin does (`Ｎｏ．１`, `Ａ．Ｂ．Ｃ社`: found from outside).
        let figures_only = matches!(mark, '，' | '：' | ',');
        let Some(y) = y else { return false };
        if joiner(mark) {
            let kind = |c: char| full_width_alnum(c) && (!figures_only || digit(c));
            return kind(x) && kind(y);
        }
        let kind = |c: char| if figures_only { digit(c) || c.is_ascii_digit() } else { alnum(c) };
        kind(x) && kind(y) && (full_width_alnum(x) || full_width_alnum(y))
    };
    let mark = |c: char| joiner(c) || half_joiner(c);
    match (mark(b1), mark(a1)) {
        (true, false) => joins(b1, a1, back.next()),
        (false, true) => joins(a1, b1, ahead.next()),
        _ => false,
    }
}

/// A sign that holds to the figure after it, as its half-width twin does (`-8`, `+3`, UAX
/// #14's HY and PR before NU) or as UAX #14 has it before half-width figures (`±5`, `−8`,
/// `￥30`; `▲3`, `△12`, the minus of Japanese business copy, are letters to it): found from
/// outside, `気温は－` / `８．３℃` read as a positive figure on the next line.
fn sign(c: char) -> bool {
    matches!(c, '－' | '＋' | '-' | '+' | '±' | '∓' | '−' | '￥' | '＄' | '￡' | '€' | '▲' | '△' | '▼' | '▽')
}

/// A character of the Halfwidth and Fullwidth Forms block's full-width half (`！`…`～`,
/// `￠`…`￦`), whose half-width twin UAX #14 would read otherwise.
fn full_width_form(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{FFE0}'..='\u{FFE6}')
}

/// Whether the half-width `/` just before byte `at` stands between two letters or figures
/// (`km/h`, `μg/m3`, `and/or`): one unit, as `ｋｍ／ｈ` is (found from outside: UAX #14 lets a
/// line break after the slash, and `60km/` / `h` was set).
fn unit_slash(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at - 1), text.get(at..)) else { return false };
    before.chars().next_back().is_some_and(alnum) && after.chars().next().is_some_and(alnum)
}

#[cfg(test)]
mod tests {
    use crate::fit::kinsoku::Rules;
    use crate::fit::{TextStyle, set_paragraph};
    use crate::model::{Kinsoku, Language};

    fn lines(text: &str, em: u32, language: Language) -> Vec<&str> {
        let style = TextStyle::new(em, Rules::new(Kinsoku::Strict, language), true);
        set_paragraph(text, &style).iter().map(|l| l.text(text)).collect()
    }

    /// Found from outside: `２` / `０２３年ＧＤ` / `Ｐ增长５．` / `２％。`, where the same copy in
    /// half-width figures kept every number and word whole.
    #[test]
    fn full_width_numbers_and_words_stay_whole() {
        let text = "局称，２０２３年ＧＤＰ增长５．２％。";
        assert_eq!(lines(text, 6, Language::ZhHans), ["局称，", "２０２３年", "ＧＤＰ增长", "５．２％。"]);
        let ja =
            "によると、２０２３年３月末時点で５Ｇの人口カバー率は９６．６％に達した。ＮＴＴドコモ、ＫＤＤＩ（ａｕ）";
        let style = TextStyle::new(11, Rules::new(Kinsoku::Strict, Language::Ja), true);
        let set = set_paragraph(ja, &style);
        assert!(set.len() > 3);
        for line in &set[..set.len() - 1] {
            assert!(!super::holds_at(ja, line.end), "{:?} ends inside a number or word", line.text(ja));
        }
        // Found from outside: `２０２３／` / `１２`, `３－` / `０`, `ｋｍ` / `／ｈ`.
        let text = "比分３－０，时速１２０ｋｍ／ｈ，２０２３／１２／１５见";
        for em in 2..12 {
            let style = TextStyle::new(em, Rules::new(Kinsoku::Strict, Language::ZhHans), true).indent(0);
            let set = set_paragraph(text, &style);
            for line in &set[..set.len() - 1] {
                let fits_whole = ["３－０，", "１２０ｋｍ／ｈ，", "２０２３／１２／１５见"]
                    .iter()
                    .all(|w| w.chars().count() <= em as usize);
                assert!(!fits_whole || !super::holds_at(text, line.end), "{em} em: {:?}", line.text(text));
            }
        }
        // Half-width units hold as the full-width ones do (found from outside: `35μg/` / `m3`).
        assert!(super::holds_at("60km/h", "60km/".len()) && super::holds_at("μg/m3", "μg/".len()));
        assert!(!super::holds_at("年/月", "年/".len()) && !super::holds_at("km/ h", "km/".len()));
        assert_eq!(
            lines("设计时速60km/h，全长12.5km。", 7, Language::ZhHans),
            ["设计时速", "60km/h，全长", "12.5km。"]
        );
        // A number longer than the line is still split, between figures.
        assert_eq!(lines("１２３４５６", 2, Language::ZhHans), ["１", "２３", "４５", "６"]);
    }

    /// Found from outside: a half-width `:` `.` `-` between full-width figures let a line break
    /// after it, at every `kinsoku` level: `会議は午前９:` / `３０から始ま`, `比分３:` / `２获胜`,
    /// `新闻12:` / `３０开始`, `增长３.` / `５个百分`, `比分３-` / `２获胜`.
    #[test]
    fn a_half_width_joiner_beside_full_width_figures_holds() {
        for (text, at) in [
            ("午前９:３０", "午前９:"),
            ("新闻12:３０", "新闻12:"),
            ("增长３.５个", "增长３."),
            ("比分３-２获", "比分３-"),
            ("１,０００人", "１,"),
            ("５Ｇ+５", "５Ｇ+"),
            ("Ｑ&Ａ", "Ｑ&"),
            ("Tel:０３５１", "Tel:"),
            ("ａ:３", "ａ:"),
            // Found from outside: `世界ラＮｏ．` / `１の選手`, `首位はＡ．` / `Ｂ．Ｃ社`.
            ("Ｎｏ．１", "Ｎｏ．"),
            ("Ａ．Ｂ．Ｃ社", "Ａ．"),
            ("Ａ．Ｂ．Ｃ社", "Ａ．Ｂ"),
            ("ａ.２", "ａ."),
            ("No.１", "No."),
        ] {
            assert!(super::holds_at(text, at.len()), "{text} at {at}");
        }
        // A clause ends at a comma or a colon before a letter; beside Han, nothing joins.
        for (text, at) in [("ｈ,２", "ｈ,"), ("ｈ，２", "ｈ，"), ("年:３", "年:"), ("３-年", "３-"), ("年．３", "年．")]
        {
            assert!(!super::holds_at(text, at.len()), "{text} at {at}");
        }
        let ja = "会議は午前９:３０から始まる。";
        let style = TextStyle::new(7, Rules::new(Kinsoku::None, Language::Ja), true).indent(0);
        let set: Vec<&str> = set_paragraph(ja, &style).iter().map(|l| l.text(ja)).collect();
        assert_eq!(set, ["会議は午前", "９:３０から始", "まる。"]);
        let style = TextStyle::new(4, Rules::new(Kinsoku::Strict, Language::ZhHans), true).indent(0);
        let text = "比分为３-２获胜";
        let set: Vec<&str> = set_paragraph(text, &style).iter().map(|l| l.text(text)).collect();
        assert_eq!(set, ["比分为", "３-２获", "胜"]);
        // A tag holds to its word (found from outside: `世界中で＃` / `ＭｅＴｏｏ運`).
        assert!(super::holds_at("で＃ＭｅＴｏｏ", "で＃".len()) && super::holds_at("で#ＭｅＴｏｏ", "で#".len()));
        assert!(!super::holds_at("で＃運", "で＃".len()) && !super::holds_at("で＃ＭｅＴｏｏ", "で".len()));
    }

    /// Found from outside: an accented Latin, Greek or Cyrillic letter beside a full-width
    /// figure or letter was no letter to the rule, and the word split there.
    #[test]
    fn accented_greek_and_cyrillic_letters_hold_to_full_width_ones() {
        for (text, at) in [("é３０", "é"), ("ＡＢéc", "ＡＢ"), ("１２über", "１２"), ("１２αβ", "１２"), ("Ж５Ｇ", "Ж")]
        {
            assert!(super::holds_at(text, at.len()), "{text} at {at}");
        }
        assert_eq!(lines("理斯近价老它入它入它入é３０认", 13, Language::ZhHans), ["理斯近价老它入它入它入", "é３０认"]);
        // Beside Han or a half-width letter alone, as before.
        assert!(!super::holds_at("认é", "认".len()) && !super::holds_at("éc", 2));
    }
    /// Found from outside: a full-width sign before a figure let a line break after it, so
    /// that the next line read a positive figure: `気温は－` / `８．３℃`, `北京气温为－` / `8℃`,
    /// `同比增长＋` / `３．２％`, `前年比▲` / `３．２％`, `￥` / `３０`. Their half-width twins
    /// hold to a figure (HY, PR, AL × NU), and full-width figures hold as theirs do.
    #[test]
    fn a_sign_holds_to_the_figure_after_it() {
        for (text, at) in [
            ("气温－８℃", "气温－"),
            ("气温－8℃", "气温－"),
            ("增长＋３．２％", "增长＋"),
            ("前年比▲３．２％", "前年比▲"),
            ("前年比△１２億円", "前年比△"),
            ("价格￥３０", "价格￥"),
            ("误差±０．５℃", "误差±"),
            ("气温−８℃", "气温−"),
            ("气温-８℃", "气温-"),
        ] {
            assert!(super::holds_at(text, at.len()), "{text} at {at}");
        }
        // A sign before a letter or Han, and a line before the sign, break as before.
        for (text, at) in [("北京－上海", "北京－"), ("气温－８℃", "气温"), ("年△甲", "年△"), ("北京−上海", "北京−")]
        {
            assert!(!super::holds_at(text, at.len()), "{text} at {at}");
        }
        // It was `市の気温は－` / `８．３℃を記` / `録した。`.
        let text = "市の気温は－８．３℃を記録した。";
        let style = TextStyle::new(6, Rules::new(Kinsoku::Strict, Language::Ja), true).indent(0);
        let set: Vec<&str> = set_paragraph(text, &style).iter().map(|l| l.text(text)).collect();
        assert_eq!(set, ["市の気温は", "－８．３℃を", "記録した。"]);
        // Half-width figures after the full-width sign, and the straight path's Han before it: the
        // line breaks before the sign (it was `北京气温为－` / `8℃左右`).
        for (text, want) in [
            ("北京气温为－8℃左右", ["北京气温为", "－8℃左右"]),
            ("北京气温为￥30左右", ["北京气温为", "￥30左右"]),
            ("同比增长为＋３．２％", ["同比增长为", "＋３．２％"]),
        ] {
            let style = TextStyle::new(6, Rules::new(Kinsoku::Strict, Language::ZhHans), true).indent(0);
            let set: Vec<&str> = set_paragraph(text, &style).iter().map(|l| l.text(text)).collect();
            assert_eq!(set, want, "{text}");
        }
    }
}
