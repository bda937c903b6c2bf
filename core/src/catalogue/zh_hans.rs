//! Simplified Chinese, as a mainland newsroom says it: 版 (page), 栏 (column), 行 (line),
//! 超版 (overset), 余 N 行 (N lines short), 合适 (fits), 待排稿 (the bin), 上版 (place),
//! 撤下 (to the bin). Punctuation is full width (，：；（）「」), two cells like the Han
//! around it; see docs/interface-language.md for the terms table.

use super::{Chrome, DiskChange, Hint, KeyHelp, Label, Question, Status, Zoom};
use crate::fit::Fit;
use crate::layout::command::COMMAND_LIST;
use crate::layout::{CommandArg, Motion, Operation, Refusal};
use crate::model::{Depth, ItemKind};

pub fn refusal(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        NoSuchItem { item } => format!("本期没有稿件「{item}」"),
        NoSuchPage { page } => format!("本期没有第 {page} 版"),
        NotOnPage { name, page, on } => format!("{name} 在第 {on} 版，不在第 {page} 版"),
        InBin { name, page } => format!("{name} 在待排稿中，不在第 {page} 版"),
        AlreadyPlaced { name, on } => format!("{name} 无法上版：已在第 {on} 版"),
        PlaceOffGrid { name, column, columns } => {
            format!("{name} 无法排在第 {column} 栏：版面只有{}", all_columns(*columns))
        }
        PlaceSpanOffGrid { name, column, span, columns } => {
            format!("{name} 无法从第 {column} 栏起排 {span} 栏：会超出版面（{}）", all_columns(*columns))
        }
        PlaceOffPage { name, line, depth } => format!("{name} 无法排在第 {line} 行：版面只有第 1–{depth} 行"),
        StaysPut { name } => format!("{name} 原地未动"),
        LeavesGrid { name, motion, columns } => {
            format!("{name} 无法{}：会超出版面（{}）", way(*motion), all_columns(*columns))
        }
        AtTop { name, motion } => format!("{name} 无法{}：已在版面顶端", way(*motion)),
        BelowFoot { name, motion, foot } => format!("{name} 无法{}：会落到版底（第 {foot} 行）以下", way(*motion)),
        InTheWay { name, motion, other } => format!("{name} 无法{}：上方有 {other} 挡着", way(*motion)),
        NothingBelow { name, first, last } => format!(
            "{name} 无法{}：{}中它下面没有稿件",
            way(Motion::SlotDown),
            label(&Label::Columns { first: *first, last: *last })
        ),
        SameSpan { name, span } => format!("{name} 已是 {span} 栏宽"),
        OneColumnWide { name } => format!("{name} 无法收窄：只有一栏宽"),
        SpanLeavesGrid { name, span, widen, columns } => format!(
            "{name} 无法{}到 {span} 栏：会超出版面（{}）",
            if *widen { "加宽" } else { "收窄" },
            all_columns(*columns)
        ),
        TooShallow { name, depth } => format!("{name} 无法再减行：只有 {depth} 行高"),
        AlreadyAuto { name } => format!("{name} 已是自动高度"),
        AlreadyFixed { name, lines } => format!("{name} 已是 {lines} 行高"),
        ZeroDepth { name } => format!("{name} 不能设为 0 行高"),
        AlreadyOnPage { name, page } => format!("{name} 已在第 {page} 版"),
        TooWideFor { name, page, span, columns } => {
            format!("{name} 无法移到第 {page} 版：它占 {span} 栏，第 {page} 版只有 {columns} 栏")
        }
        NothingToUndo => "没有可撤销的操作".to_string(),
        NothingToRedo => "没有可重做的操作".to_string(),
        MeetsAbove { name } => format!("{name} 无法上移：已贴住上面的稿件"),
        MeetsBelow { name } => format!("{name} 无法下移：已贴住下面的稿件"),
        AtFoot { name } => format!("{name} 无法下移：已到版底"),
        NothingToPullUp { page } => format!("第 {page} 版无需上提：每篇稿件都已贴住上面的稿件或第 1 行"),
        NoSelection => "请先选中一篇稿件".to_string(),
        NotFound { text } => format!("没有稿件含有「{text}」"),
        EmptyCommand => format!("请输入命令：{COMMAND_LIST}"),
        UnknownCommand { name } => format!("没有命令「{name}」，可用的命令：{COMMAND_LIST}"),
        CommandNeeds { command, what } => {
            let needs = match what {
                CommandArg::ItemId => "稿件编号",
                CommandArg::Line => "行号",
                CommandArg::Column => "栏号",
                CommandArg::Span => "栏数",
                CommandArg::Depth => "行数或 auto",
                CommandArg::Page => "版号",
                CommandArg::Text => "要查找的文字",
                CommandArg::Nothing => return format!(":{command} 后面不能带参数"),
            };
            format!(":{command} 需要{needs}：{}", what.usage())
        }
        NotANumber { word, value } => format!("{word} 需要从 1 起的整数，不是「{value}」"),
        UnknownPlaceWord { word } => format!(":place 中没有「{word}」，应写作 {}", CommandArg::ItemId.usage()),
        PlaceWordNeedsNumber { word } => format!("「{word}」后面需要数字，应写作 {}", CommandArg::ItemId.usage()),
    }
}

