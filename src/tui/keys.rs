//! The one key table: the dispatcher, the status bar's key hints and the help overlay all
//! read it, so what the help says is what the keys do; its words are the catalogue's, in the
//! interface language.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasteup_core::catalogue::{Hint, KeyHelp, Render, UiLang};

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
    JumpUp,
    JumpDown,
    SpanMore,
    SpanLess,
    DepthLess,
    DepthMore,
    DepthAuto,
    Place,
    ToBin,
    CutOut,
    PullUp,
    /// `M`: make the page from the bin.
    Make,
    SwitchFocus,
    ToggleBin,
    PrevPage,
    NextPage,
    Zoom,
    Undo,
    Redo,
    Save,
    Export,
    Help,
    Quit,
    /// A digit of a count (`12` of `12K`).
    Count,
    CommandLine,
    CutMore,
    CutLess,
    FitBox,
    Continue,
    HeadSmaller,
    HeadLarger,
    Rewrite,
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
    /// What the action does, in a few words (in the interface language, by the catalogue).
    pub help: KeyHelp,
    pub scope: Scope,
    /// The keys and word the status bar shows when they work now; `None`: not shown there.
    pub hint: Option<Hint>,
}

/// `bind!(Action, [keys], "label", Scope)`, or with a status-bar hint as its last word; the
/// help line is the catalogue's entry of the same name.
macro_rules! bind {
    ($action:ident, [$($key:expr),+], $label:expr, $scope:ident) => {
        binding(Action::$action, &[$($key),+], $label, KeyHelp::$action, Scope::$scope, None)
    };
    ($action:ident, [$($key:expr),+], $label:expr, $scope:ident, $hint:ident) => {
        binding(Action::$action, &[$($key),+], $label, KeyHelp::$action, Scope::$scope, Some(Hint::$hint))
    };
}

const fn binding(
    action: Action,
    keys: &'static [Key],
    label: &'static str,
    help: KeyHelp,
    scope: Scope,
    hint: Option<Hint>,
) -> Binding {
    Binding { action, keys, label, help, scope, hint }
}

/// The key table, in the order the help lists it.
pub const KEYS: &[Binding] = &[
    bind!(SelectLeft, [key(KeyCode::Left), ch('h')], "←/h", Page),
    bind!(SelectDown, [key(KeyCode::Down), ch('j')], "↓/j", Anywhere),
    bind!(SelectUp, [key(KeyCode::Up), ch('k')], "↑/k", Anywhere),
    bind!(SelectRight, [key(KeyCode::Right), ch('l')], "→/l", Page),
    bind!(MoveLeft, [shift(KeyCode::Left), ch('H')], "⇧←/H", Page, Move),
    bind!(MoveDown, [shift(KeyCode::Down), ch('J')], "⇧↓/J", Page),
    bind!(MoveUp, [shift(KeyCode::Up), ch('K')], "⇧↑/K", Page),
    bind!(MoveRight, [shift(KeyCode::Right), ch('L')], "⇧→/L", Page),
    bind!(JumpUp, [ch('{')], "{", Page, Jump),
    bind!(JumpDown, [ch('}')], "}", Page),
    bind!(SpanMore, [ch('+')], "+", Page, Span),
    bind!(SpanLess, [ch('-')], "-", Page),
    bind!(DepthLess, [ch('[')], "[", Page),
    bind!(DepthMore, [ch(']')], "]", Page),
    bind!(DepthAuto, [ch('=')], "=", Page),
    bind!(CutMore, [ch('c')], "c", Page),
    bind!(CutLess, [ch('C')], "C", Page),
    bind!(FitBox, [ch('f')], "f", Page),
    bind!(Continue, [ch('t')], "t", Page),
    bind!(HeadSmaller, [ch('<')], "<", Page),
    bind!(HeadLarger, [ch('>')], ">", Page),
    bind!(Rewrite, [ch('r')], "r", Page),
    bind!(Place, [key(KeyCode::Enter)], "Enter", Bin, Place),
    bind!(ToBin, [key(KeyCode::Delete), ch('x')], "Del/x", Page, ToBin),
    bind!(CutOut, [ch('X')], "X", Page),
    bind!(PullUp, [ch('P')], "P", Page, PullUp),
    bind!(Make, [ch('M')], "M", Page),
    bind!(SwitchFocus, [key(KeyCode::Tab), key(KeyCode::BackTab)], "Tab", Anywhere, Focus),
    bind!(ToggleBin, [ch('b')], "b", Anywhere),
    bind!(PrevPage, [key(KeyCode::PageUp)], "PgUp", Anywhere),
    bind!(NextPage, [key(KeyCode::PageDown)], "PgDn", Anywhere),
    bind!(Zoom, [ch('z')], "z", Anywhere, Zoom),
    bind!(Undo, [ch('u')], "u", Anywhere, Undo),
    bind!(Redo, [ctrl('r')], "Ctrl-r", Anywhere),
    bind!(Save, [ctrl('s')], "Ctrl-s", Anywhere, Save),
    bind!(Export, [ch('e')], "e", Anywhere),
    bind!(Help, [ch('?')], "?", Anywhere, Help),
    bind!(Quit, [ch('q'), ctrl('c')], "q/Ctrl-c", Anywhere, Quit),
    bind!(Count, [ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7'), ch('8'), ch('9')], "1-9", Anywhere),
    bind!(CommandLine, [ch(':')], ":", Anywhere, Command),
];

/// The keys that work where the focus is, as the status bar hints them in `room` cells
/// (`cells` measures): whole hints, as many as fit, and always the help's, which names the rest
/// (found from outside: at 80 columns the hints stopped at "u und" and `?` was never named).
pub fn key_hints(focus: Focus, lang: UiLang, room: u32, cells: impl Fn(&str) -> u32) -> String {
    let hints: Vec<(Hint, String)> =
        KEYS.iter().filter(|b| b.scope.includes(focus)).filter_map(|b| b.hint).map(|h| (h, h.render(lang))).collect();
    let all = hints.iter().map(|(_, h)| h.as_str()).collect::<Vec<_>>().join("  ");
    if cells(&all) <= room {
        return all;
    }
    let help = Hint::Help.render(lang);
    let mut shown = Vec::new();
    let mut used = cells(&help);
    for text in hints.iter().filter(|(h, _)| *h != Hint::Help).map(|(_, text)| text) {
        let more = cells(text) + 2;
        if used + more > room {
            break;
        }
        used += more;
        shown.push(text.as_str());
    }
    shown.push(&help);
    shown.join("  ")
}

/// The help overlay's entries: each binding's keys and what they do, in the interface
/// language (laid out to fit the screen by `view::help`).
pub fn help_entries(lang: UiLang) -> Vec<(&'static str, String)> {
    KEYS.iter().map(|b| (b.label, b.help.render(lang))).collect()
}

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
