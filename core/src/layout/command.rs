//! The editor's command line (`:` as in vim), parsed into a [`Command`] and run on the desk.
//!
//! ```text
//! :place ID [column N] [line N] [span N]   from the bin, another page or this page
//! :line N   :column N   :span N   :depth N|auto     the selected box
//! :page N   :find TEXT                             where to look
//! :w   :w FILE   :w! FILE   :q   :wq   :q!         left to the shell
//! ```
//! Every command that changes the layout is one undo step. A wrong command is refused with
//! what was expected, and changes nothing.

use std::str::FromStr;

use super::Makeup;
use super::fold::{fold_for_find, fold_width};
use super::holes::Target;
use super::ops::Outcome;
use super::refusal::{CommandArg, Refusal};
use crate::model::Depth;

/// One command line, understood.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Command {
    Place {
        item: String,
        to: Target,
    },
    Line(u32),
    Column(u16),
    Span(u16),
    Depth(Depth),
    Page(u32),
    Find(String),
    /// `:find` alone: the text looked for last again. The editor keeps that text; the desk,
    /// which has none, asks for one.
    FindAgain,
    /// `:w`
    Write,
    /// `:w FILE`: a copy of the layout written to FILE (the open layout stays as it is, saved
    /// or not): the way out when the layout's own folder cannot be written. A file already
    /// there only with `:w! FILE` (`force`).
    WriteTo {
        path: String,
        force: bool,
    },
    /// `:q`
    Quit,
    /// `:wq`
    WriteQuit,
    /// `:q!`
    ForceQuit,
}

/// The command names, for completion and for the message of a wrong command.
pub const COMMANDS: &[&str] = &["place", "line", "column", "span", "depth", "page", "find", "w", "q", "wq", "q!"];

/// The page and selection a command works on.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub page: u32,
    pub selected: Option<&'a str>,
    /// The selected box's part (1 for a box of its own); for `:find`, the part found last.
    pub part: u32,
}

/// What `:find` found: the item, which of its placed parts, how many it has placed (0: it is
/// in the bin) and the page of the part (`None`: in the bin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub item: String,
    pub part: u32,
    pub parts: usize,
    pub page: Option<u32>,
}

/// What a command did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// The layout changed (one undo step).
    Changed(Outcome),
    /// Show page N.
    Page(u32),
    /// What `:find` found.
    Found(Hit),
    /// `:w`, `:q`, `:wq`, `:q!`: the shell's to do.
    Shell(Command),
}

impl FromStr for Command {
    type Err = Refusal;

    fn from_str(line: &str) -> Result<Command, Refusal> {
        let line = line.trim().trim_start_matches([':', '：']).trim_start();
        let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        // Typed with an input method, words and numbers may come full-width (`ｓｐａｎ ２`):
        // read as their ASCII. What `:find` looks for and `:w` writes to are kept as typed.
        let name = fold_width(name);
        let name = name.as_str();
        let args: Vec<&str> = rest.split_whitespace().collect();
        // In any case, as a command name in capitals is told its own (`:Depth`).
        let auto = args.first().is_some_and(|a| fold_width(a).eq_ignore_ascii_case("auto"));
        match name {
            "place" => place(&args),
            "line" => Ok(Command::Line(one_number(name, &args, CommandArg::Line)?)),
            "column" | "col" => Ok(Command::Column(one_number(name, &args, CommandArg::Column)?)),
            "span" => Ok(Command::Span(one_number(name, &args, CommandArg::Span)?)),
            "depth" if auto => match args.get(1..) {
                Some(extra) if !extra.is_empty() => Err(too_many(name, CommandArg::Depth, extra)),
                _ => Ok(Command::Depth(Depth::Auto)),
            },
            "depth" => Ok(Command::Depth(Depth::Fixed(one_number(name, &args, CommandArg::Depth)?))),
            "page" => Ok(Command::Page(one_number(name, &args, CommandArg::Page)?)),
            // Read here, after the folding, so that `：ｆｉｎｄ　` is `:find` alone too (found
            // from outside: the editor matched the ASCII line only).
            "find" if rest.is_empty() => Ok(Command::FindAgain),
            "find" => Ok(Command::Find(rest.to_string())),
            "w" if !rest.is_empty() => Ok(Command::WriteTo { path: rest.to_string(), force: false }),
            "w!" if !rest.is_empty() => Ok(Command::WriteTo { path: rest.to_string(), force: true }),
            "w!" => Ok(Command::Write),
            "q" | "wq" | "x" | "q!" if !args.is_empty() => Err(needs(name, CommandArg::Nothing)),
            "w" => Ok(Command::Write),
            "q" => Ok(Command::Quit),
            "wq" | "x" => Ok(Command::WriteQuit),
            "q!" => Ok(Command::ForceQuit),
            "" => Err(Refusal::EmptyCommand),
            other => Err(Refusal::UnknownCommand { name: other.to_string(), near: nearest_command(other) }),
        }
    }
}