/// 左移, 上移, 右下移, 移到上一位置.
fn way(motion: Motion) -> String {
    let (across, down) = match motion {
        Motion::SlotUp => return "移到上一位置".to_string(),
        Motion::SlotDown => return "移到下一位置".to_string(),
        Motion::By { across, down } => (across, down),
    };
    let across = match across.signum() {
        -1 => "左",
        1 => "右",
        _ => "",
    };
    let down = match down.signum() {
        -1 => "上",
        1 => "下",
        _ => "",
    };
    if across.is_empty() && down.is_empty() { "移动".to_string() } else { format!("{across}{down}移") }
}

fn all_columns(columns: u16) -> String {
    label(&Label::Columns { first: 1, last: columns })
}

pub fn label(l: &Label) -> String {
    match l {
        Label::Badge(fit) => badge(fit),
        Label::FitDetail(fit) if fit.is_overset() => {
            format!("{}（{} 行、{} 字排不下）", badge(fit), fit.overset_lines, fit.overset_chars)
        }
        Label::FitDetail(fit) => badge(fit),
        Label::BoxBadge { fit, over_foot: true } => format!("{} 超出版底", badge(fit)),
        Label::BoxBadge { fit, over_foot: false } => badge(fit),
        Label::Depth(Depth::Auto) => "自动".to_string(),
        Label::Depth(Depth::Fixed(n)) => format!("固定 {n} 行"),
        Label::Columns { first, last } if first == last => format!("第 {first} 栏"),
        Label::Columns { first, last } => format!("第 {first}–{last} 栏"),
        Label::Kind(ItemKind::Article) => "文章".to_string(),
        Label::Kind(ItemKind::Photo) => "图片".to_string(),
        Label::Kind(ItemKind::Notice) => "启事".to_string(),
    }
}

/// 合适, 余 3 行 (three lines short), 超版 5 行.
fn badge(fit: &Fit) -> String {
    match fit.lines() {
        0 => "合适".to_string(),
        n if n > 0 => format!("余 {n} 行"),
        n => format!("超版 {} 行", n.unsigned_abs()),
    }
}

pub fn operation(op: &Operation) -> String {
    match op {
        Operation::Place => "上版",
        Operation::Move => "移动",
        Operation::Span => "改栏宽",
        Operation::Depth => "改高度",
        Operation::ToBin => "撤下",
        Operation::ToPage => "换版",
        Operation::PullUp => "上提",
        Operation::CutOut => "撤下并上提",
    }
    .to_string()
}

