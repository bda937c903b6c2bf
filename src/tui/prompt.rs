//! The `:` command line: the text being typed (by tui-input, whose cursor steps a grapheme at
//! a time, so a wide character is one step and the cursor never stands inside it), the
//! commands typed before (↑/↓), and Tab completion of item ids. The same line takes a
//! headline being rewritten (`r`), with neither history nor completion.

use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::backend::crossterm::EventHandler;
use tui_input::{Input, InputRequest};

use pasteup_core::layout::Makeup;
use pasteup_core::layout::fold::fold_width;

/// The most characters a paste types into the command or headline line.
pub const PASTE_MAX: usize = 1000;

/// What a key did to the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    /// Still typing.
    Editing,
    /// Enter: run this line.
    Run(String),
    /// Esc (or Backspace on an empty line): close without running.
    Cancel,
}

/// What the line being typed is for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Purpose {
    /// A `:` command.
    #[default]
    Command,
    /// The headline of part `part` of `item` on page `page` (`r`).
    Headline { page: u32, item: String, part: u32 },
}

/// The command line while it is open, and the commands run before (kept while it is closed).
#[derive(Debug, Clone, Default)]
pub struct Prompt {
    pub input: Input,
    pub open: bool,
    pub purpose: Purpose,
    history: Vec<String>,
    /// Where ↑/↓ stands in the history (`history.len()` = the line being typed).
    recall: usize,
    /// Tab's candidates for the word being completed and which one is shown.
    completion: Option<(Vec<String>, usize)>,
}

impl Prompt {
    pub fn open(&mut self) {
        self.open = true;
        self.purpose = Purpose::Command;
        self.input.reset();
        self.recall = self.history.len();
        self.completion = None;
    }

    /// Opens the line on a headline to rewrite, the cursor at its end.
    pub fn open_headline(&mut self, page: u32, item: &str, part: u32, headline: &str) {
        self.open = true;
        self.purpose = Purpose::Headline { page, item: item.to_string(), part };
        self.input = Input::new(headline.to_string());
        self.completion = None;
    }

    /// The candidates Tab cycles through now, for the row above the command line, and which
    /// one is on the line.
    pub fn completions(&self) -> Option<(&[String], usize)> {
        self.completion.as_ref().map(|(c, shown)| (c.as_slice(), *shown))
    }

    pub fn key(&mut self, key: KeyEvent, desk: &Makeup) -> Typed {
        if key.code != KeyCode::Tab && key.code != KeyCode::BackTab {
            self.completion = None;
        }
        if self.purpose != Purpose::Command {
            return self.headline_key(key);
        }
        match key.code {
            KeyCode::Esc => self.close(),
            KeyCode::Backspace if self.input.value().is_empty() => self.close(),
            KeyCode::Enter => {
                let line = self.input.value().trim().to_string();
                self.open = false;
                if !line.is_empty() && self.history.last() != Some(&line) {
                    self.history.push(line.clone());
                }
                Typed::Run(line)
            }
            KeyCode::Up => self.recall_by(-1),
            KeyCode::Down => self.recall_by(1),
            KeyCode::Tab => self.complete(desk, 1),
            KeyCode::BackTab => self.complete(desk, -1),
            _ => {
                self.input.handle_event(&Event::Key(key));
                Typed::Editing
            }
        }
    }

    /// A headline: Enter keeps it (an empty one restores the issue's), Esc cancels.
    fn headline_key(&mut self, key: KeyEvent) -> Typed {
        match key.code {
            KeyCode::Esc => self.close(),
            KeyCode::Enter => {
                self.open = false;
                Typed::Run(self.input.value().trim().to_string())
            }
            KeyCode::Up | KeyCode::Down | KeyCode::Tab | KeyCode::BackTab => Typed::Editing,
            _ => {
                self.input.handle_event(&Event::Key(key));
                Typed::Editing
            }
        }
    }