/// The command names as a message lists them.
pub const COMMAND_LIST: &str = "place, line, column, span, depth, page, find, w, w!, q, wq, x, q!";

/// The command `name` is most like: the same in other case (`:Place`), the one it begins
/// (`:pla`, when only one does), or one a slip of the keys away (`:plcae`, `:dpeth`); none for
/// the one-letter commands, where every slip is another command.
///
/// ```
/// use pasteup_core::layout::command::nearest_command;
/// assert_eq!(nearest_command("plce"), Some("place"));
/// assert_eq!(nearest_command("DEPTH"), Some("depth"));
/// assert_eq!(nearest_command("fi"), Some("find"));
/// assert_eq!(nearest_command("p"), None); // place or page
/// assert_eq!(nearest_command("weather"), None);
/// ```
pub fn nearest_command(name: &str) -> Option<&'static str> {
    let long = || COMMANDS.iter().copied().filter(|c| c.len() > 2);
    let lower = name.to_lowercase();
    if let Some(same) = COMMANDS.iter().copied().find(|&c| c == lower) {
        return Some(same);
    }
    let mut begun = long().filter(|c| c.starts_with(lower.as_str()) && !lower.is_empty());
    if let (Some(only), None) = (begun.next(), begun.next()) {
        return Some(only);
    }
    let distance = |c: &str| strsim::damerau_levenshtein(&lower, c);
    long().map(|c| (distance(c), c)).filter(|&(d, _)| d <= 1 + lower.chars().count() / 5).min().map(|(_, c)| c)
}

fn needs(command: &str, what: CommandArg) -> Refusal {
    Refusal::CommandNeeds { command: command.to_string(), what }
}

/// Words after a command's one argument: named as extra, not as a missing argument.
fn too_many(command: &str, what: CommandArg, extra: &[&str]) -> Refusal {
    Refusal::CommandExtra { command: command.to_string(), what, extra: extra.join(" ") }
}

/// `place ID [column N] [line N] [span N]`, the three in any order.
fn place(args: &[&str]) -> Result<Command, Refusal> {
    let Some((item, mut rest)) = args.split_first() else {
        return Err(needs("place", CommandArg::ItemId));
    };
    let mut to = Target::default();
    // The word the last number followed: a number where a word should be is one too many
    // for it (`column 3 4`), where "4 needs a number" would send the reader looking wrong.
    let mut after: Option<&str> = None;
    while let [typed, tail @ ..] = rest {
        let Some(word) = place_word(typed) else {
            return Err(match after {
                Some(last) if fold_width(typed).bytes().all(|b| b.is_ascii_digit()) => {
                    Refusal::PlaceWordExtra { word: last.to_string(), extra: (*typed).to_string() }
                }
                _ => Refusal::UnknownPlaceWord { word: (*typed).to_string() },
            });
        };
        let Some((value, tail)) = tail.split_first() else {
            return Err(Refusal::PlaceWordNeedsNumber { word: word.to_string() });
        };
        // Found from outside: `line 3 line 5` was taken, the last one winning unsaid.
        let given = match word {
            "line" => to.line.is_some(),
            "span" => to.span.is_some(),
            _ => to.column.is_some(),
        };
        if given {
            let word = if word == "col" { "column" } else { word };
            return Err(Refusal::PlaceWordTwice { word: word.to_string() });
        }
        match word {
            "line" => to.line = Some(number(word, value)?),
            "span" => to.span = Some(number(word, value)?),
            _ => to.column = Some(number(word, value)?),
        }
        after = Some(word);
        rest = tail;
    }
    Ok(Command::Place { item: (*item).to_string(), to })
}

/// The `:place` word `typed` is, full-width or not.
fn place_word(typed: &str) -> Option<&'static str> {
    let typed = fold_width(typed);
    ["column", "col", "line", "span"].into_iter().find(|&word| word == typed)
}

fn one_number<T: FromStr + PartialEq + From<u8>>(name: &str, args: &[&str], what: CommandArg) -> Result<T, Refusal> {
    match args {
        [] => Err(needs(name, what)),
        // The argument is judged first: in `:line x 4` the x is the mistake to name.
        [value, extra @ ..] => {
            let n = number(name, value)?;
            if extra.is_empty() { Ok(n) } else { Err(too_many(name, what, extra)) }
        }
    }
}

/// A whole number from 1 up.
fn number<T: FromStr + PartialEq + From<u8>>(name: &str, value: &str) -> Result<T, Refusal> {
    match fold_width(value).parse::<T>() {
        Ok(n) if n != T::from(0) => Ok(n),
        _ => Err(Refusal::NotANumber { word: name.to_string(), value: value.to_string() }),
    }
}