pub fn status(s: &Status) -> String {
    use Status::*;
    match s {
        SelectBoxFirst => "请先选中一篇稿（方向键或 hjkl；Tab 到待排稿可上版）".to_string(),
        SelectBoxToBin => "请先选中一篇稿".to_string(),
        BinEmpty => "待排稿是空的".to_string(),
        BackInBin { item } => format!("{item} 已撤回待排稿"),
        Undid { op } => format!("已撤销{}", op.as_ref().map(operation).unwrap_or_default()),
        Redid { op } => format!("已重做{}", op.as_ref().map(operation).unwrap_or_default()),
        FirstPage => "已是第一版".to_string(),
        LastPage => "已是最后一版".to_string(),
        Pushed { pushed, past_foot } => {
            let mut parts = Vec::new();
            if !pushed.is_empty() {
                parts.push(format!("下推：{}", pushed.join("、")));
            }
            if !past_foot.is_empty() {
                parts.push(format!("超出版底：{}", past_foot.join("、")));
            }
            parts.join("；")
        }
        Saved { path } => format!("已保存 {path}"),
        NotSaved { error } => format!("未保存：{error}"),
        Exported { path } => format!("版面大样已导出到 {path}"),
        NotExported { error } => format!("未导出：{error}"),
        Restored => "已恢复未保存的修改；Ctrl-s 保存".to_string(),
        RecoveryUnreadable { error } => format!("恢复文件读不出：{error}"),
        IssueReloaded { file, changed, added, removed } => {
            let mut said = format!("已重新载入稿件 {file}：{changed} 篇有改动，{added} 篇新稿进待排稿");
            if !removed.is_empty() {
                said.push_str(&format!("；稿件中已无：{}", removed.join("、")));
            }
            said
        }
        IssueNotReloaded { error } => format!("磁盘上的稿件未载入（保留上一版）：{error}"),
        LayoutLoaded { file } => format!("已载入别的程序保存的 {file}"),
        LayoutMerged { file, conflicts } if conflicts.is_empty() => format!("已把磁盘上的 {file} 合并进未保存的版面"),
        LayoutMerged { file, conflicts } => {
            format!("已把磁盘上的 {file} 合并进版面；双方都改过的保留了你的：{}", conflicts.join("、"))
        }
        LayoutNotLoaded { error } => format!("磁盘上的版面未载入（保留你的）：{error}"),
        OpenNotes { first, more: 0 } => first.clone(),
        OpenNotes { first, more } => format!("{first}（另有 {more} 条：见 pasteup check）"),
        Refused(r) => refusal(r),
        Count { count } => format!("次数 {count}：移动、选择、栏宽、高度键重复 {count} 次（Esc 取消）"),
        PlacedInHole { item, column, line } => format!("{item} 已排入空位：第 {column} 栏第 {line} 行"),
        PlacedUnder { item, under, pushed } if pushed.is_empty() => {
            format!("没有放得下 {item} 的空位：已排在 {under} 下面")
        }
        PlacedUnder { item, under, pushed } => {
            format!("没有放得下 {item} 的空位：已排在 {under} 下面，下推 {}", pushed.join("、"))
        }
        PlacedAtBottom { item } => format!("没有放得下 {item} 的空位：已排在所在栏最下面"),
        Found { item, page: Some(page) } => format!("找到 {item}，在第 {page} 版（再次 :find 找下一个）"),
        Found { item, page: None } => format!("找到 {item}，在待排稿中（再次 :find 找下一个）"),
        PulledUp { page } => format!("第 {page} 版所有稿件已上提"),
        CutOut { item } => format!("{item} 已撤下，下面的稿件已上提"),
    }
}

pub fn question_title(q: &Question) -> String {
    match q {
        Question::QuitUnsaved => "未保存的修改",
        Question::Overwrite(_) => "磁盘上的文件已改",
        Question::TheirLayout { .. } => "磁盘上的版面已改",
        Question::Recover { .. } => "恢复未保存的工作",
    }
    .to_string()
}

pub fn question(q: &Question) -> Vec<String> {
    match q {
        Question::QuitUnsaved => {
            vec!["版面有未保存的修改。".into(), "y：不保存就退出   s：保存后退出   n：留下".into()]
        }
        Question::Overwrite(change) => {
            let why = match change {
                DiskChange::Layout { file } => format!("{file} 打开后已被别的程序改过。"),
                DiskChange::Issue { file } => format!("稿件文件 {file} 打开后在磁盘上改过。"),
            };
            vec![why, "y：覆盖保存   n：不保存".into()]
        }
        Question::TheirLayout { file, merge: false } => {
            vec![format!("别的程序保存了 {file}。"), "y：载入对方的   n：保留我的".into()]
        }
        Question::TheirLayout { file, merge: true } => {
            vec![format!("别的程序保存了 {file}，你这里也有未保存的修改。"), "y：把对方的合并进来   n：保留我的".into()]
        }
        Question::Recover { file, age_secs } => {
            let age = age_secs.map_or_else(|| "早些时候".to_string(), |s| format!("{s} 秒前"));
            vec![format!("pasteup 上次停止时留下了 {file} 未保存的修改（{age}）。"), "y：恢复   n：丢弃".into()]
        }
    }
}

