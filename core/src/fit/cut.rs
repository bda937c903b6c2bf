//! Cuts (copyfit): the last n sentences of an article's body left out of a placement.
//!
//! A sentence ends after `。！？` or `?!` (with any closing marks that follow them, and the
//! spaces after those) or at its paragraph's end — but not at an ASCII `?` or `!` glued to an
//! address or a word (`news?id=2023&p=1`, `Yahoo!ニュース`, `Yahoo!'s`: an ASCII letter, digit
//! or one of `=&/%#.-_?` after it, an apostrophe and an ASCII letter after it, or a letter of
//! any script after it and an ASCII letter or digit before it), not where a pause mark
//! `、，,；;` follows (`你去吗？，他问。`: no sentence starts with one), not where a hiragana
//! (a particle) follows `？！?!` straight (`本当か？との声`), and not inside a quotation or
//! bracket (`「…」` `“…”` `（…）` and the like) that closes in its paragraph: there the
//! sentence goes on to the end mark after the closing mark, or ends with a closing mark right
//! after the end mark (`「…。」`) unless a particle or a pause mark carries it on
//! (`「…？」と尋ねた`) — or the mark is a book title's (`《誰殺了她？》`) or a quotation's
//! opened mid-sentence (`稱為「最後一戰！」並…`), whose end marks are never a sentence's.
//! Quotations standing as sentences of their own, one after another, and the short sentence
//! after them, their attribution, are one (`「下週一吧。」市長說。`). Cutting takes whole
//! sentences from the end of the body; a paragraph left with no sentence vanishes; the byline
//! is not body and stays.

use unicode_segmentation::UnicodeSegmentation;

use super::width::grapheme_cells;

/// Marks that close a quotation or bracket: they stay with the sentence they close.
const CLOSING: &str = "”’）］〕】》〉」』〗｝〙\")]}'";

/// Marks that end a sentence.
const ENDS: &str = "。！？?!";

/// Characters that carry an address or a word on past an ASCII `?` or `!` glued to them
/// (`news?id=2023&p=1`, `a.cn/?#top`), with ASCII letters and digits.
const CARRY_ON: &str = "=&/%#.-_?";

/// Apostrophes: one an ASCII letter follows (`Yahoo!'s`, `Who?’d`) is inside a word, not a
/// closing quotation mark.
const APOSTROPHES: &str = "'’";

/// Whether a run of ASCII end marks between `before` and the text `after` it stands inside an
/// address, an e-mail address, a query string or a word rather than at a sentence's end: an
/// ASCII letter, digit or [`CARRY_ON`] mark follows it, or a letter of any script follows it
/// straight after an ASCII letter or digit (found from outside: `news?id=2023` and
/// `Yahoo!ニュース` ended sentences, and a cut of one left `Yahoo!` on the page), or an
/// apostrophe and an ASCII letter follow it (found from outside: a cut left `Yahoo!'` of
/// `Yahoo!'s` on the page).
fn carries_on(before: Option<char>, after: &str) -> bool {
    let mut after = after.chars();
    let Some(next) = after.next() else {
        return false;
    };
    next.is_ascii_alphanumeric()
        || CARRY_ON.contains(next)
        || (next.is_alphanumeric() && before.is_some_and(|c| c.is_ascii_alphanumeric()))
        || (APOSTROPHES.contains(next) && after.next().is_some_and(|c| c.is_ascii_alphabetic()))
}

/// Opening and closing marks of a quotation or bracket: an end mark inside a pair ends no
/// sentence (found from outside: `男性は「もう動けない。食べ物もない」と話した。` cut by one
/// left `「もう動けない。` open on the page).
const PAIRS: [(char, char); 13] = [
    ('「', '」'),
    ('『', '』'),
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('《', '》'),
    ('〈', '〉'),
    ('【', '】'),
    ('〔', '〕'),
    ('［', '］'),
    ('〖', '〗'),
    ('｛', '｝'),
    ('〘', '〙'),
];

/// One sentence of the body: which paragraph it is in and its text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of its paragraph in the body.
    pub paragraph: usize,
    pub text: String,
}

impl Sentence {
    /// Characters as `fit` counts them (spaces not counted).
    pub fn chars(&self) -> u32 {
        count_chars(&self.text)
    }
}

/// Characters of `text` as a reader counts them (as overset characters are counted): grapheme
/// clusters (`e\u{301}`, `👨‍👩‍👧` one each), spaces and zero-width ones (U+200B, U+FEFF) not
/// counted. Found from outside: code points were, so `👨‍👩‍👧` counted 5.
pub fn count_chars(text: &str) -> u32 {
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_whitespace() && !b.is_ascii_control()).count() as u32;
    }
    text.graphemes(true).filter(|g| !g.chars().all(char::is_whitespace) && grapheme_cells(g, true) > 0).count() as u32
}

/// Byte offsets of the opening and closing marks of `paragraph` that pair up, as (opening,
/// closing) in the order they close. A closing mark pairs with the nearest open mark of its
/// kind, and marks opened after that one and not yet closed are left unpaired; an opening
/// mark never closed in the paragraph, or a closing mark with none open, pairs with nothing,
/// so that it swallows no sentence.
fn paired_marks(paragraph: &str) -> Vec<(usize, usize)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut paired = Vec::new();
    for (at, c) in paragraph.char_indices() {
        if let Some(&(_, close)) = PAIRS.iter().find(|(opening, _)| *opening == c) {
            open.push((at, close));
        } else if let Some(k) = open.iter().rposition(|&(_, close)| close == c) {
            paired.push((open[k].0, at));
            open.truncate(k);
        }
    }
    paired
}