impl Makeup {
    /// Parses and runs one command line.
    pub fn run_line(&mut self, ctx: Context<'_>, line: &str) -> Result<Done, Refusal> {
        let command: Command = line.parse()?;
        self.run_command(ctx, command)
    }

    /// Runs a command on the page and selection of `ctx`.
    pub fn run_command(&mut self, ctx: Context<'_>, command: Command) -> Result<Done, Refusal> {
        let page = ctx.page;
        let selected = || ctx.selected.ok_or(Refusal::NoSelection);
        let changed = Done::Changed;
        match command {
            Command::Place { item, to } => self.put(page, &item, to).map(changed),
            // The selected box: part `ctx.part`, not a part waiting in the bin.
            Command::Line(line) => {
                let to = Target { line: Some(line), ..Target::default() };
                self.move_part(page, selected()?, ctx.part, to).map(changed)
            }
            Command::Column(column) => {
                let id = selected()?;
                let line = self.part_on(page, id, ctx.part).map(|p| p.line);
                self.move_part(page, id, ctx.part, Target { column: Some(column), line, span: None }).map(changed)
            }
            Command::Span(span) => self.set_span(page, selected()?, span).map(changed),
            Command::Depth(depth) => self.set_depth(page, selected()?, depth).map(changed),
            Command::Page(number) => self.page_no(number).map(|_| Done::Page(number)),
            Command::Find(text) => self.find_text(&text, ctx.selected.map(|id| (id, ctx.part))).map(Done::Found),
            Command::FindAgain => Err(needs("find", CommandArg::Text)),
            shell => Ok(Done::Shell(shell)),
        }
    }

    /// The next match after part `part` of item `after`: its next placed part if it has one
    /// (an article placed in parts is visited part by part: found from outside, `:find` never
    /// reached a story's continuation), then a part of it waiting in the bin, else the next
    /// item in issue order, wrapping round, whose id, title or text contains `text` (full-width
    /// or half-width, Latin letters in any case), at its first placed part.
    pub fn find_text(&self, text: &str, after: Option<(&str, u32)>) -> Result<Hit, Refusal> {
        let items = &self.issue.items;
        // Both sides folded: `AI` finds ＡＩ, `ｺﾒ` コメ and `gdp` GDP (found from outside).
        let wanted = fold_for_find(text);
        let has = |t: &str| fold_for_find(t).contains(&wanted);
        let matches = |no: usize| {
            let item = &items[no];
            has(item.id()) || item.texts().iter().any(|(_, t)| has(t))
        };
        if let Some((id, part)) = after
            && self.index.get(id).is_some_and(|&no| matches(no))
            && let Some(hit) = self.next_hit(id, part)
        {
            return Ok(hit);
        }
        let start = after.and_then(|(id, _)| self.index.get(id)).map_or(0, |&no| no + 1);
        match (0..items.len()).map(|k| (start + k) % items.len()).find(|&no| matches(no)) {
            Some(no) => {
                let id = items[no].id();
                Ok(self.hit(id, |_| true).unwrap_or(Hit { item: id.to_string(), part: 1, parts: 0, page: None }))
            }
            None => Err(Refusal::NotFound { text: text.to_string() }),
        }
    }

    /// The part of `item` that `:find` visits after part `part`: its placed parts in order,
    /// then those waiting in the bin in order (found from outside: `:find` never reached a
    /// continuation left in the bin, nor a part 1 sent back there while part 2 stood).
    fn next_hit(&self, item: &str, part: u32) -> Option<Hit> {
        let placed = self.parts_of(item);
        let waiting = self.waiting_parts(item);
        let visits: Vec<(u32, Option<u32>)> =
            placed.iter().map(|&(p, page)| (p, Some(page))).chain(waiting.iter().map(|&p| (p, None))).collect();
        let next = match visits.iter().position(|&(p, _)| p == part) {
            Some(at) => visits.get(at + 1),
            None => visits.iter().find(|&&(p, _)| p > part),
        }?;
        Some(Hit { item: item.to_string(), part: next.0, parts: visits.len(), page: next.1 })
    }

    /// The first placed part of `item` that `wanted` takes.
    fn hit(&self, item: &str, wanted: impl Fn(u32) -> bool) -> Option<Hit> {
        let parts = self.parts_of(item);
        let &(part, page) = parts.iter().find(|&&(p, _)| wanted(p))?;
        // Its parts waiting in the bin count too: `(part 1)` is said of an article continued.
        let parts = self.index.get(item).map_or(0, |&no| self.part_count(no) as usize);
        Some(Hit { item: item.to_string(), part, parts, page: Some(page) })
    }
}