pub fn key_help(k: &KeyHelp) -> String {
    use KeyHelp::*;
    match k {
        SelectLeft => "选中左边的稿",
        SelectDown => "选中下面的稿 / 待排稿下一篇",
        SelectUp => "选中上面的稿 / 待排稿上一篇",
        SelectRight => "选中右边的稿",
        MoveLeft => "稿件左移一栏",
        MoveDown => "稿件下移一行",
        MoveUp => "稿件上移一行",
        MoveRight => "稿件右移一栏",
        SpanMore => "加宽一栏",
        SpanLess => "收窄一栏",
        DepthLess => "稿件减一行高",
        DepthMore => "稿件加一行高",
        DepthAuto => "高度随稿件自动",
        Place => "把待排稿排进第一个放得下的空位",
        ToBin => "撤下，放回待排稿",
        SwitchFocus => "在版面和待排稿之间切换",
        PrevPage => "上一版",
        NextPage => "下一版",
        Zoom => "缩放：文字 / 版样",
        Undo => "撤销",
        Redo => "重做",
        Save => "保存版面",
        Export => "在版面文件旁导出文字大样",
        Help => "帮助",
        Quit => "退出（未保存时先问）",
        Count => "次数：12K 上移 12 行，3L 右移 3 栏",
        JumpUp => "稿件上移到贴住上面的稿件（或第 1 行）",
        JumpDown => "稿件下移到贴住下面的稿件（或版底）",
        PullUp => "本版所有稿件上提（一步撤销）",
        CutOut => "撤下稿件，并上提它下面的稿件",
        ToggleBin => "隐藏／显示待排稿",
        CommandLine => "命令行：:place、:line、:find、:w 等",
    }
    .to_string()
}

pub fn hint(h: &Hint) -> String {
    match h {
        Hint::Move => "HJKL 移动",
        Hint::Span => "+/- 栏宽",
        Hint::Place => "Enter 上版",
        Hint::ToBin => "x 撤下",
        Hint::Focus => "Tab 待排稿/版面",
        Hint::Zoom => "z 缩放",
        Hint::Undo => "u 撤销",
        Hint::Save => "^s 保存",
        Hint::Help => "? 帮助",
        Hint::Quit => "q 退出",
        Hint::Jump => "{/} 跳移",
        Hint::PullUp => "P 上提",
        Hint::Command => ": 命令",
    }
    .to_string()
}

pub fn chrome(c: &Chrome) -> String {
    use Chrome::*;
    match c {
        TooSmall { width, height, min_width, min_height } => {
            format!("pasteup：终端只有 {width}x{height}，至少要 {min_width}x{min_height}")
        }
        TooSmallShort => "终端太小".to_string(),
        TooSmallNeed { min_width, min_height } => format!("需 {min_width}x{min_height}"),
        TitleBar { paper, date, page, index, pages, section, zoom, unsaved } => format!(
            " pasteup | {paper} {date} | 第 {page} 版 ({index}/{pages}){} | {}{}",
            section.as_deref().map(|s| format!(" {s}")).unwrap_or_default(),
            match zoom {
                Zoom::Text => "文字",
                Zoom::Plan => "版样",
            },
            if *unsaved { " | * 未保存" } else { "" }
        ),
        RulerLine => "   行".to_string(),
        RulerFoot => " 版底".to_string(),
        BinHead { items, focused } => format!(" 待排稿：{items} 篇{}", if *focused { " [Tab]" } else { "" }),
        BinInfo { kind, chars, span, lines } => {
            format!("{span} 栏 {lines} 行 · {} · {chars} 字", label(&Label::Kind(*kind)))
        }
        RulerFree => " 空行".to_string(),
        FreeLines { lines } => format!("空 {lines}"),
        Completions { ids } => format!("Tab 补全：{}", ids.join("  ")),
        InspectBin { id, chars, lines } => {
            format!(" {id} · 在待排稿中 · {chars} 字 · 单栏 {lines} 行 · Enter 上版")
        }
        InspectBox { id, column, span, top, bottom, depth, fit } => format!(
            " {id} · {} · 第 {top}–{bottom} 行 · 高度 {} · 需 {} 行 · {}",
            label(&Label::columns(*column, *span)),
            label(&Label::Depth(*depth)),
            fit.depth_needed,
            label(&Label::FitDetail(*fit))
        ),
        PageSummary { page, used, free, fit, overset, past_foot } => format!(
            "  |  第 {page} 版：已用 {used} 行，空 {free} 行，合计 {fit:+} 行，超版 {overset} 篇，超出版底 {past_foot} 篇"
        ),
        HelpTitle => "按键".to_string(),
    }
}