/// Whether `c`, right after an end mark and the closing marks and spaces after it, carries
/// the sentence on: a pause mark always (`你去吗？，他问。`, `“好！”，他说`), for no sentence
/// starts with one (found from outside: a cut left `，他问。` as a sentence of its own), and
/// where a particle may follow (`particle`: after a closing mark, or straight after `？！?!`)
/// a hiragana, that particle (`「本当ですか？」と尋ねた`, `『なぜ？』を読んだ`,
/// `本当に辞めるのか？との声`; found from outside: cuts took `と答えた。` and `との声も出た。`
/// alone, and left `首相は「本当だ！」` on the page without its verb). A hiragana straight
/// after `。`, or after a space, starts a sentence (`雨が降った。しかし…`, `なぜか？　それは…`).
fn goes_on(c: char, particle: bool) -> bool {
    matches!(c, '、' | '，' | ',' | '；' | ';') || particle && matches!(c, '\u{3041}'..='\u{309F}')
}

/// Opening marks of a quotation: one that opens a sentence and closes on an end mark
/// (`「下週一吧。」`) stands as a sentence of its own, its speaker named after it.
const QUOTATIONS: &str = "「『“‘";

/// Whether `c` opens a quotation or bracket, full-width ([`PAIRS`]) or ASCII: such a mark
/// starts a sentence of its own after a quotation (but for a book title's, [`TITLES`]).
fn opening(c: char) -> bool {
    PAIRS.iter().any(|&(opening, _)| opening == c) || "\"'([{".contains(c)
}

/// Opening marks of a book title: an end mark inside one is the title's (`《誰殺了她？》`),
/// never a sentence's end (found from outside: a cut took `將於2024年3月8日在全港上映。` of
/// `新片《誰殺了她？》將於…`), and a title names a paper, so may start an attribution
/// (`《南華早報》引述警方消息說。`).
const TITLES: &str = "《〈";

/// Marks that introduce a quotation as speech (`他说：“好。”`, `他說，「好。」`, the Hong Kong
/// `︰`): such a quotation's closing end mark ends the sentence it stands in.
const INTRODUCING: &str = "：:︰，,";

/// Opening marks of a bracket that may stand before a quotation as its source or dateline
/// (`（中央社）「…」`, `【本報訊】`, `〔記者…／台北報導〕`) and leave it standing alone.
const DATELINES: &str = "（【〔";

/// Characters, end mark counted, of the longest sentence read as the attribution of the
/// quotation before it: news copy names the speaker after a quotation in 3 to 17 of them
/// (`市長說。`, `首相はそう述べた。`, `市住建局负责人在新闻发布会上表示。`), and a sentence
/// that short after one is nearly always that.
const ATTRIBUTION: u32 = 20;

/// Where the text of the sentence that starts at `start` begins: past spaces and the
/// brackets of a source or dateline before it ([`DATELINES`], paired), so that
/// `（中央社）「我們會繼續努力。」` opens with its quotation.
fn sentence_opening(paragraph: &str, start: usize, pairs: &[(usize, usize)]) -> usize {
    let mut at = start;
    loop {
        at = paragraph.len() - paragraph[at..].trim_start().len();
        let dateline = paragraph[at..].starts_with(|c| DATELINES.contains(c));
        match pairs.iter().find(|&&(opening, _)| opening == at) {
            Some(&(_, close)) if dateline => at = close + paragraph[close..].chars().next().map_or(0, char::len_utf8),
            _ => return at,
        }
    }
}

/// Whether the paired opening mark `c` at `at`, in the sentence that starts at `start`, holds
/// its end marks, so that none ends a sentence: a book title's always, and a quotation's
/// opened mid-sentence, text of its sentence before it and no colon or comma introducing it
/// as speech (`他把計劃稱為「最後一戰！」並呼籲市民支持。`, found from outside: a cut took
/// `並呼籲市民支持。` alone).
fn holds(paragraph: &str, start: usize, at: usize, c: char, pairs: &[(usize, usize)]) -> bool {
    TITLES.contains(c)
        || QUOTATIONS.contains(c)
            && sentence_opening(paragraph, start, pairs) < at
            && !paragraph[..at].trim_end().ends_with(|c| INTRODUCING.contains(c))
}

/// Whether the sentence `paragraph[start..end]` is one quotation, standing alone and closed
/// on an end mark (`「下週一吧。」`, `“好！”`, `「我們不會加稅」。`): its first mark, after a
/// source or dateline in brackets, opens a quotation that closes right after an end mark or
/// right before one, with only closing marks, end marks and spaces after it.
fn stands_quoted(paragraph: &str, start: usize, end: usize, pairs: &[(usize, usize)]) -> bool {
    let open = sentence_opening(paragraph, start, pairs);
    if open >= end || !paragraph[open..].starts_with(|c| QUOTATIONS.contains(c)) {
        return false;
    }
    let Some(&(_, close)) = pairs.iter().find(|&&(opening, _)| opening == open) else {
        return false;
    };
    if close >= end {
        return false;
    }
    let before = paragraph[..close].trim_end_matches(|c| CLOSING.contains(c));
    let after = &paragraph[close..end];
    after.chars().all(|c| ENDS.contains(c) || CLOSING.contains(c) || c.is_whitespace())
        && (before.ends_with(|c| ENDS.contains(c)) || after.contains(|c| ENDS.contains(c)))
}

