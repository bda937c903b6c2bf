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
    /// `Ctrl-z`: stop the editor, as a shell's job control would.
    Suspend,
    /// `Ctrl-l`: draw the whole screen again, as every terminal program does (over SSH there
    /// is no other way to clear what came over it).
    Repaint,
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

/// What must be there for a key to do anything: its status-bar hint shows only then (found from
/// outside: an empty bin offered `Enter place`, which was refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    /// A box selected on the page shown.
    Selection,
    /// A box on the page shown.
    Boxes,
    /// An item in the bin.
    BinItem,
    /// A step to undo.
    Undo,
    /// A step to redo.
    Redo,
}

/// What there is to work on now: where the focus is and what the keys that need something find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ready {
    pub focus: Focus,
    pub selection: bool,
    pub boxes: bool,
    pub bin_item: bool,
    pub undo: bool,
    pub redo: bool,
}

impl Ready {
    /// Everything there: every key of `focus` works.
    pub fn all(focus: Focus) -> Ready {
        Ready { focus, selection: true, boxes: true, bin_item: true, undo: true, redo: true }
    }

    fn has(&self, needs: Needs) -> bool {
        match needs {
            Needs::Nothing => true,
            Needs::Selection => self.selection,
            Needs::Boxes => self.boxes,
            Needs::BinItem => self.bin_item,
            Needs::Undo => self.undo,
            Needs::Redo => self.redo,
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
    /// What must be there for the keys to do anything.
    pub needs: Needs,
}

/// `bind!(Action, [keys], "label", Scope)`, with a status-bar hint as its last word, and after
/// `;` what the keys need to do anything (else nothing); the help line is the catalogue's entry
/// of the same name.
macro_rules! bind {
    ($action:ident, [$($key:expr),+], $label:expr, $scope:ident $(; $needs:ident)?) => {
        binding(Action::$action, &[$($key),+], $label, KeyHelp::$action, Scope::$scope, None, needs!($($needs)?))
    };
    ($action:ident, [$($key:expr),+], $label:expr, $scope:ident, $hint:ident $(; $needs:ident)?) => {
        binding(
            Action::$action,
            &[$($key),+],
            $label,
            KeyHelp::$action,
            Scope::$scope,
            Some(Hint::$hint),
            needs!($($needs)?),
        )
    };
}

macro_rules! needs {
    () => {
        Needs::Nothing
    };
    ($needs:ident) => {
        Needs::$needs
    };
}

const fn binding(
    action: Action,
    keys: &'static [Key],
    label: &'static str,
    help: KeyHelp,
    scope: Scope,
    hint: Option<Hint>,
    needs: Needs,
) -> Binding {
    Binding { action, keys, label, help, scope, hint, needs }
}

/// The key table, in the order the help lists it.
pub const KEYS: &[Binding] = &[
    bind!(SelectLeft, [key(KeyCode::Left), ch('h')], "←/h", Page),
    bind!(SelectDown, [key(KeyCode::Down), ch('j')], "↓/j", Anywhere),
    bind!(SelectUp, [key(KeyCode::Up), ch('k')], "↑/k", Anywhere),
    bind!(SelectRight, [key(KeyCode::Right), ch('l')], "→/l", Page),
    bind!(MoveLeft, [shift(KeyCode::Left), ch('H')], "⇧←/H", Page, Move; Selection),
    bind!(MoveDown, [shift(KeyCode::Down), ch('J')], "⇧↓/J", Page; Selection),
    bind!(MoveUp, [shift(KeyCode::Up), ch('K')], "⇧↑/K", Page; Selection),
    bind!(MoveRight, [shift(KeyCode::Right), ch('L')], "⇧→/L", Page; Selection),
    bind!(JumpUp, [ch('{')], "{", Page, Jump; Selection),
    bind!(JumpDown, [ch('}')], "}", Page; Selection),
    bind!(SpanMore, [ch('+')], "+", Page, Span; Selection),
    bind!(SpanLess, [ch('-')], "-", Page; Selection),
    bind!(DepthLess, [ch('[')], "[", Page; Selection),
    bind!(DepthMore, [ch(']')], "]", Page; Selection),
    bind!(DepthAuto, [ch('=')], "=", Page; Selection),
    bind!(CutMore, [ch('c')], "c", Page; Selection),
    bind!(CutLess, [ch('C')], "C", Page; Selection),
    bind!(FitBox, [ch('f')], "f", Page; Selection),
    bind!(Continue, [ch('t')], "t", Page; Selection),
    bind!(HeadSmaller, [ch('<')], "<", Page; Selection),
    bind!(HeadLarger, [ch('>')], ">", Page; Selection),
    bind!(Rewrite, [ch('r')], "r", Page; Selection),
    bind!(Place, [key(KeyCode::Enter)], "Enter", Bin, Place; BinItem),
    bind!(ToBin, [key(KeyCode::Delete), ch('x')], "Del/x", Page, ToBin; Selection),
    bind!(CutOut, [ch('X')], "X", Page; Selection),
    bind!(PullUp, [ch('P')], "P", Page, PullUp; Boxes),
    bind!(Make, [ch('M')], "M", Page; BinItem),
    bind!(SwitchFocus, [key(KeyCode::Tab), key(KeyCode::BackTab)], "Tab", Anywhere, Focus),
    bind!(ToggleBin, [ch('b')], "b", Anywhere),
    bind!(PrevPage, [key(KeyCode::PageUp)], "PgUp", Anywhere),
    bind!(NextPage, [key(KeyCode::PageDown)], "PgDn", Anywhere),
    bind!(Zoom, [ch('z')], "z", Anywhere, Zoom),
    bind!(Undo, [ch('u')], "u", Anywhere, Undo; Undo),
    bind!(Redo, [ctrl('r')], "Ctrl-r", Anywhere; Redo),
    bind!(Save, [ctrl('s')], "Ctrl-s", Anywhere, Save),
    bind!(Export, [ch('e')], "e", Anywhere),
    bind!(Help, [ch('?')], "?", Anywhere, Help),
    bind!(Quit, [ch('q'), ctrl('c')], "q/Ctrl-c", Anywhere, Quit),
    bind!(Suspend, [ctrl('z')], "Ctrl-z", Anywhere),
    bind!(Repaint, [ctrl('l')], "Ctrl-l", Anywhere),
    bind!(Count, [ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7'), ch('8'), ch('9')], "1-9", Anywhere),
    bind!(CommandLine, [ch(':')], ":", Anywhere, Command),
];

/// The keys that work now, as the status bar hints them in `room` cells (`cells` measures):
/// whole hints, as many as fit, and always the help's, which names the rest (found from
/// outside: at 80 columns the hints stopped at "u und" and `?` was never named).
pub fn key_hints(ready: Ready, lang: UiLang, room: u32, cells: impl Fn(&str) -> u32) -> String {
    let hints: Vec<(Hint, String)> = KEYS
        .iter()
        .filter(|b| b.scope.includes(ready.focus) && ready.has(b.needs))
        .filter_map(|b| b.hint)
        .map(|h| (h, h.render(lang)))
        .collect();
    let all = hints.iter().map(|(_, h)| h.as_str()).collect::<Vec<_>>().join("  ");
    if cells(&all) <= room {
        return all;
    }
    let help = Hint::Help.render(lang);
    let mut fitting = 0;
    let mut used = cells(&help);
    for text in hints.iter().filter(|(h, _)| *h != Hint::Help).map(|(_, text)| text) {
        let more = cells(text) + 2;
        if used + more > room {
            break;
        }
        used += more;
        fitting += 1;
    }
    // The hints before the first that does not fit, in the table's order, the help's where it
    // stands, else after them (found from outside: `? help` went last when hints were dropped,
    // before `q quit` when all fitted).
    let others = hints.iter().enumerate().filter(|(_, (h, _))| *h != Hint::Help);
    let cut = others.map(|(k, _)| k).nth(fitting).unwrap_or(hints.len());
    let mut shown: Vec<&str> = hints[..cut].iter().map(|(_, text)| text.as_str()).collect();
    if !hints[..cut].iter().any(|(h, _)| *h == Hint::Help) {
        shown.push(&help);
    }
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

/// A key as the key table reads it: a full-width form (U+FF01–U+FF5E, what a Chinese or
/// Japanese input method types in its own mode: `：` `？` `ｊ`) or the ideographic space as
/// its ASCII key, so that `：` opens the command line as `:` does (found from outside: `：`
/// did nothing and said nothing). Any other key is as pressed.
pub fn half_width(event: KeyEvent) -> KeyEvent {
    let KeyCode::Char(c) = event.code else { return event };
    KeyEvent { code: KeyCode::Char(pasteup_core::layout::fold::ascii_form(c)), ..event }
}

/// A key press as a status line names it (`w`, `Ctrl-x`, `F5`, `Backspace`), or `None` for a
/// press that is no key of its own (a modifier alone, a media key), which says nothing.
pub fn key_name(event: &KeyEvent) -> Option<String> {
    let name = match event.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::Insert => "Insert".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        _ => return None,
    };
    let held = [(KeyModifiers::CONTROL, "Ctrl-"), (KeyModifiers::ALT, "Alt-")];
    let lead: String = held.iter().filter(|(m, _)| event.modifiers.contains(*m)).map(|(_, s)| *s).collect();
    Some(format!("{lead}{name}"))
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

    /// Found from outside: with a Chinese input method in Chinese mode, `：` did nothing and
    /// said nothing; the full-width forms are the table's ASCII keys.
    #[test]
    fn full_width_forms_are_their_ascii_keys() {
        let f = Focus::Page;
        let typed = |c: char| action_for(&half_width(press(KeyCode::Char(c), KeyModifiers::NONE)), f);
        assert_eq!(typed('：'), Some(Action::CommandLine));
        assert_eq!(typed('？'), Some(Action::Help));
        assert_eq!(typed('ｊ'), Some(Action::SelectDown));
        assert_eq!(typed('Ｊ'), Some(Action::MoveDown));
        assert_eq!(typed('＋'), Some(Action::SpanMore));
        assert_eq!(typed('｛'), Some(Action::JumpUp));
        assert_eq!(typed('３'), Some(Action::Count));
        assert_eq!(half_width(press(KeyCode::Char('\u{3000}'), KeyModifiers::NONE)).code, KeyCode::Char(' '));
        // Not a full-width form: as pressed.
        assert_eq!(half_width(press(KeyCode::Char('。'), KeyModifiers::NONE)).code, KeyCode::Char('。'));
        assert_eq!(typed('ｗ'), None);
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
