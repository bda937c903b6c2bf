//! Keys written as a person reads them, in vim's notation: `"Tab Enter L L + u C-s q"`,
//! `"S-Down"`, `"C-r"`. One parser for the editor's tests, its benches and the end-to-end
//! tests in a pseudo-terminal, so a key string means the same key press everywhere.
//!
//! A key string is keys separated by spaces. A key is a single character (`L` is Shift+l, as
//! a terminal reports it) or a name (`Tab`, `Enter`, `Esc`, `Del`, `Backspace`, `Space`,
//! `Left`, `Right`, `Up`, `Down`, `Home`, `End`, `PgUp`, `PgDn`, `F1`–`F12`), after any of
//! the modifiers `C-` (Ctrl), `S-` (Shift) and `A-` (Alt). `S-Tab` is the back-tab a
//! terminal sends for it.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key string that names no key, and which part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyStringError {
    pub key: String,
}

impl fmt::Display for KeyStringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a key: write one character or a name (Tab, Enter, Esc, Del, Backspace, Space, Left, Right, Up, Down, Home, End, PgUp, PgDn, F1–F12), after C-, S- or A- for a modifier",
            self.key
        )
    }
}

impl std::error::Error for KeyStringError {}

/// The key presses of a key string, in order.
pub fn parse_keys(keys: &str) -> Result<Vec<KeyEvent>, KeyStringError> {
    keys.split_whitespace().map(parse_key).collect()
}

/// One key: modifiers, then a character or a name.
pub fn parse_key(key: &str) -> Result<KeyEvent, KeyStringError> {
    let error = || KeyStringError { key: key.to_string() };
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = key;
    // A lone "-" (or "C--") is the minus key, not a modifier.
    while rest.len() > 2 {
        let held = match rest.get(..2) {
            Some("C-") => KeyModifiers::CONTROL,
            Some("S-") => KeyModifiers::SHIFT,
            Some("A-") => KeyModifiers::ALT,
            _ => break,
        };
        modifiers |= held;
        rest = &rest[2..];
    }
    let code = match key_code(rest).ok_or_else(error)? {
        KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        code => code,
    };
    if let KeyCode::Char(c) = code
        && c.is_uppercase()
    {
        modifiers |= KeyModifiers::SHIFT;
    }
    Ok(KeyEvent::new(code, modifiers))
}

fn key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let code = match name {
        "Tab" => KeyCode::Tab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Del" => KeyCode::Delete,
        "Backspace" => KeyCode::Backspace,
        "Space" => KeyCode::Char(' '),
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        _ => {
            let n: u8 = name.strip_prefix('F')?.parse().ok()?;
            return (1..=12).contains(&n).then_some(KeyCode::F(n));
        }
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn characters_and_names() {
        assert_eq!(
            parse_keys("Tab Enter l + - [ ? PgDn").unwrap(),
            vec![
                key(KeyCode::Tab, KeyModifiers::NONE),
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Char('l'), KeyModifiers::NONE),
                key(KeyCode::Char('+'), KeyModifiers::NONE),
                key(KeyCode::Char('-'), KeyModifiers::NONE),
                key(KeyCode::Char('['), KeyModifiers::NONE),
                key(KeyCode::Char('?'), KeyModifiers::NONE),
                key(KeyCode::PageDown, KeyModifiers::NONE),
            ]
        );
    }

    #[test]
    fn modifiers() {
        assert_eq!(
            parse_keys("C-s J S-Down C-A-x C--").unwrap(),
            vec![
                key(KeyCode::Char('s'), KeyModifiers::CONTROL),
                key(KeyCode::Char('J'), KeyModifiers::SHIFT),
                key(KeyCode::Down, KeyModifiers::SHIFT),
                key(KeyCode::Char('x'), KeyModifiers::CONTROL | KeyModifiers::ALT),
                key(KeyCode::Char('-'), KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn space_separated_and_wide_characters() {
        assert_eq!(
            parse_keys("  Space\t版 ").unwrap(),
            vec![key(KeyCode::Char(' '), KeyModifiers::NONE), key(KeyCode::Char('版'), KeyModifiers::NONE),]
        );
        assert_eq!(parse_keys("").unwrap(), vec![]);
        assert_eq!(
            parse_keys("F1 F12").unwrap(),
            vec![key(KeyCode::F(1), KeyModifiers::NONE), key(KeyCode::F(12), KeyModifiers::NONE),]
        );
    }

    #[test]
    fn every_action_of_the_key_table_has_a_key_string() {
        use crate::tui::keys::{Focus, KEYS, action_for};
        let strings = "h j k l Left Down Up Right H J K L S-Left S-Down S-Up S-Right + - [ ] = Enter Del x \
                       Tab S-Tab PgUp PgDn z u C-r C-s C-z C-l e ? q { } X P M b 1 : c C f t < > r";
        let keys = parse_keys(strings).unwrap();
        for binding in KEYS {
            let reached = keys
                .iter()
                .any(|k| [Focus::Page, Focus::Bin].iter().any(|&f| action_for(k, f) == Some(binding.action)));
            assert!(reached, "no key string reaches {:?}", binding.action);
        }
        assert_eq!(action_for(&parse_key("S-Tab").unwrap(), Focus::Bin), Some(crate::tui::keys::Action::SwitchFocus));
    }

    #[test]
    fn a_word_that_is_no_key_is_an_error() {
        for bad in ["Foo", "C-", "X-s", "F13", "F0", "ctrl-s", "enter"] {
            let e = parse_keys(&format!("j {bad} k")).unwrap_err();
            assert_eq!(e.key, bad);
            assert!(e.to_string().starts_with(&format!("\"{bad}\" is not a key: write")), "{e}");
        }
    }
}