/// Whether `sentence`, after a quotation standing alone, names its speaker: short, and no
/// quotation or bracket of its own (`「行くぞ。」「はい。」` are two), but a book title may
/// name a paper (`《南華早報》引述警方消息說。`).
fn attributes(sentence: &str) -> bool {
    !sentence.trim_start().starts_with(|c| opening(c) && !TITLES.contains(c)) && count_chars(sentence) <= ATTRIBUTION
}

/// `ends` less those between quotations standing alone one after another and their
/// attribution (found from outside: a cut took `市長說。` of `「下週一吧。」市長說。` and left
/// the quotation without its verb, and `「真係離譜！」乘客紛紛表示不滿。` of
/// `「有冇搞錯？」「真係離譜！」乘客紛紛表示不滿。`), so that they are one sentence.
fn join_attributions(paragraph: &str, ends: Vec<usize>, pairs: &[(usize, usize)]) -> Vec<usize> {
    let starts: Vec<usize> = std::iter::once(0).chain(ends.iter().copied()).collect();
    let mut keep = vec![true; ends.len()];
    // From the last: a quotation joins the sentence after it when that is its attribution or
    // a quotation joined to one.
    for k in (0..ends.len().saturating_sub(1)).rev() {
        let next = &paragraph[ends[k]..ends[k + 1]];
        let joins_next = attributes(next) || !keep[k + 1];
        keep[k] = !(joins_next && stands_quoted(paragraph, starts[k], ends[k], pairs));
    }
    ends.into_iter().zip(keep).filter_map(|(end, keep)| keep.then_some(end)).collect()
}

/// The sentences of one paragraph, in order, as byte ranges that together cover it.
fn sentence_ends(paragraph: &str) -> Vec<usize> {
    let pairs = paired_marks(paragraph);
    let mut paired: Vec<usize> = pairs.iter().flat_map(|&(opening, closing)| [opening, closing]).collect();
    paired.sort_unstable();
    // The paired marks open after the character at `at`, each with whether it holds its end
    // marks: a stack, for paired marks nest (a closing mark drops those opened inside it).
    let mut open: Vec<bool> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let step = |open: &mut Vec<bool>, ends: &[usize], at: usize, c: char| {
        if paired.binary_search(&at).is_err() {
            return;
        }
        if opening(c) {
            let start = ends.last().copied().unwrap_or(0);
            open.push(holds(paragraph, start, at, c, &pairs));
        } else {
            open.pop();
        }
    };
    let mut chars = paragraph.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        step(&mut open, &ends, at, c);
        if !ENDS.contains(c) {
            continue;
        }
        // An end mark inside a book title or a quotation opened mid-sentence is not one, and
        // the marks after it are read as any others (`〈出師表！〉。` ends at its `。`).
        if open.contains(&true) {
            continue;
        }
        // `?!` glued to an address or a word end no sentence; a full-width mark always does.
        let mut ascii = c.is_ascii();
        let mut last = c;
        while let Some((_, next)) = chars.next_if(|&(_, next)| ENDS.contains(next)) {
            ascii &= next.is_ascii();
            last = next;
        }
        let after = chars.peek().map_or(paragraph.len(), |&(next, _)| next);
        if ascii && carries_on(paragraph[..at].chars().next_back(), &paragraph[after..]) {
            continue;
        }
        // Closing marks, spaces and further end marks (`？」！`) stay with this sentence.
        let mut closed = false;
        while let Some(&(at, next)) = chars.peek() {
            if ENDS.contains(next) || CLOSING.contains(next) || next.is_whitespace() {
                step(&mut open, &ends, at, next);
                closed |= CLOSING.contains(next);
                chars.next();
            } else {
                break;
            }
        }
        // Inside a quotation the sentence goes on past its end mark, and where a pause mark,
        // or a particle after a quotation or straight after `？！`, follows.
        let particle = closed || (last != '。' && chars.peek().is_some_and(|&(next, _)| next == after));
        if !open.is_empty() || chars.peek().is_some_and(|&(_, next)| goes_on(next, particle)) {
            continue;
        }
        let end = chars.peek().map_or(paragraph.len(), |&(at, _)| at);
        ends.push(end);
    }
    if ends.last() != Some(&paragraph.len()) && !paragraph.trim().is_empty() {
        ends.push(paragraph.len());
    }
    join_attributions(paragraph, ends, &pairs)
}

/// Every sentence of the body, in reading order.
pub fn sentences(body: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, text) in body.iter().enumerate() {
        let mut start = 0;
        for end in sentence_ends(text) {
            out.push(Sentence { paragraph, text: text[start..end].to_string() });
            start = end;
        }
    }
    out
}

/// The body with its last `n` sentences left out: a paragraph keeps the sentences before the
/// cut (trailing spaces dropped) and vanishes when none is left, and so do blank paragraphs
/// after the last sentence kept. `n` past the number of sentences leaves nothing.
pub fn cut_body(body: &[String], n: u32) -> Vec<String> {
    let all = sentences(body);
    let keep = all.len().saturating_sub(n as usize);
    // No cut (or nothing to cut): the body as written, blank paragraphs and all.
    let Some(first_cut) = all.get(keep) else {
        return body.to_vec();
    };
    let p = first_cut.paragraph;
    let mut out = body[..p].to_vec();
    // Sentences cover their paragraph from its start, so the kept ones are a prefix of it.
    let kept: usize = all[..keep].iter().filter(|s| s.paragraph == p).map(|s| s.text.len()).sum();
    let head = body[p][..kept].trim_end();
    if !head.is_empty() {
        out.push(head.to_string());
    }
    // Blank paragraphs left at the end go with the cut, as those after it do (found from
    // outside: one between the kept text and the cut stayed, a blank line set overset).
    while out.last().is_some_and(|p| p.trim().is_empty()) {
        out.pop();
    }
    out
}