    /// A paste into the open line: its lines are typed in as one (a command and a headline
    /// are one line), without control characters, at most [`PASTE_MAX`] characters. Nothing is
    /// run: Enter runs it.
    pub fn paste(&mut self, text: &str) {
        self.completion = None;
        let line = one_line(text);
        for c in line.chars().filter(|c| !c.is_control()).take(PASTE_MAX) {
            self.input.handle(InputRequest::InsertChar(c));
        }
    }

    fn close(&mut self) -> Typed {
        self.open = false;
        Typed::Cancel
    }

    fn recall_by(&mut self, by: i32) -> Typed {
        let to = (self.recall as i64 + i64::from(by)).clamp(0, self.history.len() as i64) as usize;
        self.recall = to;
        let line = self.history.get(to).cloned().unwrap_or_default();
        self.input = Input::new(line);
        Typed::Editing
    }

    /// Replaces the last word with the next (or previous) item id that matches it: ids that
    /// start with the word first, then ids, titles and headlines that contain it (so a
    /// Chinese word finds its story).
    fn complete(&mut self, desk: &Makeup, by: i64) -> Typed {
        let value = self.input.value().to_string();
        // The word starts after the last space, which may be wide (U+3000 from an input
        // method, U+00A0 from a paste): found from outside, cutting one byte after it panicked.
        let Some((at, space)) = value.char_indices().rev().find(|&(_, c)| c.is_whitespace()) else {
            return Typed::Editing;
        };
        let (head, word) = value.split_at(at + space.len_utf8());
        let (candidates, shown) = match self.completion.take() {
            Some((c, k)) => {
                let n = c.len() as i64;
                let k = (k as i64 + by).rem_euclid(n) as usize;
                (c, k)
            }
            None => {
                let c = candidates(desk, &fold_width(word));
                if c.is_empty() {
                    return Typed::Editing;
                }
                let k = if by < 0 { c.len() - 1 } else { 0 };
                (c, k)
            }
        };
        // The head stays; the word is what Tab put there last time, or what was typed.
        self.input = Input::new(format!("{head}{}", candidates[shown]));
        self.completion = Some((candidates, shown));
        Typed::Editing
    }
}

/// The item ids that `word` may stand for, best first: ids starting with it, then ids and
/// titles containing it; within each, the bin's items first (what `:place` is mostly for).
pub fn candidates(desk: &Makeup, word: &str) -> Vec<String> {
    let issue = desk.issue();
    let ids = issue.items.iter().map(|i| i.id());
    let mut found: Vec<String> = ids.clone().filter(|id| id.starts_with(word)).map(str::to_string).collect();
    if !word.is_empty() {
        let more = issue
            .items
            .iter()
            .filter(|i| !i.id().starts_with(word) && (i.id().contains(word) || i.title().contains(word)));
        found.extend(more.map(|i| i.id().to_string()));
    }
    let starts = found.iter().filter(|id| id.starts_with(word)).count();
    found[..starts].sort_by_key(|id| !desk.in_bin(id));
    found[starts..].sort_by_key(|id| !desk.in_bin(id));
    found
}

/// The non-blank lines of a paste as one line (terminals send its line breaks as carriage
/// returns): nothing where a line break stood beside a wide character, as in Chinese text
/// broken over lines (`冰雪路上` / `交警忙`), else one space, as between Latin words (found
/// from outside: a paste of two lines kept the first without a word).
fn one_line(text: &str) -> String {
    let wide = |c: Option<char>| c.is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2));
    let mut line = String::with_capacity(text.len());
    for part in text.split(['\n', '\r']).filter(|l| !l.trim().is_empty()) {
        if line.is_empty() {
            line.push_str(part);
            continue;
        }
        line.truncate(line.trim_end().len());
        let part = part.trim_start();
        if !wide(line.chars().next_back()) && !wide(part.chars().next()) {
            line.push(' ');
        }
        line.push_str(part);
    }
    line
}
