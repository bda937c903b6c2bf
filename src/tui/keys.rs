//! The one key table: the dispatcher, the status bar's key hints and the help overlay all
//! read it, so what the help says is what the keys do (SPEC §4).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can ask the editor to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    SelectLeft,
    SelectDown,
    SelectUp,
    SelectRight,
    MoveLeft,
    MoveDown,
    MoveUp,
    MoveRight,
    SpanMore,
    SpanLess,
    DepthLess,
    DepthMore,
    DepthAuto,
    Place,
    ToBin,
    SwitchFocus,
    PrevPage,
    NextPage,
    Zoom,
    Undo,
    Redo,
    Save,
    Export,
    Help,
    Quit,
}

/// Where a key works: on the page, in the bin, or anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Page,
    Bin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Page,
    Bin,
    Anywhere,
}

impl Scope {
    pub fn includes(self, focus: Focus) -> bool {
        match self {
            Scope::Anywhere => true,
            Scope::Page => focus == Focus::Page,
            Scope::Bin => focus == Focus::Bin,
        }
    }
}

/// A key and the modifiers that must be held with it (Shift is implied by an upper-case letter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn shift(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::SHIFT }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub action: Action,
    pub keys: &'static [Key],
    /// The keys as the help shows them.
    pub label: &'static str,
    /// What the action does, in a few words.
    pub help: &'static str,
    pub scope: Scope,
    /// The word the status bar shows beside the keys that work now; empty: not shown there.
    pub hint: &'static str,
}

macro_rules! bind {
    ($action:ident, [$($key:expr),+], $label:expr, $help:expr, $scope:ident, $hint:expr) => {
        Binding { action: Action::$action, keys: &[$($key),+], label: $label, help: $help, scope: Scope::$scope, hint: $hint }
    };
}

/// The key table, in the order the help lists it.
pub const KEYS: &[Binding] = &[
    bind!(SelectLeft, [key(KeyCode::Left), ch('h')], "←/h", "select the box to the left", Page, ""),
    bind!(SelectDown, [key(KeyCode::Down), ch('j')], "↓/j", "select below / next in bin", Anywhere, ""),
    bind!(SelectUp, [key(KeyCode::Up), ch('k')], "↑/k", "select above / previous in bin", Anywhere, ""),
    bind!(SelectRight, [key(KeyCode::Right), ch('l')], "→/l", "select the box to the right", Page, ""),
    bind!(MoveLeft, [shift(KeyCode::Left), ch('H')], "⇧←/H", "move box one column left", Page, "HJKL move"),
    bind!(MoveDown, [shift(KeyCode::Down), ch('J')], "⇧↓/J", "move box one line down", Page, ""),
    bind!(MoveUp, [shift(KeyCode::Up), ch('K')], "⇧↑/K", "move box one line up", Page, ""),
    bind!(MoveRight, [shift(KeyCode::Right), ch('L')], "⇧→/L", "move box one column right", Page, ""),
    bind!(SpanMore, [ch('+')], "+", "widen by one column", Page, "+/- span"),
    bind!(SpanLess, [ch('-')], "-", "narrow by one column", Page, ""),
    bind!(DepthLess, [ch('[')], "[", "box one line shallower", Page, ""),
    bind!(DepthMore, [ch(']')], "]", "box one line deeper", Page, ""),
    bind!(DepthAuto, [ch('=')], "=", "box as deep as the item needs", Page, ""),
    bind!(Place, [key(KeyCode::Enter)], "Enter", "place the bin item on the page", Bin, "Enter place"),
    bind!(ToBin, [key(KeyCode::Delete), ch('x')], "Del/x", "send the box back to the bin", Page, "x to bin"),
    bind!(
        SwitchFocus,
        [key(KeyCode::Tab), key(KeyCode::BackTab)],
        "Tab",
        "switch between page and bin",
        Anywhere,
        "Tab bin/page"
    ),
    bind!(PrevPage, [key(KeyCode::PageUp)], "PgUp", "previous page", Anywhere, ""),
    bind!(NextPage, [key(KeyCode::PageDown)], "PgDn", "next page", Anywhere, ""),
    bind!(Zoom, [ch('z')], "z", "zoom: text / plan", Anywhere, "z zoom"),
    bind!(Undo, [ch('u')], "u", "undo", Anywhere, "u undo"),
    bind!(Redo, [ctrl('r')], "Ctrl-r", "redo", Anywhere, ""),
    bind!(Save, [ctrl('s')], "Ctrl-s", "save the layout", Anywhere, "^s save"),
    bind!(Export, [ch('e')], "e", "export a text proof beside the layout", Anywhere, ""),
    bind!(Help, [ch('?')], "?", "help", Anywhere, "? help"),
    bind!(Quit, [ch('q')], "q", "quit (asks if unsaved)", Anywhere, "q quit"),
];

impl Key {
    fn matches(&self, event: &KeyEvent) -> bool {
        if self.code != event.code {
            return false;
        }
        let held = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        match self.code {
            // Terminals differ in whether they report Shift with an upper-case letter or `+`.
            KeyCode::Char(_) => held - KeyModifiers::SHIFT == self.modifiers - KeyModifiers::SHIFT,
            KeyCode::BackTab => true,
            _ => held == self.modifiers,
        }
    }
}

/// The action bound to a key press where the focus is.
pub fn action_for(event: &KeyEvent, focus: Focus) -> Option<Action> {
    KEYS.iter().filter(|b| b.scope.includes(focus)).find(|b| b.keys.iter().any(|k| k.matches(event))).map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn arrows_and_vim_keys_alike() {
        let f = Focus::Page;
        assert_eq!(action_for(&press(KeyCode::Left, KeyModifiers::NONE), f), Some(Action::SelectLeft));
        assert_eq!(action_for(&press(KeyCode::Char('h'), KeyModifiers::NONE), f), Some(Action::SelectLeft));
        assert_eq!(action_for(&press(KeyCode::Left, KeyModifiers::SHIFT), f), Some(Action::MoveLeft));
        assert_eq!(action_for(&press(KeyCode::Char('H'), KeyModifiers::SHIFT), f), Some(Action::MoveLeft));
        assert_eq!(action_for(&press(KeyCode::Char('L'), KeyModifiers::NONE), f), Some(Action::MoveRight));
        assert_eq!(action_for(&press(KeyCode::Char('+'), KeyModifiers::SHIFT), f), Some(Action::SpanMore));
    }

    #[test]
    fn ctrl_keys_need_ctrl() {
        let f = Focus::Page;
        assert_eq!(action_for(&press(KeyCode::Char('s'), KeyModifiers::CONTROL), f), Some(Action::Save));
        assert_eq!(action_for(&press(KeyCode::Char('s'), KeyModifiers::NONE), f), None);
        assert_eq!(action_for(&press(KeyCode::Char('r'), KeyModifiers::CONTROL), f), Some(Action::Redo));
    }

    #[test]
    fn keys_work_where_the_focus_is() {
        assert_eq!(action_for(&press(KeyCode::Enter, KeyModifiers::NONE), Focus::Page), None);
        assert_eq!(action_for(&press(KeyCode::Enter, KeyModifiers::NONE), Focus::Bin), Some(Action::Place));
        assert_eq!(action_for(&press(KeyCode::Char('x'), KeyModifiers::NONE), Focus::Bin), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_place() {
        for focus in [Focus::Page, Focus::Bin] {
            let mut seen = Vec::new();
            for b in KEYS.iter().filter(|b| b.scope.includes(focus)) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice");
                    seen.push(*k);
                }
            }
        }
    }
}