/// The sentences cut by a cut of `n`: the body's last `n`, in reading order.
pub fn cut_sentences(body: &[String], n: u32) -> Vec<Sentence> {
    let mut all = sentences(body);
    let keep = all.len().saturating_sub(n as usize);
    all.split_off(keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found from outside: overset and `chars` counts were code points, so `e\u{301}` counted
    /// 2, `👨‍👩‍👧` 5 and a U+200B 1. A character is a grapheme cluster, zero-width ones not counted.
    #[test]
    fn characters_are_graphemes_and_zero_width_ones_are_not_counted() {
        assert_eq!(count_chars(&"e\u{301}".repeat(10)), 10);
        assert_eq!(count_chars(&"👨\u{200D}👩\u{200D}👧".repeat(5)), 5);
        assert_eq!(count_chars(&format!("{}中", "中\u{200B}".repeat(4))), 5);
        assert_eq!(count_chars("中\u{3000}中 a\u{FEFF}b\u{2060}，"), 5);
        assert_eq!(count_chars("GDP 5%"), 5);
        let line =
            crate::fit::SetLine { text: "e\u{301}👩\u{200D}🚀\u{200B}字".into(), lead: 0, cells: 5, ragged: true };
        assert_eq!(line.chars(), 3);
    }

    /// Found by the property test: a blank paragraph before the cut vanished with it, so a
    /// cut of 0 set an article differently from no cut at all.
    #[test]
    fn blank_paragraphs_before_the_cut_stay() {
        let body = vec![String::new(), "一。二。".to_string()];
        assert_eq!(cut_body(&body, 0), body);
        assert_eq!(cut_body(&body, 1), vec![String::new(), "一。".to_string()]);
        assert_eq!(cut_body(&body, 2), Vec::<String>::new());
    }

    /// Found from outside: a blank paragraph between the kept text and the cut stayed, and
    /// set as a blank line it was counted overset; one after the cut went with it.
    #[test]
    fn blank_paragraphs_after_the_last_kept_sentence_go_with_the_cut() {
        let b = body(&["一二三四五。", "", "七八九。"]);
        assert_eq!(cut_body(&b, 1), body(&["一二三四五。"]));
        let b = body(&["一。", "二。", " "]);
        assert_eq!(cut_body(&b, 1), body(&["一。"]));
        assert_eq!(cut_body(&b, 0), b, "no cut: the body as written");
    }

    fn body(paragraphs: &[&str]) -> Vec<String> {
        paragraphs.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn sentences_end_at_marks_with_their_closing_quotes() {
        let b = body(&["他说：“好。”大家笑了！对吗？", "没有句号的段落"]);
        let s: Vec<String> = sentences(&b).into_iter().map(|s| s.text).collect();
        assert_eq!(s, ["他说：“好。”", "大家笑了！", "对吗？", "没有句号的段落"]);
    }

    #[test]
    fn a_cut_takes_whole_sentences_and_empties_paragraphs() {
        let b = body(&["一。二。", "三。"]);
        assert_eq!(cut_body(&b, 0), b);
        assert_eq!(cut_body(&b, 1), body(&["一。二。"]));
        assert_eq!(cut_body(&b, 2), body(&["一。"]));
        assert_eq!(cut_body(&b, 3), Vec::<String>::new());
        assert_eq!(cut_sentences(&b, 2).iter().map(Sentence::chars).sum::<u32>(), 4);
    }

    /// Found from outside: a quotation of two sentences was cut in the middle, its `「` left
    /// open: the sentence ends at the end mark after the quotation.
    #[test]
    fn an_end_mark_inside_a_quotation_ends_no_sentence() {
        let b = body(&["国道で車が立ち往生した。男性は「もう動けない。食べ物もない」と話した。"]);
        let s: Vec<String> = sentences(&b).into_iter().map(|s| s.text).collect();
        assert_eq!(s, ["国道で車が立ち往生した。", "男性は「もう動けない。食べ物もない」と話した。"]);
        assert_eq!(cut_body(&b, 1), body(&["国道で車が立ち往生した。"]));
        let b = body(&["他说：“我们到了。路还很长。”大家都笑了。（记者注：此为原话。）"]);
        let s: Vec<String> = sentences(&b).into_iter().map(|s| s.text).collect();
        assert_eq!(s, ["他说：“我们到了。路还很长。”", "大家都笑了。", "（记者注：此为原话。）"]);
        for (text, want) in [
            ("《一。二》三。四。", &["《一。二》三。", "四。"][..]),
            // A quotation opened mid-sentence is that sentence's, its end marks too.
            ("他说『一。二。』三。四。", &["他说『一。二。』三。", "四。"]),
            ("他说：『一。二。』三。", &["他说：『一。二。』", "三。"]),
            // A quotation standing alone takes the short sentence after it as its speaker's.
            ("『一。二。』三。", &["『一。二。』三。"]),
            ("零「一『二。三』四。」五。", &["零「一『二。三』四。」五。"]),
            (
                "零：「一『二。三』四。」五六七八九十一二三四五六七八九十一。",
                &["零：「一『二。三』四。」", "五六七八九十一二三四五六七八九十一。"],
            ),
            ("「一『二。三』四。」五。", &["「一『二。三』四。」五。"]),
        ] {
            let s: Vec<String> = sentences(&body(&[text])).into_iter().map(|s| s.text).collect();
            assert_eq!(s, want, "{text}");
        }
    }

    /// Found from outside: in Japanese a quotation that ends in `？`, `！` or `。` and goes on
    /// with a particle (`と`, `を`, `という`) is part of the sentence it stands in; a cut took
    /// `と答えた。` alone. A pause mark after a quotation carries it on too.
    #[test]
    fn a_quotation_a_particle_or_a_pause_mark_follows_ends_no_sentence() {
        for (text, want) in [
            (
                "首相は「やるしかない」と語った。記者が「本当ですか？」と尋ねると、首相は「本当だ！」と答えた。",
                &["首相は「やるしかない」と語った。", "記者が「本当ですか？」と尋ねると、首相は「本当だ！」と答えた。"]
                    [..],
            ),
            ("『なぜ日本は負けたのか？』を読んだ。", &["『なぜ日本は負けたのか？』を読んだ。"]),
            ("会長は「軽くしたい。」との考えを示した。", &["会長は「軽くしたい。」との考えを示した。"]),
            ("“好！”，他说。大家笑了。", &["“好！”，他说。", "大家笑了。"]),
            // A quotation a new sentence follows still ends one, as does an end mark before a
            // hiragana with no quotation between (`しかし` starts a sentence).
            ("「行くぞ。」「はい。」", &["「行くぞ。」", "「はい。」"]),
            ("他说：“好。”大家笑了。", &["他说：“好。”", "大家笑了。"]),
            ("雨が降った。しかし試合は続いた。", &["雨が降った。", "しかし試合は続いた。"]),
        ] {
            let s: Vec<String> = sentences(&body(&[text])).into_iter().map(|s| s.text).collect();
            assert_eq!(s, want, "{text}");
        }
        let b =
            body(&["首相は「やるしかない」と語った。記者が「本当ですか？」と尋ねると、首相は「本当だ！」と答えた。"]);
        assert_eq!(cut_body(&b, 1), body(&["首相は「やるしかない」と語った。"]));
    }

    /// A mark that pairs with nothing in its paragraph swallows no sentence.
    #[test]
    fn an_unclosed_quotation_falls_back_to_the_end_marks() {
        for (text, want) in [
            ("「一。二。", &["「一。", "二。"][..]),
            ("一。二」三。", &["一。", "二」三。"]),
            ("零「一。『二。」三。", &["零「一。『二。」三。"]),
            ("零：「一。『二。」三。", &["零：「一。『二。」", "三。"]),
            ("「一。『二。」三。", &["「一。『二。」三。"]),
            ("一。「二。三「四」五。", &["一。", "「二。", "三「四」五。"]),
        ] {
            let s: Vec<String> = sentences(&body(&[text])).into_iter().map(|s| s.text).collect();
            assert_eq!(s, want, "{text}");
        }
    }

    /// Found from outside: a cut of one sentence ended one at `Yahoo!` and left it on the
    /// page, `ニュース了解。` cut; a cut of two ended one at `news?` inside the address.
    #[test]
    fn an_ascii_end_mark_inside_an_address_or_a_word_ends_no_sentence() {
        let b = body(&["详情见https://www.taiyuan.gov.cn/news?id=2023&p=1，欢迎查询。市民可登录Yahoo!ニュース了解。"]);
        let s: Vec<String> = sentences(&b).into_iter().map(|s| s.text).collect();
        assert_eq!(
            s,
            ["详情见https://www.taiyuan.gov.cn/news?id=2023&p=1，欢迎查询。", "市民可登录Yahoo!ニュース了解。"]
        );
        assert_eq!(cut_body(&b, 1), body(&["详情见https://www.taiyuan.gov.cn/news?id=2023&p=1，欢迎查询。"]));
        assert_eq!(cut_sentences(&b, 1)[0].chars(), 18);
        for (text, want) in [
            ("来信请寄news!desk@example.com或致电。", &["来信请寄news!desk@example.com或致电。"][..]),
            ("搜索?q=太原&page=2即可。", &["搜索?q=太原&page=2即可。"]),
            ("见a.cn/?#top与x?/y、z!-w、u!_v、p?%20、k?.html。", &["见a.cn/?#top与x?/y、z!-w、u!_v、p?%20、k?.html。"]),
            ("Is it 5?6 is wrong.", &["Is it 5?6 is wrong."]),
            ("Jeopardy!是节目。", &["Jeopardy!是节目。"]),
            ("news??id=1 ok", &["news??id=1 ok"]),
        ] {
            let s: Vec<String> = sentences(&body(&[text])).into_iter().map(|s| s.text).collect();
            assert_eq!(s, want, "{text}");
        }
    }

    /// An ASCII end mark before a space, a closing mark, another end mark, the paragraph's
    /// end or anything but a word going on ends its sentence as before.
    #[test]
    fn an_ascii_end_mark_before_a_space_a_closing_mark_or_punctuation_ends_a_sentence() {
        for (text, want) in [
            ("Really? Yes! Fine", &["Really? ", "Yes! ", "Fine"][..]),
            ("你好吗?我很好!谢谢", &["你好吗?", "我很好!", "谢谢"]),
            ("他喊\"Go!\"然后走了。", &["他喊\"Go!\"", "然后走了。"]),
            ("(Why?)Because.", &["(Why?)", "Because."]),
            ("What?!Ok? ", &["What?!Ok? "]),
            ("What?! Ok", &["What?! ", "Ok"]),
            ("真的?！好。", &["真的?！", "好。"]),
            ("网址a.cn/?。下一句。", &["网址a.cn/?。", "下一句。"]),
            ("End!", &["End!"]),
        ] {
            let s: Vec<String> = sentences(&body(&[text])).into_iter().map(|s| s.text).collect();
            assert_eq!(s, want, "{text}");
        }
    }

    /// Found from outside: a cut of one sentence ended one at the apostrophe of `Yahoo!'s`,
    /// left `Yahoo!'` on the page and cut `s news…`. An apostrophe a letter follows is inside
    /// a word, not a closing quotation mark; before a space or CJK text it still closes one.
    #[test]
    fn an_apostrophe_a_letter_follows_after_an_ascii_end_mark_ends_no_sentence() {
        let b = body(&["市民也可登录Yahoo!'s news页面查询。下一句。"]);
        let s: Vec<String> = sentences(&b).into_iter().map(|s| s.text).collect();
        assert_eq!(s, ["市民也可登录Yahoo!'s news页面查询。", "下一句。"]);
        assert_eq!(cut_body(&b, 1), body(&["市民也可登录Yahoo!'s news页面查询。"]));
        assert_eq!(cut_sentences(&b, 2)[0].chars(), 23);
        for (text, want) in [
            ("Yahoo!’s page! Who?'d say so? Fine", &["Yahoo!’s page! ", "Who?'d say so? ", "Fine"][..]),
            ("Go?!'ll do.", &["Go?!'ll do."]),
            ("He said 'Go!' Then left.", &["He said 'Go!' ", "Then left."]),
            ("他喊'Go!'然后走了。", &["他喊'Go!'", "然后走了。"]),
            ("他喊'Go!'", &["他喊'Go!'"]),
            ("真的！'s", &["真的！'", "s"]),
        ] {
            let s: Vec<String> = sentences(&body(&[text])).into_iter().map(|s| s.text).collect();
            assert_eq!(s, want, "{text}");
        }
    }

    /// Found from outside: `你去吗？，他问。` was two sentences, and a cut of one left `，他问。`
    /// to stand as a sentence of its own. A pause mark after an end mark (and the closing
    /// marks and spaces after it) carries the sentence on, so none starts with one.
    #[test]
    fn a_pause_mark_after_an_end_mark_carries_the_sentence_on() {
        let b = body(&["他点点头。你去吗？，他问。"]);
        let s: Vec<String> = sentences(&b).into_iter().map(|s| s.text).collect();
        assert_eq!(s, ["他点点头。", "你去吗？，他问。"]);
        assert_eq!(cut_body(&b, 1), body(&["他点点头。"]));
        for (text, want) in [
            ("你去吗?，他问。", &["你去吗?，他问。"][..]),
            ("你去吗?,他问。好。", &["你去吗?,他问。", "好。"]),
            ("他问：「你去吗?」，然后走了。", &["他问：「你去吗?」，然后走了。"]),
            ("快走!、快跑！；别回头。", &["快走!、快跑！；别回头。"]),
            ("问?，答。", &["问?，答。"]),
            ("Really?, he asked! Yes!", &["Really?, he asked! ", "Yes!"]),
            ("Really? ; he asked", &["Really? ; he asked"]),
            ("好。，他说。", &["好。，他说。"]),
            ("真的?!，好。", &["真的?!，好。"]),
            // A pause mark after a closing mark with no end mark before it ends nothing.
            ("“好”，他说。对。", &["“好”，他说。", "对。"]),
        ] {
            let s: Vec<String> = sentences(&body(&[text])).into_iter().map(|s| s.text).collect();
            assert_eq!(s, want, "{text}");
        }
    }

    fn split(text: &str) -> Vec<String> {
        sentences(&body(&[text])).into_iter().map(|s| s.text).collect()
    }

    /// Found from outside: `「下週一吧。」市長說。` cut by one took `市長說。` alone and left
    /// the quotation on the page without its verb. A quotation standing as a sentence of its
    /// own, closed on an end mark, and the short sentence after it (its attribution) are one.
    #[test]
    fn a_quotation_standing_alone_keeps_its_short_attribution() {
        let b = body(&["記者問市長何時復工。「下週一吧。」市長說。"]);
        assert_eq!(split(&b[0]), ["記者問市長何時復工。", "「下週一吧。」市長說。"]);
        assert_eq!(cut_body(&b, 1), body(&["記者問市長何時復工。"]));
        assert_eq!(cut_sentences(&b, 1)[0].chars(), 11);
        let b = body(&["首相は会見した。「責任を痛感している。」首相はそう述べた。"]);
        assert_eq!(split(&b[0]), ["首相は会見した。", "「責任を痛感している。」首相はそう述べた。"]);
        assert_eq!(cut_body(&b, 1), body(&["首相は会見した。"]));
        for (text, want) in [
            ("「限界だ。」男性はそう語った。", &["「限界だ。」男性はそう語った。"][..]),
            ("“好。”他说。大家笑了。", &["“好。”他说。", "大家笑了。"]),
            ("「……？」她問。", &["「……？」她問。"]),
            ("他点头。 『走吧！』 他说。", &["他点头。 ", "『走吧！』 他说。"]),
            // The attribution found in the sample copy, 17 characters: within the bound.
            (
                "“今年的目标是确保供暖不断档、不降温。”市住建局负责人在新闻发布会上表示。",
                &["“今年的目标是确保供暖不断档、不降温。”市住建局负责人在新闻发布会上表示。"],
            ),
            // 20 characters with the end mark go with the quotation; 21 start a sentence.
            ("「好。」一二三四五六七八九十一二三四五六七八九。", &["「好。」一二三四五六七八九十一二三四五六七八九。"]),
            (
                "「好。」一二三四五六七八九十一二三四五六七八九十。",
                &["「好。」", "一二三四五六七八九十一二三四五六七八九十。"],
            ),
            // A quotation its speaker already introduces has its verb; a new quotation, a
            // bracket or a long sentence after one starts a sentence.
            (
                "他说：“我们会赢。”比赛明天开始于北京工人体育场。",
                &["他说：“我们会赢。”", "比赛明天开始于北京工人体育场。"],
            ),
            ("他说：“好。”大家笑了。", &["他说：“好。”", "大家笑了。"]),
            ("「行くぞ。」「はい。」", &["「行くぞ。」", "「はい。」"]),
            ("「好。」（記者注：原話）", &["「好。」", "（記者注：原話）"]),
            (
                "「下週一吧。」市政府昨日表示，受颱風影響停工的工地將於下週一起陸續恢復施工。",
                &["「下週一吧。」", "市政府昨日表示，受颱風影響停工的工地將於下週一起陸續恢復施工。"],
            ),
            // Not closed on an end mark, or not one quotation from its start: as before.
            ("「好」他说。", &["「好」他说。"]),
            ("（注。）他说。", &["（注。）", "他说。"]),
            ("「一」二「三。」他说。", &["「一」二「三。」他说。"]),
        ] {
            assert_eq!(split(text), want, "{text}");
        }
    }

    /// Found from outside: `本当に辞めるのか？との声も出た。` was two sentences and a cut took
    /// `との声も出た。` alone. A hiragana straight after `？` or `！` is a particle quoting
    /// what went before; after `。`, or after a space, it starts a sentence.
    #[test]
    fn a_hiragana_straight_after_a_question_or_exclamation_carries_the_sentence_on() {
        let b = body(&["首相は会見した。「責任を痛感している。」首相はそう述べた。本当に辞めるのか？との声も出た。"]);
        assert_eq!(
            split(&b[0]),
            ["首相は会見した。", "「責任を痛感している。」首相はそう述べた。", "本当に辞めるのか？との声も出た。"]
        );
        assert_eq!(cut_body(&b, 1), body(&["首相は会見した。「責任を痛感している。」首相はそう述べた。"]));
        assert_eq!(cut_sentences(&b, 1)[0].chars(), 16);
        for (text, want) in [
            ("本当に辞めるのか？との声も出た。", &["本当に辞めるのか？との声も出た。"][..]),
            ("やった！って叫んだ。", &["やった！って叫んだ。"]),
            ("本当か?と思った。", &["本当か?と思った。"]),
            ("ええ！？と驚いた。", &["ええ！？と驚いた。"]),
            ("雨が降った。しかし試合は続いた。", &["雨が降った。", "しかし試合は続いた。"]),
            ("なぜか？　それは高いからだ。", &["なぜか？　", "それは高いからだ。"]),
            ("真的吗？他问。", &["真的吗？", "他问。"]),
        ] {
            assert_eq!(split(text), want, "{text}");
        }
    }

    /// Found from outside: `導演陳可辛的新片《誰殺了她？》將於2024年3月8日在全港上映。` cut by
    /// one took `將於2024年3月8日在全港上映。` alone: the `？` of the title ended a sentence.
    /// An end mark inside a book title `《》` `〈〉` is the title's, never a sentence's end.
    #[test]
    fn an_end_mark_inside_a_book_title_ends_no_sentence() {
        let b = body(&["陳可辛昨日出席記者會。導演陳可辛的新片《誰殺了她？》將於2024年3月8日在全港上映。"]);
        assert_eq!(
            split(&b[0]),
            ["陳可辛昨日出席記者會。", "導演陳可辛的新片《誰殺了她？》將於2024年3月8日在全港上映。"]
        );
        assert_eq!(cut_body(&b, 1), body(&["陳可辛昨日出席記者會。"]));
        assert_eq!(cut_sentences(&b, 1)[0].chars(), 32);
        for (text, want) in [
            ("《誰殺了她？》今日上映。好。", &["《誰殺了她？》今日上映。", "好。"][..]),
            ("他讀過〈出師表！〉。好。", &["他讀過〈出師表！〉。", "好。"]),
            ("他讀過《論語。學而》和〈將進酒！〉等。", &["他讀過《論語。學而》和〈將進酒！〉等。"]),
            ("「你看過《誰殺了她？》嗎？」他問。", &["「你看過《誰殺了她？》嗎？」他問。"]),
            // Unpaired, a title mark swallows nothing.
            ("《誰殺了她？好。", &["《誰殺了她？", "好。"]),
        ] {
            assert_eq!(split(text), want, "{text}");
        }
    }

    /// Found from outside: `他把計劃稱為「最後一戰！」並呼籲市民支持。` cut by one took
    /// `並呼籲市民支持。` alone. A quotation opened mid-sentence (text of its sentence before
    /// the opening mark) is part of that sentence; one a colon or a comma introduces as speech,
    /// or one that opens its sentence, ends it with its end mark as before.
    #[test]
    fn a_quotation_opened_mid_sentence_ends_no_sentence() {
        let b = body(&["立法會昨日辯論。他把計劃稱為「最後一戰！」並呼籲市民支持。"]);
        assert_eq!(split(&b[0]), ["立法會昨日辯論。", "他把計劃稱為「最後一戰！」並呼籲市民支持。"]);
        assert_eq!(cut_body(&b, 1), body(&["立法會昨日辯論。"]));
        assert_eq!(cut_sentences(&b, 1)[0].chars(), 21);
        for (text, want) in [
            ("他把計劃稱為「最後一戰！」並呼籲市民支持。", &["他把計劃稱為「最後一戰！」並呼籲市民支持。"][..]),
            ("他大喊“冲啊！”就跑了出去。好。", &["他大喊“冲啊！”就跑了出去。", "好。"]),
            ("他把計劃稱為 『最後一戰？』 並呼籲支持。", &["他把計劃稱為 『最後一戰？』 並呼籲支持。"]),
            ("首相は「責任を痛感している。」記者団に語った。", &["首相は「責任を痛感している。」記者団に語った。"]),
            // Introduced as speech by a colon or a comma, or opening its sentence: as before.
            ("他说：“好。”大家笑了。", &["他说：“好。”", "大家笑了。"]),
            ("他說，「好。」大家笑了。", &["他說，「好。」", "大家笑了。"]),
            ("他說︰「好！」大家都笑了起來，氣氛輕鬆了不少。", &["他說︰「好！」", "大家都笑了起來，氣氛輕鬆了不少。"]),
            (
                "他說：「好。」「走吧。」大家隨即離開了會場，各自坐車回到了位於新界的家中休息。",
                &["他說：「好。」", "「走吧。」", "大家隨即離開了會場，各自坐車回到了位於新界的家中休息。"],
            ),
            // ASCII quotation marks pair with nothing, so hold nothing.
            ("他喊\"Go!\"然后走了。", &["他喊\"Go!\"", "然后走了。"]),
        ] {
            assert_eq!(split(text), want, "{text}");
        }
    }

    /// Found from outside: a cut took the attribution of `「局勢已經失控。」《南華早報》引述警方消息說。`,
    /// of `「有冇搞錯？」「真係離譜！」乘客紛紛表示不滿。` (and the second quotation with it), of
    /// `（中央社）「我們會繼續努力。」蔡英文說。` and of `「我們不會加稅」。陳茂波說。` alone.
    #[test]
    fn quotations_standing_alone_keep_their_attribution() {
        for text in [
            "「局勢已經失控。」《南華早報》引述警方消息說。",
            "「有冇搞錯？」「真係離譜！」乘客紛紛表示不滿。",
            "（中央社）「我們會繼續努力。」蔡英文說。",
            "「我們不會加稅」。陳茂波說。",
        ] {
            let b = body(&["記者昨日到場採訪。", text]);
            assert_eq!(split(text), [text], "{text}");
            assert_eq!(cut_body(&b, 1), body(&["記者昨日到場採訪。"]), "{text}");
            assert_eq!(cut_sentences(&b, 1)[0].text, text);
        }
        assert_eq!(cut_sentences(&body(&["「有冇搞錯？」「真係離譜！」乘客紛紛表示不滿。"]), 1)[0].chars(), 23);
        for (text, want) in [
            ("「一。」「二！」「三？」他說。", &["「一。」「二！」「三？」他說。"][..]),
            ("【本報訊】「好。」他說。", &["【本報訊】「好。」他說。"]),
            ("〔記者王明／台北報導〕 「好。」 他說。", &["〔記者王明／台北報導〕 「好。」 他說。"]),
            ("“好”。他说。", &["“好”。他说。"]),
            ("「好」！他說。", &["「好」！他說。"]),
            ("「好。」〈明報〉指。", &["「好。」〈明報〉指。"]),
            // The bound holds for a title too: 21 characters start a sentence.
            ("「好。」《一二三四五六七八九十一二三四五六》九。", &["「好。」《一二三四五六七八九十一二三四五六》九。"]),
            (
                "「好。」《一二三四五六七八九十一二三四五六》九十。",
                &["「好。」", "《一二三四五六七八九十一二三四五六》九十。"],
            ),
            // No attribution after them: quotations stand as they did.
            ("「行くぞ。」「はい。」", &["「行くぞ。」", "「はい。」"]),
            ("「有冇搞錯？」「真係離譜！」（記者注：原話）", &["「有冇搞錯？」", "「真係離譜！」", "（記者注：原話）"]),
            (
                "「我們不會加稅」。財政司司長陳茂波昨日在立法會財委會上這樣說。",
                &["「我們不會加稅」。", "財政司司長陳茂波昨日在立法會財委會上這樣說。"],
            ),
            // A bracket that does not stand before a quotation, or a quotation not closing
            // on an end mark, is no quotation standing alone.
            ("（中央社）他說「好。」", &["（中央社）他說「好。」"]),
            ("（注。）「好。」他說。", &["（注。）", "「好。」他說。"]),
            ("「好」他說。", &["「好」他說。"]),
        ] {
            assert_eq!(split(text), want, "{text}");
        }
    }

    #[test]
    fn spaces_after_a_kept_sentence_go() {
        let b = body(&["Really? Yes! Fine"]);
        assert_eq!(sentences(&b).len(), 3);
        assert_eq!(cut_body(&b, 1), body(&["Really? Yes!"]));
    }
}
