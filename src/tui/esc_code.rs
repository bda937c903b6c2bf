//! A key's code whose `Esc` crossterm took with the `Esc` typed just before it.
//!
//! A terminal sends `Esc` and a key pressed right after it in one read (typed fast, or batched
//! by a slow SSH link), and an arrow, a page key, a click or a paste is itself a code that
//! begins with `Esc [`: `Esc` then → is `\e\e[C`. crossterm 0.29 reads the two escapes as one
//! `Esc` and the rest of the code as typed keys, `[` and `C`, and `[` is a make-up key (found
//! from outside: the selected box one line shallower; after a click `[`, `<` and `M`; a paste
//! read as keys, whose `q` and `y` quit without saving). The events that came at once after an
//! `Esc` are read back here into the key, click or paste they were, as docs/keys.md says:
//! `Esc` followed at once by `[` or `O` is the start of a key's own code.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// The most events a code takes after its `[` or `O` (a click at column 240, row 400 is
/// `[<35;240;400M`, 13): more is never looked at for one.
pub const LONGEST: usize = 32;

/// What the events that came at once after an `Esc` are.
#[derive(Debug, PartialEq)]
pub enum AfterEsc {
    /// Keys typed after it: taken as they came.
    AsTyped,
    /// The first `len` events spell one key's or one click's code: `event` instead of them.
    Code { event: Event, len: usize },
    /// The first `len` events spell a code the editor has no use for: dropped, as crossterm
    /// drops such a code.
    Unknown { len: usize },
    /// The first `len` events open a bracketed paste: what comes after them is pasted text.
    PasteStart { len: usize },
}

/// Reads the events that came at once after an `Esc`.
pub fn after_esc(events: &[Event]) -> AfterEsc {
    let chars: Vec<char> = events.iter().map_while(code_char).take(LONGEST).collect();
    match chars.split_first() {
        Some(('[', rest)) => control_sequence(rest),
        Some(('O', rest)) => single_shift(rest),
        _ => AfterEsc::AsTyped,
    }
}

/// The text a pasted key stands for: what a paste read as keys typed.
pub fn pasted_text(event: &Event) -> Option<char> {
    match event {
        Event::Key(KeyEvent { code: KeyCode::Char(c), modifiers, .. })
            if !modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(*c)
        }
        Event::Key(KeyEvent { code: KeyCode::Enter, .. }) => Some('\n'),
        Event::Key(KeyEvent { code: KeyCode::Tab, .. }) => Some('\t'),
        _ => None,
    }
}

/// A character of a code: a plain press of a printable ASCII key (capitals come shifted).
fn code_char(event: &Event) -> Option<char> {
    match event {
        Event::Key(KeyEvent { code: KeyCode::Char(c), modifiers, kind: KeyEventKind::Press, .. })
            if c.is_ascii_graphic() && modifiers.difference(KeyModifiers::SHIFT).is_empty() =>
        {
            Some(*c)
        }
        _ => None,
    }
}

/// `Esc [` then parameters (`0`–`9`, `;`, `<`, …) and a final character (`@` to `~`): the
/// code of an arrow, a page key, a function key, a click or a paste.
fn control_sequence(rest: &[char]) -> AfterEsc {
    let params: String = rest.iter().take_while(|c| ('0'..='?').contains(c)).collect();
    let Some(&last) = rest.get(params.len()) else { return AfterEsc::AsTyped };
    if !('@'..='~').contains(&last) {
        return AfterEsc::AsTyped;
    }
    let len = params.len() + 2;
    if params == "200" && last == '~' {
        return AfterEsc::PasteStart { len };
    }
    let event = match params.strip_prefix('<') {
        Some(mouse) => click(mouse, last),
        None => key_code(&params, last),
    };
    event.map_or(AfterEsc::Unknown { len }, |event| AfterEsc::Code { event, len })
}

/// `Esc O` and a letter: an arrow or a function key as a terminal in application mode sends it.
fn single_shift(rest: &[char]) -> AfterEsc {
    match rest.first().and_then(|&c| lettered_key(c)) {
        Some(code) => AfterEsc::Code { event: Event::Key(KeyEvent::new(code, KeyModifiers::NONE)), len: 2 },
        None => AfterEsc::AsTyped,
    }
}

/// The key of an `Esc [` code: `C` (→), `1;2C` (⇧→), `6~` (PgDn), `3;5~` (Ctrl-Del), `Z` (⇧Tab).
fn key_code(params: &str, last: char) -> Option<Event> {
    let mut numbers = params.split(';');
    let first = numbers.next().filter(|n| !n.is_empty());
    let modifiers = match numbers.next() {
        Some(mask) => modifiers(mask.parse().ok()?),
        None => KeyModifiers::NONE,
    };
    if numbers.next().is_some() {
        return None;
    }
    let code = match last {
        '~' => numbered_key(first?.parse().ok()?)?,
        'Z' if first.is_none() => return Some(Event::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT))),
        _ if first.is_none_or(|n| n == "1") => lettered_key(last)?,
        _ => return None,
    };
    Some(Event::Key(KeyEvent::new(code, modifiers)))
}

/// The keys a letter ends the code of.
fn lettered_key(last: char) -> Option<KeyCode> {
    Some(match last {
        'A' => KeyCode::Up,
        'B' => KeyCode::Down,
        'C' => KeyCode::Right,
        'D' => KeyCode::Left,
        'H' => KeyCode::Home,
        'F' => KeyCode::End,
        'P' => KeyCode::F(1),
        'Q' => KeyCode::F(2),
        'R' => KeyCode::F(3),
        'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// The keys a number and `~` are the code of (xterm's and VT220's numbering).
fn numbered_key(number: u8) -> Option<KeyCode> {
    Some(match number {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        n @ 11..=15 => KeyCode::F(n - 10),
        n @ 17..=21 => KeyCode::F(n - 11),
        n @ 23..=26 => KeyCode::F(n - 12),
        _ => return None,
    })
}

/// xterm's modifier number: one more than the sum of shift 1, alt 2, ctrl 4.
fn modifiers(mask: u8) -> KeyModifiers {
    let bits = mask.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [(1, KeyModifiers::SHIFT), (2, KeyModifiers::ALT), (4, KeyModifiers::CONTROL)] {
        if bits & bit != 0 {
            modifiers |= modifier;
        }
    }
    modifiers
}

/// A click, a release, a drag or the wheel in the SGR form the editor asks for
/// (`<0;20;8M`: the left button pressed at column 20, row 8, counted from 1).
fn click(params: &str, last: char) -> Option<Event> {
    let mut numbers = params.split(';').map(|n| n.parse::<u16>().ok());
    let (button, column, row) = (numbers.next()??, numbers.next()??, numbers.next()??);
    if numbers.next().is_some() || !matches!(last, 'M' | 'm') {
        return None;
    }
    let which = match button & 0b11 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = match (button & 0b1100_0011, button & 0b10_0000 != 0, last) {
        (64, _, _) => MouseEventKind::ScrollUp,
        (65, _, _) => MouseEventKind::ScrollDown,
        (3, _, _) => MouseEventKind::Moved,
        (0..=2, true, _) => MouseEventKind::Drag(which),
        (0..=2, false, 'M') => MouseEventKind::Down(which),
        (0..=2, false, _) => MouseEventKind::Up(which),
        _ => return None,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [(4, KeyModifiers::SHIFT), (8, KeyModifiers::ALT), (16, KeyModifiers::CONTROL)] {
        if button & bit != 0 {
            modifiers |= modifier;
        }
    }
    Some(Event::Mouse(MouseEvent { kind, column: column.checked_sub(1)?, row: row.checked_sub(1)?, modifiers }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events crossterm gives for `text` typed after the `Esc` it took.
    fn typed(text: &str) -> Vec<Event> {
        text.chars()
            .map(|c| {
                let shift = if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
                Event::Key(KeyEvent::new(KeyCode::Char(c), shift))
            })
            .collect()
    }

    fn key(code: KeyCode, modifiers: KeyModifiers, len: usize) -> AfterEsc {
        AfterEsc::Code { event: Event::Key(KeyEvent::new(code, modifiers)), len }
    }

    #[test]
    fn arrows_page_keys_and_function_keys_are_read_back() {
        assert_eq!(after_esc(&typed("[C")), key(KeyCode::Right, KeyModifiers::NONE, 2));
        assert_eq!(after_esc(&typed("[BJ")), key(KeyCode::Down, KeyModifiers::NONE, 2));
        assert_eq!(after_esc(&typed("OB")), key(KeyCode::Down, KeyModifiers::NONE, 2));
        assert_eq!(after_esc(&typed("[1;2C")), key(KeyCode::Right, KeyModifiers::SHIFT, 5));
        assert_eq!(after_esc(&typed("[1;5A")), key(KeyCode::Up, KeyModifiers::CONTROL, 5));
        assert_eq!(after_esc(&typed("[6~")), key(KeyCode::PageDown, KeyModifiers::NONE, 3));
        assert_eq!(after_esc(&typed("[5~")), key(KeyCode::PageUp, KeyModifiers::NONE, 3));
        assert_eq!(after_esc(&typed("[3;2~")), key(KeyCode::Delete, KeyModifiers::SHIFT, 5));
        assert_eq!(after_esc(&typed("[15~")), key(KeyCode::F(5), KeyModifiers::NONE, 4));
        assert_eq!(after_esc(&typed("[Z")), key(KeyCode::BackTab, KeyModifiers::SHIFT, 2));
    }

    #[test]
    fn clicks_and_the_wheel_are_read_back() {
        let at = |kind, column, row| AfterEsc::Code {
            event: Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }),
            len: 0,
        };
        let with_len = |a: AfterEsc, n: usize| match a {
            AfterEsc::Code { event, .. } => AfterEsc::Code { event, len: n },
            other => other,
        };
        assert_eq!(after_esc(&typed("[<0;20;8M")), with_len(at(MouseEventKind::Down(MouseButton::Left), 19, 7), 9));
        assert_eq!(after_esc(&typed("[<0;20;8m")), with_len(at(MouseEventKind::Up(MouseButton::Left), 19, 7), 9));
        assert_eq!(after_esc(&typed("[<32;5;6M")), with_len(at(MouseEventKind::Drag(MouseButton::Left), 4, 5), 9));
        assert_eq!(after_esc(&typed("[<65;1;1M")), with_len(at(MouseEventKind::ScrollDown, 0, 0), 9));
    }

    #[test]
    fn a_paste_is_opened_and_an_unknown_code_dropped() {
        assert_eq!(after_esc(&typed("[200~quality")), AfterEsc::PasteStart { len: 5 });
        assert_eq!(after_esc(&typed("[99~x")), AfterEsc::Unknown { len: 4 });
        assert_eq!(after_esc(&typed("[I")), AfterEsc::Unknown { len: 2 });
    }

    #[test]
    fn keys_typed_after_esc_are_taken_as_they_came() {
        for text in ["J", "[", "[1;2", "O", "OK", "l[C", ""] {
            assert_eq!(after_esc(&typed(text)), AfterEsc::AsTyped, "{text:?}");
        }
        // A Chinese input method's full-width ［ is a key of its own, never a code.
        assert_eq!(after_esc(&typed("［C")), AfterEsc::AsTyped);
    }
}
