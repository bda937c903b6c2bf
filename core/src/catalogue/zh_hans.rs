//! Simplified Chinese, as a mainland newsroom says it: 版 (page), 栏 (column), 行 (line),
//! 超版 (overset), 余 N 行 (N lines short), 合适 (fits), 待排稿 (the bin), 上版 (place),
//! 撤下 (to the bin). Punctuation is full width (，：；（）「」), two cells like the Han
//! around it; see docs/interface-language.md for the terms table.

use super::Age;
use super::{
    Besides, Chrome, Damaged, DiskChange, GalleyAt, Hint, KeyHelp, Label, MakeLine, Question, Report, Row, SetAside,
    Status, Zoom, pad, part_ids,
};
use super::{Render, UiLang};
use crate::fit::{BlockKind, Fit};
use crate::format::{Note, ReadTrouble, SaveTrouble};
use crate::layout::command::COMMAND_LIST;
use crate::layout::make::{Broken, NarrowCause};
use crate::layout::{CommandArg, Motion, OnPage, Operation, Refusal, RemedyKind};
use crate::model::{Depth, ItemKind};
use crate::problem::{OffGrid, Problem};

pub fn refusal(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        NoSuchItem { item, nearest: Some(near) } => format!("本期没有稿件「{item}」；是不是「{near}」？"),
        NoSuchItem { item, nearest: None } => format!("本期没有稿件「{item}」"),
        NoSuchPage { page, pages } => format!("本期没有第 {page} 版（本期的版：{}）", pages.replace(", ", "、")),
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
        NarrowPast { name, by, span } => format!("{name} 无法收窄 {by} 栏：只有 {span} 栏宽"),
        SpanLeavesGrid { name, span, widen, columns } => format!(
            "{name} 无法{}到 {span} 栏：会超出版面（{}）",
            if *widen { "加宽" } else { "收窄" },
            all_columns(*columns)
        ),
        TooShallow { name, depth, by: 1 } => format!("{name} 无法再减行：只有 {depth} 行高"),
        TooShallow { name, depth, by } => format!("{name} 无法减少 {by} 行：只有 {depth} 行高"),
        AlreadyAuto { name } => format!("{name} 已是自动高度"),
        AlreadyFixed { name, lines } => format!("{name} 已是 {lines} 行高"),
        TooDeep { name, lines, max } => format!("{name} 不能设为 {lines} 行高：框最多 {max} 行高"),
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
        PageEmpty { page } => format!("第 {page} 版是空的，无需上提"),
        NoSelection => status(&Status::SelectBoxFirst),
        NotFound { text } => format!("没有稿件含有「{text}」"),
        EmptyCommand => format!("请输入命令：{}", commands()),
        UnknownCommand { name, near: Some(near) } => format!("没有命令「{name}」，是不是要用 :{near}？"),
        UnknownCommand { name, near: None } => format!("没有命令「{name}」，可用的命令：{}", commands()),
        CommandNeeds { command, what } => match arg(*what) {
            Some(needs) => format!(":{command} 需要{needs}：{}", what.usage().replace(", ", "、")),
            None => format!(":{command} 后面不能带参数"),
        },
        CommandExtra { command, what, extra } => match arg(*what) {
            Some(takes) => format!(":{command} 只带{takes}，多了「{extra}」：{}", what.usage().replace(", ", "、")),
            None => format!(":{command} 后面不能带参数"),
        },
        NotANumber { word, value } if super::too_large(value) => {
            format!("「{word}」后面需要从 1 起的整数{}，{value} 太大了", super::or_auto(word, "或 auto"))
        }
        NotANumber { word, value } => {
            format!("「{word}」后面需要从 1 起的整数{}，不是「{value}」", super::or_auto(word, "或 auto"))
        }
        UnknownPlaceWord { word } => format!(":place 中没有「{word}」，应写作 {}", CommandArg::ItemId.usage()),
        PlaceWordNeedsNumber { word } => format!("「{word}」后面需要数字，应写作 {}", CommandArg::ItemId.usage()),
        PlaceWordExtra { word, extra } => {
            format!("「{word}」后面只带一个数字，多了「{extra}」，应写作 {}", CommandArg::ItemId.usage())
        }
        PlaceWordTwice { word } => {
            format!(":place 中「{word}」写了两次，只写一次，应写作 {}", CommandArg::ItemId.usage())
        }
        NotAnArticle { name } => format!("{name} 不是文章：只有文章可以删句、转版或另拟标题"),
        CutPastBody { name, sentences } => format!("{name} 无法再删：正文只有 {sentences} 句"),
        SameCut { name, cut: 0 } => format!("{name} 没有删句"),
        SameCut { name, cut } => format!("{name} 已删去 {cut} 句"),
        HeadSizeOutOfRange { name, size, max } => {
            format!("{name} 的标题不能设为 {size} 字号：每字 1 至 {max} 个字宽")
        }
        SameHeadSize { name, size } => format!("{name} 的标题已是每字 {size} 个字宽"),
        SameHeadline { name } => format!("{name} 已是这个标题"),
        NoSuchPart { name, part, page } => format!("第 {page} 版上没有 {name} 的第 {part} 部分"),
        NothingOverset { name } => format!("{name} 没有超版，无需转版"),
        TooShallowToContinue { name, depth } => {
            format!("{name} 只有 {depth} 行，只放得下标题和转版行，放不下正文：先加高再转版")
        }
        AlreadyContinued { name, part } => format!("{name} 已转到第 {part} 部分"),
        LastPart { name, part } => {
            format!("{name} 已是第 {part} 部分，一篇稿件最多分这么多部分，不能再转版：请加高（]）或删句（f）")
        }
        LaterPartPlaced { name, part, later, page } => {
            format!("{name} 第 {part} 部分不能撤下：第 {later} 部分在第 {page} 版上；请先撤下第 {later} 部分")
        }
        AutoContinued { name, part, lines } => format!(
            "{name} 不能设为自动高度：其后接第 {part} 部分，须保持固定高度（现为 {lines} 行）；可用 ] 或 [ 或 :depth {lines} 调整"
        ),
        NothingToFit { name } => format!("{name} 是自动高度，总是合适：无须调整"),
        AlreadyFits { name } => format!("{name} 已经合适"),
        NoCopyToFit { name, part } => {
            format!("{name} 第 {part} 部分没有正文，正文都排在前面的部分里了：请把前一部分改浅，或把第 {part} 部分撤下")
        }
        NoCutFits { name, lines, .. } if *lines > 0 => {
            format!("{name} 余 {lines} 行：删稿只会更空（试 [ 或 >）")
        }
        NoCutFits { name, lines, continues } => {
            let try_next = if *continues { "试 t 转版" } else { "试 ] 加高，或 < 缩小标题" };
            if *lines == 0 {
                format!("{name}：能排下的删法会让某一部分没有正文（{try_next}）")
            } else {
                format!("{name} 删到只剩第一句仍超版 {} 行（{try_next}）", lines.unsigned_abs())
            }
        }
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

/// A galley's fit, or 无正文 first for a part that holds none of the body, as `check` says.
fn galley_verdict(fit: &Fit, empty: bool) -> String {
    let no_copy = || label(&Label::BoxBadge { fit: *fit, over_foot: false, empty });
    match (empty, fit.is_overset()) {
        (false, _) => label(&Label::FitDetail(*fit)),
        (true, false) => no_copy(),
        (true, true) => format!("{}；{}", no_copy(), label(&Label::FitDetail(*fit))),
    }
}

pub fn label(l: &Label) -> String {
    match l {
        Label::Badge(fit) => badge(fit),
        Label::FitDetail(fit) if fit.is_overset() => format!("{}（{}）", badge(fit), overset_counts(fit)),
        Label::FitDetail(fit) => badge(fit),
        Label::BoxDetail { fit, over_foot, empty } => {
            let badge = label(&Label::BoxBadge { fit: *fit, over_foot: *over_foot, empty: *empty });
            if fit.is_overset() && !empty { format!("{badge}（{}）", overset_counts(fit)) } else { badge }
        }
        Label::BoxBadge { over_foot: true, empty: true, .. } => "无正文 超出版底".to_string(),
        Label::BoxBadge { empty: true, .. } => "无正文".to_string(),
        Label::BoxBadge { fit, over_foot: true, .. } => format!("{} 超出版底", badge(fit)),
        Label::BoxBadge { fit, over_foot: false, .. } => badge(fit),
        Label::Depth(Depth::Auto) => "自动".to_string(),
        Label::Depth(Depth::Fixed(n)) => format!("固定 {n} 行"),
        Label::Columns { first, last } if first == last => format!("第 {first} 栏"),
        Label::Columns { first, last } => format!("第 {first}–{last} 栏"),
        Label::Kind(ItemKind::Article) => "文章".to_string(),
        Label::Kind(ItemKind::Photo) => "图片".to_string(),
        Label::Kind(ItemKind::Notice) => "启事".to_string(),
        Label::PartOf(part) => format!("（第 {part} 部分）"),
        Label::Cut { sentences, chars } => format!("删去 {sentences} 句（{chars} 字）"),
        Label::Lines { top, bottom } => format!("第 {top}–{bottom} 行"),
        Label::DepthSetting(depth) => format!("高度 {}", label(&Label::Depth(*depth))),
        Label::Needs(lines) => format!("需 {lines} 行"),
    }
}

/// 合适, 余 3 行 (three lines short), 超版 5 行.
/// The lines and characters an overset box leaves out: `13 行、150 字排不下`.
fn overset_counts(fit: &Fit) -> String {
    format!("{} 行、{} 字排不下", fit.overset_lines, fit.overset_chars)
}

fn badge(fit: &Fit) -> String {
    match fit.lines() {
        0 => "合适".to_string(),
        n if n > 0 => format!("余 {n} 行"),
        n => format!("超版 {} 行", n.unsigned_abs()),
    }
}

/// A rule a page made by `M` could not keep, as the status line's clause.
fn zh_rule(rule: &Broken) -> String {
    match rule {
        Broken::LeadNotAtTop { id } => format!("头条 {id} 未能排在第 1 行"),
        Broken::LeadNarrow { id, .. } => format!("头条 {id} 不足半版宽"),
        Broken::SecondLead { id, .. } => format!("{id} 也计划为头条（优先级 1）"),
        Broken::NoticeLead { id } => format!("启事 {id} 不能作头条（优先级 1）：启事排在版底"),
        Broken::KeptOverlap { id, other } => format!("{id} 与 {other} 重叠"),
        Broken::KeptOverset { id } => format!("{id} 超版"),
        Broken::KeptPastFoot { id } => format!("{id} 超出版底"),
        Broken::KeptEmpty { id } => format!("{id} 正文全无"),
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
        Operation::Cut => "删句",
        Operation::HeadSize => "改标题字号",
        Operation::Headline => "改标题",
        Operation::Continue => "转版",
        Operation::Make => "自动组版",
    }
    .to_string()
}

pub fn status(s: &Status) -> String {
    use Status::*;
    match s {
        SelectBoxFirst => "请先选中一篇稿（方向键或 hjkl；Tab 到待排稿可上版）".to_string(),
        KeyForPage => "该键用于版面；按 Tab 从待排稿回到版面".to_string(),
        KeyForBin => "该键用于待排稿；按 Tab 从版面转到待排稿".to_string(),
        KeyUnbound { key } => format!("{key} 键没有用处；按 ? 看全部按键"),
        CommandForPage { command } => format!(":{command} 用于版面上选中的稿件；按 Tab 从待排稿回到版面"),
        BinEmpty => "待排稿是空的".to_string(),
        BackInBin { item, besides } => std::iter::once(format!("{item} 已撤下，放回待排稿"))
            .chain(said_besides(besides))
            .collect::<Vec<_>>()
            .join("；"),
        BackInBinWhole { item, waited, pulled } => {
            format!("{item} 已撤下，整篇放回待排稿：原在待排稿中的第 {waited} 部分已并回全文{}", pulled_clause(*pulled))
        }
        FirstPartBinned { item, page, past_foot, pushed, pulled } => {
            format!(
                "{item} 第 1 部分已撤下，放回待排稿：第 {page} 版上的第 2 部分现在缺少前文{}{}；请重新排入第 1 部分，或将第 2 部分也撤下{}",
                if *past_foot { "，且超出版底" } else { "" },
                if pushed.is_empty() {
                    String::new()
                } else {
                    format!("（下推：{}）", part_ids(pushed, UiLang::ZhHans, "、"))
                },
                pulled_clause(*pulled)
            )
        }
        Undid { op } => format!("已撤销{}", op.as_ref().map(operation).unwrap_or_default()),
        Redid { op } => format!("已重做{}", op.as_ref().map(operation).unwrap_or_default()),
        FirstPage => "已是第一版".to_string(),
        LastPage => "已是最后一版".to_string(),
        PageShown { page } => format!("第 {page} 版已在显示"),
        Pushed(besides) => said_besides(besides).join("；"),
        Saved { path } => format!("已保存 {path}"),
        SavedDroppingComments { path, lines } => {
            format!("已保存 {path}；未保留 {lines} 行注释：保存按 pasteup 的格式重写版面文件")
        }
        SavedCopy { path } => format!("已另存一份到 {path}（打开的版面不变：Ctrl-s 保存它）"),
        NotSaved { error } => format!("未保存（:w 文件名 可另存到别处）：{}", error.reason_first(UiLang::ZhHans)),
        CopyNotWritten { error } => format!("未另存：{}", error.reason_first(UiLang::ZhHans)),
        CopyIsIssue { path } => format!("未另存：{path} 是稿件文件；请指定一个版面文件"),
        SavedSampleCopy { path } => {
            format!("已另存一份到 {path}；示例稿件无法写到旁边：用 pasteup --layout {path} 打开")
        }
        SavedSampleCopyBeside { path, issue } => {
            format!("已另存一份到 {path}，示例稿件也写在它旁边：用 pasteup {issue} --layout {path} 打开")
        }
        SaveDeclined => "未保存；再按 Ctrl-s 会再问，:w 文件名 可另存到别处".to_string(),
        Stopped { kept_in: Some(file), .. } => format!("已停止；未保存的修改在 {file}"),
        Stopped { kept_in: None, why } => format!("已停止；未保存的修改丢失了：恢复文件写不了（{why}）"),
        AnswerTheQuestion => "请先回答上面的问题：按问题中列出的键之一".to_string(),
        CopyIsTerminal { path } => format!("未另存：{path} 是终端，编辑器正在其上显示；请指定一个版面文件"),
        CopyIsOwnFile { path } => format!("未另存：{path} 是 pasteup 的锁文件或恢复文件；请指定一个版面文件"),
        CopyIsPhoto { path } => format!("未另存：{path} 是稿件用的图片；请指定一个版面文件"),
        CopyIsFolder { path, example } => format!("未另存：{path} 是文件夹；请指定其中的文件：:w {example}"),
        CopyExists { path } => format!("未另存：{path} 已存在；:w! {path} 可覆盖它"),
        Exported { path } => format!("版面大样已导出到 {path}"),
        NotExported { error } => format!("未导出：{error}"),
        ExportOverInput { path, input } => {
            format!("未导出：{path} 即 {input}，编辑器正在读取它；请用 `pasteup export -o 文件` 导出")
        }
        PasteIgnored { chars } => format!("已忽略粘贴（{chars} 个字符）：这里只收按键"),
        OpenElsewhere { owner } => format!("另一个 pasteup 正打开此版面：{owner}；两边都保存会互相覆盖"),
        NotLocked { error } => format!("版面无法加锁：{error}"),
        JournalNotWritten { error } => {
            format!("此时崩溃会丢失修改，请按 Ctrl-s 或用 :w 文件名 保存。恢复文件未写入：{error}")
        }
        Restored { kept, taken_off, binned, damaged } => {
            let mut said = match damaged {
                None => "已恢复未保存的修改；Ctrl-s 保存".to_string(),
                Some(aside) => {
                    format!("已恢复损坏处之前的稿框，其余按上次保存的样子；Ctrl-s 保存。{}", set_aside_zh(aside))
                }
            };
            if *kept > 0 {
                said += &format!("（另有 {kept} 份较早的恢复文件留待下次启动）");
            }
            if !taken_off.is_empty() {
                said += &format!("；稿件中已没有：{}（原位保留，待其回来）", taken_off.join("、"));
            }
            said.push_str(&binned_to_the_bin(binned));
            said
        }
        JournalNameTooLong { path } => {
            format!("版面文件名太长，旁边放不下恢复文件：未保存的修改暂存在 {path}；:w 文件名 可换个短些的名字另存")
        }
        JournalInTheWay { name, path } => {
            format!("恢复文件的位置被一个文件夹占着（{name}）：未保存的修改暂存在 {path}；Ctrl-s 照常保存")
        }
        JournalElsewhere { path } => format!("版面所在文件夹不可写：未保存的修改暂存在 {path}；:w 文件名 可另存到别处"),
        RecoveryUnreadable { error } => format!("恢复文件读不出：{error}"),
        RecoveryNothingToRestore { file, line, aside } => {
            let what = if *line <= 1 { "是空的".to_string() } else { format!("从第 {line} 行起已损坏") };
            format!("恢复文件 {file} {what}（断电时可能如此）：里面没有能恢复的。{}", set_aside_zh(aside))
        }
        RecoveryDamagedDeclined { aside } => set_aside_zh(aside),
        RecoveryLeft { file } => format!("{file} 未保存的修改留在恢复文件里，下次启动时再问"),
        RecoveryClaimed { file, error } => {
            format!("恢复文件 {file} 删不掉（{error}）：已记为在此恢复，本编辑器运行期间别的编辑器不会再问")
        }
        RecoveryNotDiscarded { file, error } => format!("恢复文件 {file} 删不掉（{error}）：下次启动时还会再问"),
        OpenProblem { first, more: 0 } => first.render(UiLang::ZhHans),
        OpenProblem { first, more } => {
            format!("{}（另有 {more} 条：见 pasteup check）", first.render(UiLang::ZhHans))
        }
        IssueReloaded { file, changed, added, taken_off, removed, restored, binned, overlapping } => {
            let mut said = format!("已重新载入稿件 {file}：{changed} 篇有改动，{added} 篇新稿进待排稿");
            if !taken_off.is_empty() {
                said.push_str(&format!("；稿件中已无：{}（位置先留着，稿件回来时放回原处）", taken_off.join("、")));
            }
            if !removed.is_empty() {
                said.push_str(&format!("；稿件中已无，已移出待排稿：{}", removed.join("、")));
            }
            if !restored.is_empty() {
                said.push_str(&format!("；已放回原处：{}", restored.join("、")));
            }
            said.push_str(&binned_to_the_bin(binned));
            for (page, (a, pa), (b, pb)) in overlapping {
                let (a, b) = (super::part_id(a, *pa, UiLang::ZhHans), super::part_id(b, *pb, UiLang::ZhHans));
                said.push_str(&format!("；第 {page} 版 {a} 与 {b} 现已重叠"));
            }
            said
        }
        IssueNotReloaded { error } => {
            format!("磁盘上的稿件未载入（保留上一版）：{}", error.render(UiLang::ZhHans))
        }
        LayoutRemoved { file } => format!("{file} 已从磁盘上删除；此处的排版仍在，按 Ctrl-s 重新写入"),
        LayoutLoaded { file, issue } => format!("已载入别的程序保存的 {file}{}", following_zh(issue.as_deref())),
        KeptMine { file } => format!("已保留你的版面；按 Ctrl-s 覆盖磁盘上的 {file} 之前会先询问"),
        LayoutMerged { file, conflicts, notes, issue } => {
            let mut said = format!("已把磁盘上的 {file} 合并进未保存的版面");
            said.push_str(&following_zh(issue.as_deref()));
            if !conflicts.is_empty() {
                said.push_str(&format!("；双方都改过的保留了你的：{}", conflicts.join("、")));
            }
            if !notes.is_empty() {
                said.push_str(&format!("；合并后需查看：{}", notes.join("、")));
            }
            said
        }
        LayoutNotLoaded { error } => format!("磁盘上的版面未载入（保留你的）：{}", error.render(UiLang::ZhHans)),
        OpenNotes { first, more: 0 } => note(first),
        OpenNotes { first, more } => format!("{}（另有 {more} 条：见 pasteup check）", note(first)),
        RecoveryNotes { first, more: 0 } => note(first),
        RecoveryNotes { first, more } => format!("{}（另有 {more} 份未动）", note(first)),
        Refused(r) => refusal(r),
        Count { count } => format!("次数 {count}：移动、选择、栏宽、高度键重复 {count} 次（Esc 取消）"),
        PlacedInHole { item, part, column, line, pushed } => {
            let item = super::part_id(item, *part, super::UiLang::ZhHans);
            let placed = format!("{item} 已排入空位：第 {column} 栏第 {line} 行");
            if pushed.is_empty() {
                placed
            } else {
                format!("{placed}；理顺版面重叠时下推 {}", part_ids(pushed, UiLang::ZhHans, "、"))
            }
        }
        PlacedUnder { item, part, under, pushed, overlap } => {
            let item = super::part_id(item, *part, super::UiLang::ZhHans);
            let mut said = format!("没有放得下 {item} 的空位：已排在 {under} 下面");
            if !pushed.is_empty() {
                said += &format!("，下推 {}", part_ids(pushed, UiLang::ZhHans, "、"));
            }
            if !overlap.is_empty() {
                said += &format!("；理顺版面重叠时下推 {}", part_ids(overlap, UiLang::ZhHans, "、"));
            }
            said
        }
        PlacedAtBottom { item, part } => {
            let item = super::part_id(item, *part, super::UiLang::ZhHans);
            format!("没有放得下 {item} 的空位：已排在所在栏最下面")
        }
        BoxNow { item, part, first, last, line, depth, pushed } => {
            let item = super::part_id(item, *part, super::UiLang::ZhHans);
            let columns = label(&Label::Columns { first: *first, last: *last });
            let now = format!("{item}：{columns}，自第 {line} 行起，高度{}", label(&Label::Depth(*depth)));
            if pushed.is_empty() { now } else { format!("{now}，下推 {}", part_ids(pushed, UiLang::ZhHans, "、")) }
        }
        Placed { item, part, column, line, pushed, overlap } => {
            let item = super::part_id(item, *part, super::UiLang::ZhHans);
            let mut said = format!("{item} 已上版：第 {column} 栏第 {line} 行");
            if !pushed.is_empty() {
                said += &format!("，下推 {}", part_ids(pushed, UiLang::ZhHans, "、"));
            }
            if !overlap.is_empty() {
                said += &format!("；理顺版面重叠时下推 {}", part_ids(overlap, UiLang::ZhHans, "、"));
            }
            said
        }
        Found { item, part: Some(part), page: Some(page) } => {
            format!("找到 {item}（第 {part} 部分），在第 {page} 版（再次 :find 找下一个）")
        }
        Found { item, page: Some(page), .. } => format!("找到 {item}，在第 {page} 版（再次 :find 找下一个）"),
        Found { item, part: Some(part), page: None } => {
            format!("找到 {item}（第 {part} 部分），在待排稿中（再次 :find 找下一个）")
        }
        Found { item, page: None, .. } => format!("找到 {item}，在待排稿中（再次 :find 找下一个）"),
        PulledUp { page } => format!("第 {page} 版所有稿件已上提"),
        Made { page, placed, left, free, broken } => {
            let made =
                format!("第 {page} 版已自动组版：排入 {placed} 篇，本版计划稿 {left} 篇留在待排稿，空 {free} 行");
            match broken {
                None => made,
                Some((rule, 1)) => format!("{made}；{}", zh_rule(rule)),
                Some((rule, n)) => format!("{made}；{}（另有 {} 条）", zh_rule(rule), n - 1),
            }
        }
        CutOut { item, pulled: true } => format!("{item} 已撤下，下面的稿件已上提"),
        CutOut { item, pulled: false } => format!("{item} 已撤下，下面没有稿件能上提"),
        Copyfit { item, done, fit, empty, besides } => {
            let done = match done {
                super::Copyfit::Cut { sentences: 0, .. } => "删去的句子全部恢复".to_string(),
                super::Copyfit::Cut { sentences, chars } => format!("删去末尾 {sentences} 句（{chars} 字）"),
                super::Copyfit::HeadSize { size } => format!("标题字号 {size} 字"),
                super::Copyfit::Headline { restored: false } => "标题已改写".to_string(),
                super::Copyfit::Headline { restored: true } => "已恢复原标题".to_string(),
                super::Copyfit::Continued { part } => format!("超版部分转为第 {part} 部分，进待排稿"),
                super::Copyfit::AllCut { chars } => format!("正文全部删去（{chars} 字），只剩标题"),
            };
            let mut said = format!("{item}：{done}，{}", galley_verdict(fit, *empty));
            for part in said_besides(besides) {
                said += &format!("；{part}");
            }
            said
        }
    }
}

/// 版面容不下、移入待排稿并留着位置的稿件：重新载入稿件和恢复未保存的修改都这样说。
fn binned_to_the_bin(binned: &[String]) -> String {
    if binned.is_empty() {
        return String::new();
    }
    format!("；版面已容不下，移入待排稿：{}（位置先留着，版面容得下时放回原处）", binned.join("、"))
}

/// 一步操作后不再有正文的后续部分。
/// What a step did to other boxes, a clause each.
fn said_besides(besides: &Besides) -> Vec<String> {
    let Besides { pushed, past_foot, empty_parts, shallow_parts, elsewhere } = besides;
    let mut parts = Vec::new();
    if !pushed.is_empty() {
        parts.push(format!("下推：{}", part_ids(pushed, UiLang::ZhHans, "、")));
    }
    if !past_foot.is_empty() {
        parts.push(format!("超出版底：{}", past_foot.join("、")));
    }
    parts.extend(elsewhere.iter().filter(|e| !e.is_empty()).map(on_page));
    parts.extend(empty_parts.iter().map(empty_part));
    parts.extend(shallow_parts.iter().map(|(id, part)| format!("{id} 第 {part} 部分没有正文：太浅，请加高")));
    parts
}

fn empty_part((id, part): &(String, u32)) -> String {
    format!("{id} 第 {part} 部分已无正文：前面的部分已排完全文")
}

/// 一步操作在别的版上做的事，一句：`第 4 版下推：a1（超出版底：a1）`。
fn on_page(on: &OnPage) -> String {
    let page = on.page;
    let past = on.over_foot.join("、");
    match (on.pushed.is_empty(), on.over_foot.is_empty()) {
        (true, _) => format!("第 {page} 版超出版底：{past}"),
        (false, true) => format!("第 {page} 版下推：{}", part_ids(&on.pushed, UiLang::ZhHans, "、")),
        (false, false) => {
            format!("第 {page} 版下推：{}（超出版底：{past}）", part_ids(&on.pushed, UiLang::ZhHans, "、"))
        }
    }
}

/// 损坏的恢复文件放到了哪里：从不删除，损坏处之后的内容还可以手工查看。
fn set_aside_zh(aside: &SetAside) -> String {
    match aside {
        SetAside::As { file } => format!("损坏的文件已另存为 {file}，不会再问。"),
        SetAside::NotMoved { error } => format!("损坏的文件无法移开（{error}）：下次启动时还会再说。"),
    }
}

/// 从磁盘载入的版面所指定、编辑器此后跟随的稿件。
fn following_zh(issue: Option<&str>) -> String {
    issue.map(|issue| format!("；版面指定的稿件是 {issue}，编辑器现在跟随它")).unwrap_or_default()
}

pub fn question_title(q: &Question) -> String {
    match q {
        Question::QuitUnsaved => "未保存的修改",
        Question::Overwrite(_) => "磁盘上的文件已改",
        Question::DropNotes { .. } => "合并冲突",
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
        Question::DropNotes { notes, first } => vec![
            format!(
                "版面中有 {notes} 条合并冲突（第一条关于 {first}；pasteup check 可列出全部）。保存即视为已定下，冲突记录随之删除。"
            ),
            "y：保存   n：暂不保存".into(),
        ],
        Question::Overwrite(change) => {
            let why = match change {
                DiskChange::Layout { file } => format!("{file} 打开后已被别的程序改过。"),
                DiskChange::Issue { file } => format!("稿件文件 {file} 打开后在磁盘上改过。"),
                DiskChange::SavedAfterRecovery { file } => {
                    format!("磁盘上的 {file} 比恢复的工作所依据的那一版更新：现在保存会覆盖它。")
                }
            };
            vec![why, "y：覆盖保存   n：不保存".into()]
        }
        Question::TheirLayout { file, merge: false } => {
            vec![format!("别的程序保存了 {file}。"), "y：载入对方的   n：保留我的".into()]
        }
        Question::TheirLayout { file, merge: true } => {
            vec![format!("别的程序保存了 {file}，你这里也有未保存的修改。"), "y：把对方的合并进来   n：保留我的".into()]
        }
        Question::Recover { file, age_secs, by, more, saved_after, after_newer, damaged } => {
            let age = age_secs.map_or_else(|| "时间不明".to_string(), |s| age_ago(Age::of(s)));
            let by = by.as_ref().map(|o| format!("（{o}）")).unwrap_or_default();
            let more = if *more > 0 { format!("（之后还有 {more} 份）") } else { String::new() };
            let mut lines = vec![format!("pasteup{by}留下了 {file} 未保存的修改（最后写入：{age}）{more}。")];
            if *saved_after {
                lines.push(format!("这份工作开始之后 {file} 又保存过：这是较旧的工作。"));
            } else if *after_newer {
                lines.push("此前已提供过一份较新的恢复文件：这是较旧的工作。".to_string());
            }
            match damaged {
                None => lines.push("y：恢复   n：丢弃   Esc：下次启动再说".into()),
                Some(Damaged { line, boxes }) => {
                    lines.push(format!(
                        "恢复文件从第 {line} 行起已损坏（被截断，断电时可能如此）：此前的 {boxes} 个稿框可以恢复，其后按上次保存的版面。"
                    ));
                    lines.push("y：恢复能恢复的   n：把文件放到一边   Esc：下次启动再说".into());
                }
            }
            lines
        }
    }
}

/// `12 秒前`、`4 分钟前`、`3 小时前`、`2 天前`。
fn age_ago(age: Age) -> String {
    match age {
        Age::Seconds(n) => format!("{n}\u{a0}秒前"),
        Age::Minutes(n) => format!("{n}\u{a0}分钟前"),
        Age::Hours(n) => format!("{n}\u{a0}小时前"),
        Age::Days(n) => format!("{n}\u{a0}天前"),
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
        Suspend => "暂停，回到 shell（fg 回来；所做的已存入恢复文件）",
        Repaint => "重画整个屏幕",
        Count => "次数：12K 上移 12 行，3L 右移 3 栏",
        JumpUp => "稿件上移到贴住上面的稿件（或第 1 行）",
        JumpDown => "稿件下移到贴住下面的稿件（或版底）",
        PullUp => "本版所有稿件上提（一步撤销）",
        CutOut => "撤下稿件，并上提它下面的稿件",
        Make => "按版面计划从待排稿自动组版",
        ToggleBin => "隐藏／显示待排稿",
        CommandLine => "命令行：:place、:line、:find、:w 等",
        CutMore => "从文末再删一句",
        CutLess => "恢复一句删去的文字",
        FitBox => "调整：删去最少的句子使稿件合适",
        Continue => "超版部分转版为新的部分（进待排稿）",
        HeadSmaller => "本版标题字号小一号",
        HeadLarger => "本版标题字号大一号",
        Rewrite => "改写本版标题（清空则恢复原标题）",
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
        TitlePage { page, index, pages, section } => {
            format!("第 {page} 版（{index}/{pages}）{}", section.as_deref().unwrap_or_default())
        }
        TitleZoom { zoom } => match zoom {
            Zoom::Text => "文字".to_string(),
            Zoom::Plan => "版样".to_string(),
        },
        Unsaved => " * 未保存 ".to_string(),
        OpenElsewhere => " 别处也打开着 ".to_string(),
        RulerLine => "  行 ".to_string(),
        RulerFoot => " 版底".to_string(),
        BinHead { items, focused } => format!(" 待排稿：{items} 篇{}", if *focused { " [Tab]" } else { "" }),
        BinInfo { kind, chars, span, lines } => {
            format!("{span} 栏 {lines} 行 · {} · {chars} 字", label(&Label::Kind(*kind)))
        }
        RulerFree => "空行 ".to_string(),
        FreeLines { lines } => format!("空 {lines}"),
        Completions { ids } => format!("Tab 补全：{}", ids.join("  ")),
        InspectBin { id, chars, span, lines } => {
            format!(" {id} · 在待排稿中 · {chars} 字 · {span} 栏 {lines} 行 · Enter 上版")
        }
        PageSummaryShort { page, fit, overset, past_foot, overlaps } => format!(
            "第 {page} 版：{}合计 {fit:+} 行，超版 {overset} 篇，超出版底 {past_foot} 篇",
            overlaps_first(*overlaps)
        ),
        PageSummaryBrief { page, fit, overset, past_foot, overlaps } => {
            format!("第 {page} 版：{}", wrong_on_page(*fit, *overset, *past_foot, *overlaps))
        }
        PageSummaryTiny { fit, overset, past_foot, overlaps } => wrong_on_page(*fit, *overset, *past_foot, *overlaps),
        Overlaps { other } => format!("与 {other} 重叠"),
        PageSummary { page, used, free, fit, overset, past_foot, overlaps } => format!(
            "第 {page} 版：{}已用 {used} 行，空 {free} 行，合计 {fit:+} 行，超版 {overset} 篇，超出版底 {past_foot} 篇",
            overlaps_first(*overlaps)
        ),
        HelpTitle => "按键".to_string(),
        HelpMore { page, pages } => format!("（{page}/{pages}）j k 翻看 · 其他键关闭"),
        HeadlinePrompt => "标题：".to_string(),
        AnswerAbove => "现在可用的按键见上方的框".to_string(),
    }
}

pub fn row(r: &Row) -> String {
    match r {
        Row::Column => "栏",
        Row::Used => "已用",
        Row::Free => "空",
        Row::OverFoot => "超出版底",
        Row::Overset => "超版",
    }
    .to_string()
}

pub fn report(r: &Report) -> String {
    use Report::*;
    match r {
        IssueHead { paper, date, pages, items, placed, bin } => {
            format!("{paper} {date}：{pages} 个版，{items} 篇稿件（已上版 {placed} 篇，待排稿 {bin} 篇）")
        }
        LayoutFile { path: Some(path) } => format!("版面文件：{path}"),
        LayoutFile { path: None } => "版面文件：无（稿件都在待排稿中）".to_string(),
        PageHead { page, section, columns, width, gutter, depth } => format!(
            "第 {page} 版{}：{columns} 栏，栏宽 {width} 字，栏间距 {gutter} 字，{depth} 行",
            section.as_deref().map(|s| format!("「{s}」")).unwrap_or_default()
        ),
        RowName(r) => pad(&row(r), 9),
        BoxLine { id, id_width, column, span, top, bottom, depth, fit, empty, over_foot, title } => format!(
            "  {} {} 第 {top:>3}–{bottom:<3} 行 {} {}{}  {title}",
            pad(id, *id_width),
            pad(&label(&Label::columns(*column, *span)), 13),
            pad(&label(&Label::Depth(*depth)), 11),
            label(&Label::detail(*fit, *empty)),
            if *over_foot { "，超出版底" } else { "" }
        ),
        PageTotal { used, free, fit, overset, overset_lines, overset_chars, past_foot } => format!(
            "  本版：已用 {used} 行，空 {free} 行，合计 {fit:+} 行，超版 {overset} 篇（{overset_lines} 行、{overset_chars} 字），超出版底 {past_foot} 篇"
        ),
        BinHead { items } => format!("待排稿：{items} 篇"),
        BinLine { id, id_width, kind, chars, lines, title } => format!(
            "  {} {} {chars:>5} 字 单栏 {lines:>4} 行  {title}",
            pad(id, *id_width),
            pad(&label(&Label::Kind(*kind)), 8)
        ),
        AllFits => "全部合适：没有超版、重叠或超出版面的稿件".to_string(),
        LayoutNotUsed { path } => {
            format!(
                "{path}：不能照原样使用，什么也没有写出；请改正上面指出的地方，或在编辑器里打开它，编辑器会改正或撤下这些稿位并说明"
            )
        }
        NotWritten { path } => format!("没有写出 {path}"),
        FontTooOften { count } => format!("--font 给了 {count} 次；请给一个正文字体文件，至多再给一个标题字体文件"),
        PressOptionsWithoutPdf => "--font 和 --em-pt 只用于印刷 PDF；请与 --format pdf 同用，或去掉它们".to_string(),
        AmbiwidthWithoutText => "--ambiwidth 只用于文字大样的边框；请与 --format text 同用，或去掉它".to_string(),
        Problems { count } => format!("{count} 个问题："),
        GalleyHead { id, kind, title } => format!("{id} · {} · {title}", label(&Label::Kind(*kind))),
        GalleyPlace { at, fit, empty } => {
            let place = match at {
                GalleyAt::Page { page, column, span, line, depth } => format!(
                    "第 {page} 版，{}，第 {line} 行起，高度 {}",
                    label(&Label::columns(*column, *span)),
                    label(&Label::Depth(*depth))
                ),
                GalleyAt::Bin { span } => format!("待排稿，按 {span} 栏排"),
            };
            format!("  {place}：稿高 {} 行，需 {} 行，{}", fit.box_depth, fit.depth_needed, galley_verdict(fit, *empty))
        }
        GalleyOverFoot => "  超出版底".to_string(),
        GalleyPart { part, from_page, to_page } => {
            let mut text = format!("  第 {part} 部分");
            if let Some(page) = from_page {
                text.push_str(&format!("，上接第 {page} 版"));
            }
            if let Some(page) = to_page {
                text.push_str(&format!("，下转第 {page} 版"));
            }
            text
        }
        GalleyCut { sentences, chars } => {
            format!("  {}：", label(&Label::Cut { sentences: *sentences, chars: *chars }))
        }
        BoxCut { sentences, chars, id_width } => {
            format!("  {} {}", pad("", *id_width), label(&Label::Cut { sentences: *sentences, chars: *chars }))
        }
        Leg { number, lines } => format!("  框内第 {number} 栏（{lines} 行）："),
        GalleyOverset { lines } => format!("  超版（{lines} 行）："),
        Block { kind, depth, empty: true, .. } => format!("  {}（{depth} 行）", block(*kind)),
        Block { kind, line_depth, .. } if *line_depth > 1 => format!("  {}，每行占 {line_depth} 行：", block(*kind)),
        Block { kind, .. } => format!("  {}：", block(*kind)),
        FitBox { id, page, part: 1, fit } => format!("第 {page} 版  {id}：{}", label(&Label::FitDetail(*fit))),
        FitBox { id, page, part, fit } => {
            format!("第 {page} 版  {id}（第 {part} 部分）：{}", label(&Label::FitDetail(*fit)))
        }
        FitRemedy { kind, value, fit, cut_chars } => {
            format!("  {} {}", pad(&remedy(*kind, *value, *cut_chars), 36), lines_badge(*fit))
        }
        FitNoRemedy => "  改动任何一项都排不下".to_string(),
        FitPlaceWaiting { id, part } => {
            format!("  超版部分转入第 {part} 部分，在待排稿中：请把它排上（在待排稿中按 Enter，或 :place {id}）")
        }
        FitAllBoxesFit => "每个框都合适".to_string(),
        FitUnfit { boxes } => format!("{boxes} 个框不合适"),
    }
}

/// A note a merge wrote into the layout, in Chinese. The file keeps it as the merge wrote it,
/// in English (found from outside: a Chinese `check` line quoted "overlaps … after the
/// merge"); a note of another shape (written by hand) is said as written.
fn merge_note(note: &str) -> String {
    let brought = ": the merge brought it in";
    if let Some((ours, theirs)) = note.strip_prefix("both changed it: ours ").and_then(|r| r.split_once(", theirs ")) {
        return format!("双方都改了：我方 {}，对方 {}", spots(ours), spots(theirs));
    }
    let issue = note.strip_prefix("both changed the issue the layout names: ours ");
    if let Some((ours, theirs)) = issue.and_then(|r| r.strip_suffix("; ours kept")?.split_once(", theirs ")) {
        return format!("双方都改了版面所属的稿件文件：我方 {ours}，对方 {theirs}；保留我方");
    }
    let (part, rest) = match note.strip_prefix("part ").and_then(|r| r.split_once(" overlaps ")) {
        Some((n, rest)) => (format!("第 {n} 部分"), Some(rest)),
        None => (String::new(), note.strip_prefix("overlaps ")),
    };
    if let Some(other) = rest.and_then(|r| r.strip_suffix(" after the merge")) {
        let other = match other.strip_suffix(")").and_then(|o| o.rsplit_once(" (part ")) {
            Some((id, n)) => format!("「{}」（第 {n} 部分）", id.trim_matches('"')),
            None => format!("「{}」", other.trim_matches('"')),
        };
        return format!("{part}合并后与{other}重叠");
    }
    if note == "past the foot of the page after the merge" {
        return "合并后超出版底".to_string();
    }
    if note.strip_prefix("not in the issue").and_then(|r| r.strip_suffix(brought)) == Some("") {
        return "本期没有这篇稿件：是合并带进来的".to_string();
    }
    let kept = note
        .strip_prefix("on page ")
        .and_then(|r| r.strip_suffix(", which the issue does not have: ours keeps that page as it was"));
    if let Some(page) = kept {
        return format!("在第 {page} 版，本期没有这一版：保留我方原样");
    }
    let page = note.strip_prefix("on page ").and_then(|r| r.strip_suffix(brought));
    if let Some(page) = page.and_then(|r| r.strip_suffix(", which the issue does not have")) {
        return format!("在第 {page} 版，本期没有这一版：是合并带进来的");
    }
    let twice = note.strip_prefix("placed twice in ").and_then(|r| r.strip_suffix(", is left out"));
    if let Some((side, spot)) = twice.and_then(|r| r.split_once(": the second, ")) {
        let side = if side == "ours" { "我方" } else { "对方" };
        return format!("{side}排了两次：第二处（{}）已略去", spots(spot));
    }
    note.to_string()
}

/// Where a merge note says an item stands (`in the bin`, `page 3 column 1 line 1 span 3 depth
/// auto`, parts joined by `; `), in Chinese; as written where it is not of that shape.
fn spots(text: &str) -> String {
    if text == "in the bin" {
        return "在待排稿中".to_string();
    }
    // Found from outside: `…, its next part in the bin` was left in English.
    if let Some(place) = text.strip_suffix(", its next part in the bin") {
        return format!("{}，下一部分在待排稿中", spots(place));
    }
    let parts: Option<Vec<String>> = text.split("; ").map(spot).collect();
    parts.map_or_else(|| text.to_string(), |parts| parts.join("；"))
}

/// One place of a merge note, `None` where a word is not one the merge writes.
fn spot(text: &str) -> Option<String> {
    let (words, headline) = match text.split_once(" headline ") {
        Some((words, headline)) => (words, Some(headline)),
        None => (text, None),
    };
    let words: Vec<&str> = words.split(' ').collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let (said, taken) = match (words[at], words.get(at + 1).copied(), words.get(at + 2).copied()) {
            ("part", Some(n), _) => (format!("第 {n} 部分"), 2),
            ("page", Some(n), _) => (format!("第 {n} 版"), 2),
            ("column", Some(n), _) => (format!("第 {n} 栏"), 2),
            ("line", Some(n), _) => (format!("第 {n} 行"), 2),
            ("span", Some(n), _) => (format!("{n} 栏宽"), 2),
            ("depth", Some("auto"), _) => ("自动高度".to_string(), 2),
            ("depth", Some("fixed"), Some(n)) => (format!("高 {n} 行"), 3),
            ("cut", Some(n), _) => (format!("删 {n} 句"), 2),
            ("head", Some("size"), Some(n)) => (format!("标题 {n} 字"), 3),
            _ => return None,
        };
        out.push(said);
        at += taken;
    }
    out.extend(headline.map(|h| format!("标题改为 {h}")));
    Some(out.join(" "))
}

/// The editor's commands, listed as a Chinese sentence lists things.
fn commands() -> String {
    COMMAND_LIST.replace(", ", "、")
}

/// A field of an item as the issue file names it, in a newsroom's words (found from outside:
/// the Chinese glyph preflight said "的 body"); a name not known here stays as written.
fn field_name(field: &str) -> &str {
    match field {
        "kicker" => "引题",
        "headline" => "标题",
        "subhead" => "副题",
        "body" => "正文",
        "byline" => "署名",
        "caption" => "图片说明",
        "credit" => "摄影署名",
        "title" => "题目",
        "signer" => "落款",
        "date" => "日期",
        "byline brackets" => "署名括号",
        "jump line" => "转版行",
        other => other,
    }
}

/// 引题, 标题, 副题, 图片, 图片说明, 摄影/供稿, 线条, 题目, 落款, 日期.
fn block(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Kicker => "引题",
        BlockKind::Headline => "标题",
        BlockKind::Subhead => "副题",
        BlockKind::Picture => "图片",
        BlockKind::Caption => "图片说明",
        BlockKind::Credit => "署名",
        BlockKind::Rule => "线条",
        BlockKind::Title => "题目",
        BlockKind::Signer => "落款",
        BlockKind::Date => "日期",
        BlockKind::Jump => "转版行",
    }
}

/// A problem of the layout, in Chinese: the same data as the English of `problem::text`.
pub fn problem(p: &Problem) -> String {
    match p {
        Problem::UnknownPage { page, issue_pages, placements } => {
            let have: Vec<String> = issue_pages.iter().map(u32::to_string).collect();
            let have = if have.is_empty() { "无".to_string() } else { have.join("、") };
            format!("本期没有第 {page} 版（本期各版：{have}）；其上 {placements} 个稿位移入待排稿")
        }
        Problem::DuplicatePage { page, first_line } => {
            format!("第 {page} 版列了两次（第一次{}）；两处稿位合并", at_line(*first_line))
        }
        Problem::UnknownItem { item, nearest: Some(near), .. } => {
            format!("本期没有稿件「{item}」（是不是「{near}」？）；此稿位删去")
        }
        Problem::UnknownItem { item, .. } => format!("本期没有稿件「{item}」，应写本期某篇稿件的 id；此稿位删去"),
        Problem::PlacedTwice { item, first_page, first_line, .. } => {
            format!("稿件「{item}」排了两次（第一次在第 {first_page} 版{}）；此稿位删去", at_line(*first_line))
        }
        Problem::OffGrid { page, item, off } => {
            format!("第 {page} 版的稿件「{item}」：{}；移入待排稿", off_grid(*off))
        }
        Problem::BadDepth { item, depth, .. } => format!(
            "稿件「{item}」的高度为 Fixed({depth})，应为 Fixed(1) 到 Fixed({}) 或 Auto；改为 Auto",
            crate::format::MAX_DEPTH
        ),
        Problem::NotAnArticle { page, item, kind, fields } => {
            let kind = match kind {
                crate::model::ItemKind::Photo => "图片",
                crate::model::ItemKind::Notice => "公告",
                crate::model::ItemKind::Article => "文章",
            };
            format!(
                "第 {page} 版的稿位「{item}」写了 {}，但它是{kind}；只有文章才有这些设置；已略去",
                fields.join("、")
            )
        }
        Problem::Overlap { page, item, part, other, other_part } => {
            format!("第 {page} 版：{}与{}重叠", box_of(item, *part), box_of(other, *other_part))
        }
        Problem::BelowFoot { page, item, part, lines } => {
            format!("第 {page} 版：{}超出版底 {lines} 行", box_of(item, *part))
        }
        Problem::Overset { page, item, part, lines, chars } => {
            format!("第 {page} 版：{}超版 {lines} 行、{chars} 字", box_of(item, *part))
        }
        Problem::MergeConflict { item, note, .. } if item.is_empty() => {
            format!("版面本身的合并冲突：{}；请在编辑器里定下来再保存", merge_note(note))
        }
        Problem::MergeConflict { item, note, .. } => {
            format!("合并冲突「{item}」：{}；请在编辑器里定下来再保存", merge_note(note))
        }
        Problem::MissingPart { page, item, part, missing } => format!(
            "第 {page} 版：「{item}」第 {part} 部分{}第 {missing} 部分，但第 {missing} 部分不在任何版面上；请排上它，或把第 {part} 部分撤下",
            if missing < part { "上接" } else { "下转" }
        ),
        Problem::PartBinnedWith { page, item, part, with } => format!(
            "第 {page} 版：「{item}」第 {part} 部分也随前面的第 {with} 部分撤回待排稿：前一部分在待排稿里，后面的部分不能留在版上；请从待排稿重新排上"
        ),
        Problem::EmptyPart { page, item, part } => format!(
            "第 {page} 版：「{item}」第 {part} 部分没有正文，正文都排在前面的部分里了；请把第 {part} 部分撤下，或把前一部分改浅"
        ),
        Problem::ShallowPart { page, item, part, first } if first == part => format!(
            "第 {page} 版：「{item}」第 {part} 部分没有正文：它太浅，标题之外排不下一行正文；请把第 {part} 部分加高，或少分几部分转版"
        ),
        Problem::ShallowPart { page, item, part, first } => format!(
            "第 {page} 版：「{item}」第 {part} 部分没有正文，{}也没有：都太浅，标题之外排不下一行正文；请把它们加高，或少分几部分转版",
            if *first + 1 == *part {
                format!("第 {first} 部分")
            } else {
                format!("第 {first}–{} 部分", part - 1)
            }
        ),
        Problem::NothingContinued { page, item, part } => format!(
            "第 {page} 版：「{item}」第 {part} 部分下转，但余下的正文它都排得下，待排稿中的第 {} 部分没有正文；请把第 {part} 部分改浅，或把它撤下再排上",
            part + 1
        ),
        Problem::AllCut { page, item, part, cut, sentences } => format!(
            "第 {page} 版：{}正文共 {sentences} 句，删去 {cut} 句，全部删光，只剩标题；请恢复一些（编辑器里按 C），或把它撤下",
            box_of(item, *part)
        ),
        Problem::MissingGlyph { item, field, ch, font, .. } => format!(
            "稿件「{item}」的{}：字体 {font} 缺字 {} {ch}；请用 --font 指定有此字的字体，或改用别的写法",
            field_name(field),
            crate::problem::text::code_point(*ch)
        ),
        Problem::EmptyHeadline { item } => {
            format!(
                "稿件「{item}」的标题是空的，会在正文上方排成空行；请写上标题，或给它的稿位另拟标题（编辑器里按 r）"
            )
        }
        Problem::EmptyBody { item, notice: false } => {
            format!("稿件「{item}」没有正文，只剩标题；请写上正文，或把它从稿件文件里删去")
        }
        Problem::EmptyBody { item, notice: true } => {
            format!("启事「{item}」没有正文，版面上只剩空框；请写上正文，或把它从稿件文件里删去")
        }
        Problem::SpacedId { item } => format!(
            "稿件编号「{item}」首尾有空格，看不出来：版面文件写「{seen}」会找错稿件或找不到；请写作 id: \"{seen}\"，版面文件里也照此写",
            seen = item.trim_matches(' ')
        ),
        Problem::EmptyTitle { item } => format!("启事「{item}」的题目是空的，会在上方线条下排成空行；请写上题目"),
        Problem::EmptyCaption { item } => format!("图片「{item}」的图片说明是空的，会在图片下排成空行；请写上图片说明"),
    }
}

fn off_grid(off: OffGrid) -> String {
    match off {
        OffGrid::Column { column, columns } => format!("起始栏为 {column}，应为 1 到 {columns}（栏从 1 数起）"),
        OffGrid::NoSpan { room } => format!("栏宽为 0，应为 1 到 {room}"),
        OffGrid::PastGrid { column, last, columns } => format!("第 {column}–{last} 栏超出版面的 {columns} 栏"),
        OffGrid::Line { line, last_line, depth } => format!(
            "起始行为 {line}，应为 1 到 {last_line}（行从 1 数起；本版 {depth} 行，被推下的稿件可从版底以下 {} 行内起排）",
            last_line - depth
        ),
    }
}

/// A page's overlaps, said first in its totals, and only when there are any.
fn overlaps_first(overlaps: usize) -> String {
    if overlaps > 0 { format!("重叠 {overlaps} 处，") } else { String::new() }
}

/// `，写在文件第 N 行`, when the line is known.
fn at_line(line: Option<usize>) -> String {
    line.map(|line| format!("，写在文件第 {line} 行")).unwrap_or_default()
}

/// A remedy as the page editor would do it.
fn remedy(kind: RemedyKind, value: u32, cut_chars: Option<u32>) -> String {
    match kind {
        RemedyKind::Depth => format!("高度改为 {value} 行"),
        RemedyKind::HeadSize => format!("标题字号改为 {value} 字"),
        RemedyKind::Span => format!("改为 {value} 栏宽"),
        RemedyKind::Continue => format!("转版为第 {value} 部分"),
        RemedyKind::Cut if value == 0 => "恢复删去的全部句子".to_string(),
        RemedyKind::Cut => format!("删去末尾 {value} 句（{} 字）", cut_chars.unwrap_or(0)),
    }
}

/// 合适, 余 3 行, 超版 5 行 for a fit in lines.
fn lines_badge(fit: i64) -> String {
    match fit {
        0 => "合适".to_string(),
        n if n > 0 => format!("余 {n} 行"),
        n => format!("超版 {} 行", n.unsigned_abs()),
    }
}

/// 千分比写作百分数，一位小数：27 → "2.7%"。
fn per_mille(part: u32, whole: u32) -> String {
    let pm = u64::from(part) * 1000 / u64::from(whole.max(1));
    format!("{}.{}%", pm / 10, pm % 10)
}

pub fn make_line(m: &MakeLine) -> String {
    use crate::layout::make::LeftReason;
    use MakeLine::*;
    match m {
        PageHead { page, placed, kept, free, column_lines, short_boxes, short_lines, cut } => format!(
            "第 {page} 版：排入 {placed} 篇，保留 {kept} 篇；空行 {free}／{column_lines}（{}）；余行稿件 {short_boxes} 篇（{short_lines} 行）；删 {cut} 句",
            per_mille(*free, *column_lines)
        ),
        Placed { id, kind, first, last, top, bottom, short, cut } => {
            let mut fit = if *short == 0 { "合适".to_string() } else { format!("余 {short} 行") };
            if *cut > 0 {
                fit += &format!("，删 {cut} 句");
            }
            let kind = label(&Label::Kind(*kind));
            format!(
                "  排入 {} {} {} 第 {top}–{bottom} 行  {fit}",
                pad(id, 24),
                pad(&kind, 4),
                pad(&label(&Label::Columns { first: *first, last: *last }), 13)
            )
        }
        Left { id, reason } => {
            let why = match reason {
                LeftReason::TooDeep => "任何栏宽都超出版面高度",
                LeftReason::LegsTooDeep => "版面排得下的栏宽每栏都超过 60 行：请删稿或转版",
                LeftReason::NoticeTooDeep => "任何栏宽都超过版面高度的三分之一：版底启事至多占三分之一",
                LeftReason::NoCopy => "无稿：各栏目皆空",
                LeftReason::NoPage => "计划见报的版不在本期",
                LeftReason::NoRoom => "版面已无合规位置",
                LeftReason::NotOffered => "未排定版面，也未送排：各版稿件已够",
                LeftReason::ArticleNotPlaced => "所配文章不在本版",
                LeftReason::PlannedElsewhere => "从重排的版上撤下，计划见报的版本次未排",
                LeftReason::ContinuedPart => "转版稿件的一部分：自动组版不排，请手工排",
                LeftReason::Waiting => "计划见报的版本次未组",
            };
            format!("  留下 {} {why}", pad(id, 24))
        }
        LeadNotAtTop { id } => format!("  违规 头条 {id} 未能排在第 1 行"),
        LeadNarrow { id, span, columns, cause } => {
            let why = match cause {
                NarrowCause::KeptBoxes => "保留稿件使第 1 行没有半版宽的位置",
                NarrowCause::ShortCopy => "稿件太短，排半版宽每栏不足六行",
            };
            format!("  违规 头条 {id} 仅占 {span} 栏（共 {columns} 栏）：{why}")
        }
        KeptOverset { id } => format!("  违规 保留稿件 {id} 超版"),
        SecondLead { id, lead } => format!("  违规 {id} 也计划为本版头条（优先级 1）；头条为 {lead}"),
        NoticeLead { id } => format!("  违规 启事 {id} 计划为本版头条（优先级 1）；启事照例排在版底"),
        KeptOverlap { id, other } => format!("  违规 保留稿件 {id} 与 {other} 重叠"),
        KeptPastFoot { id } => format!("  违规 保留稿件 {id} 超出版底"),
        KeptEmpty { id } => format!("  违规 保留稿件 {id} 正文全无，只剩标题"),
        ShortOfCopy { offered, open } => {
            format!("  稿量 可排稿件 {offered} 栏行，版面空 {open} 栏行：稿件不足，排不满本版")
        }
        Gap { first, last, top, bottom } => {
            let columns = label(&Label::Columns { first: *first, last: *last });
            format!("  空档 {columns}第 {top}–{bottom} 行留空、下有稿件：请手工补排或合拢")
        }
        NothingFits { open } => {
            format!("  稿量 版面空 {open} 栏行，送排稿件在任何栏宽下都排不下：版面太小，不是稿件不足")
        }
        NothingFitsByRules { open } => {
            format!("  稿量 版面空 {open} 栏行，送排稿件在任何栏宽下都不合排版规则：原因见各稿")
        }
        BinHead { items } => format!("待排稿：{items} 篇未上任何版"),
        WaitHead { items } => format!("待排稿：{items} 篇留待本次未组的版"),
        Waits { id, page } => format!("  待排 {} 计划见报第 {page} 版，本次未组", pad(id, 24)),
        Total { pages, placed, left, waiting, free, column_lines } => format!(
            "已组 {pages} 个版：排入 {placed} 篇，{left} 篇留在待排稿{}；空行 {free}／{column_lines}（{}）",
            if *waiting > 0 { format!("，{waiting} 篇等待未组的版") } else { String::new() },
            per_mille(*free, *column_lines)
        ),
        FreeSoFar { free } => format!("空行 {free}"),
        NotesKept { notes } => format!("版面中有 {notes} 条合并冲突待定，已保留：请在编辑器里定下来再保存"),
        CommentsDropped { lines } => format!("注释未保留（{lines} 行）：自动组版像保存一样重写版面文件"),
        OpenInEditor { owner } => {
            format!("版面文件正在 pasteup 中打开（{owner}）：那个编辑器会问是否载入或合并自动组版的结果")
        }
    }
}

/// A box named on the page: the item's id in 「」, and its part if the article is continued.
fn box_of(item: &str, part: u32) -> String {
    super::part_id(&format!("「{item}」"), part, UiLang::ZhHans)
}

/// What a one-argument command takes, in words; `None` for a command that takes nothing.
fn arg(what: CommandArg) -> Option<&'static str> {
    Some(match what {
        CommandArg::ItemId => "稿件编号",
        CommandArg::Line => "行号",
        CommandArg::Column => "栏号",
        CommandArg::Span => "栏数",
        CommandArg::Depth => "行数或 auto",
        CommandArg::Page => "版号",
        CommandArg::Text => "要查找的文字",
        CommandArg::Nothing => return None,
    })
}

/// A warning met opening the files, in Chinese: the same data as [`super::en::note`].
/// Why the press PDF has no fonts to print with (found from outside: said in English while
/// the characters the fonts lack were said in Chinese).
pub fn font_error(e: &crate::export::fonts::FontError) -> String {
    use crate::export::fonts::{FONT_PACKAGE, FontError};
    use crate::format::printable;
    match e {
        FontError::NoCjkFont => format!(
            "找不到中日韩字体（查找了 Noto Serif CJK、Noto Sans CJK、Source Han Serif 和 Source Han Sans）；\
             请安装 {FONT_PACKAGE} 包（apt-get install {FONT_PACKAGE}），或用 --font FILE 指定字体文件"
        ),
        FontError::NotCjk { font, used } => format!(
            "字体 {} 没有稿件所用 {used} 个汉字中的任何一个：它不是中日韩字体；\
             请用 --font 指定中日韩字体文件，或安装 {FONT_PACKAGE} 包并去掉 --font",
            printable(font)
        ),
        // A file that cannot be used at all is said as reading bad input is, in English
        // (docs/interface-language.md).
        FontError::NotAFont { .. } => e.to_string(),
    }
}

/// Why the press PDF could not be made. What the PDF writer itself said of a font or of the
/// file is quoted as it said it, inside the Chinese.
pub fn pdf_error(e: &crate::export::pdf::PdfError) -> String {
    use crate::export::pdf::{EM_PT_RANGE, MAX_PAGE_PT, PdfError};
    match e {
        PdfError::EmPt(pt) => format!(
            "--em-pt 为 {pt}，应为每字 {} 到 {} 点（9 点即小五，报纸正文的字号）",
            EM_PT_RANGE.start(),
            EM_PT_RANGE.end()
        ),
        PdfError::PageTooLarge { page, side, em_pt, fits } => format!(
            "第 {page} 版在 --em-pt {em_pt} 下边长 {side:.0} 点，超过 PDF 阅读器必须能显示的 {MAX_PAGE_PT:.0} 点；请用 --em-pt {fits:.1} 或更小"
        ),
        PdfError::Font(what) => format!("{what}；请用 --font 指定别的字体文件"),
        PdfError::Writer(what) => format!("PDF 写不出：{what}"),
    }
}

pub fn note(n: &Note) -> String {
    use crate::format::printable;
    match n {
        Note::PhotoUnsized { file, id, image, why, height } => {
            let why = image_trouble(why);
            let keeps = match height {
                Some(h) => format!("图片保持原高 {h} 行"),
                None => "图片高度无法由图片算出".to_string(),
            };
            let (file, id, image) = (printable(file), printable(id), printable(image));
            format!("{file}：警告：图片「{id}」的文件 {image}：{why}；{keeps}")
        }
        Note::NewLayout { layout } => format!("{}：新版面，所有稿件先放在待排稿中", printable(layout)),
        Note::OtherIssue { layout, named, named_path, open } => format!(
            "{}：警告：此版面属于稿件「{}」（{}），但打开的是 {}；版面上的位置照原样使用",
            printable(layout),
            printable(named),
            printable(named_path),
            printable(open)
        ),
        Note::RecoveryUnreadable { file, error } => {
            format!("{}：读不了恢复文件：{}", printable(file), printable(error))
        }
        Note::RecoveryNotAFile { file } => format!("{}：恢复文件不是普通文件，已跳过", printable(file)),
        Note::RecoveryOtherHost { file, owner } => format!(
            "{}：另一台计算机上 {} 未保存的排版，留给那台计算机（要在这里取用，把它复制到排版文件上）",
            printable(file),
            printable(owner)
        ),
        Note::RecoveryTooLarge { file } => format!("{}：恢复文件超过 64 MiB，已跳过", printable(file)),
        Note::RecoveryWaiting { file } => {
            format!("停止的编辑器未保存的排版保存在 {}；文件能打开时，编辑器会提出恢复", printable(file))
        }
        Note::GreyFrame { file, id, image, why } => {
            let (file, id, image, why) = (printable(file), printable(id), printable(image), image_trouble(why));
            format!("{file}：警告：图片「{id}」的文件 {image}：{why}；画成灰框")
        }
        Note::CannotSave { layout, why } => format!("{}：{}", printable(layout), save_trouble(why)),
    }
}

/// Why a photo's image cannot be used, in Chinese (what the system says stays as it said it).
fn image_trouble(why: &crate::format::ImageTrouble) -> String {
    use crate::format::{ImageTrouble::*, printable};
    match why {
        Missing => "没有这个文件".to_string(),
        NotAFile => "不是普通文件".to_string(),
        FileUnreadable { detail } => format!("文件读不了（{}）", printable(detail)),
        TooLarge { most_mb } => format!("文件大于 {most_mb} MB"),
        NotAnImage => "不是 PNG、JPEG、GIF 或 WebP 图片".to_string(),
        Unreadable { detail } => format!("图片读不了（{}）", printable(detail)),
        Size { width, height } => format!("图片标明的尺寸为宽 {width}、高 {height} 像素"),
        TooManyPixels { width, height, most_million } => {
            format!("图片宽 {width}、高 {height} 像素，超过单张图片 {most_million} 百万像素的上限")
        }
        Cut => "图片读不了：文件在图片结束之前就断了".to_string(),
        Malformed => "图片读不了：文件头已损坏或不实".to_string(),
        Damaged { .. } => "图片已损坏：无法解码".to_string(),
    }
}

/// Why a save did not happen, in Chinese (what the system said stays as it said it).
pub fn save_trouble(why: &SaveTrouble) -> String {
    use crate::format::{SaveStep, printable};
    match why {
        SaveTrouble::IsFolder => "这是文件夹，不是文件".to_string(),
        SaveTrouble::NotWritableKind => "不是普通文件、管道或字符设备（套接字或磁盘？），不写入".to_string(),
        SaveTrouble::LinkLoop => "符号链接层数太多".to_string(),
        SaveTrouble::ReadOnly => "文件是只读的；先改为可写（chmod u+w），或换一个文件名".to_string(),
        SaveTrouble::NotPermitted => {
            "你无权写这个文件（文件所有者没有给你写权限）；请找所有者开放，或换一个文件名".to_string()
        }
        SaveTrouble::NoFolder { dir } => {
            let dir = printable(dir);
            format!("文件夹 {dir} 不存在；先建好它（mkdir -p {dir}），或换一个文件夹")
        }
        SaveTrouble::NotAFolder { dir } => format!("{} 不是文件夹；请指定文件夹里的文件", printable(dir)),
        SaveTrouble::PipeUnread => "写不进去：这个管道没有程序在读".to_string(),
        SaveTrouble::ChangedMeanwhile => "保存途中另一个程序写了这个文件；保留对方的，未覆盖".to_string(),
        SaveTrouble::System { step, error } => {
            let step = match step {
                SaveStep::ReadLink => "读不了链接".to_string(),
                SaveStep::TempFile { dir } => format!("无法在 {} 中建临时文件", printable(dir)),
                SaveStep::Write => "写不进去".to_string(),
                SaveStep::Permissions => "设不了权限".to_string(),
                SaveStep::Flush => "无法写到磁盘上".to_string(),
                SaveStep::Replace => "替换不了文件".to_string(),
                SaveStep::Open => "打不开".to_string(),
                SaveStep::MakeFolder => "建不了文件夹".to_string(),
            };
            format!("{step}：{}", printable(error))
        }
        SaveTrouble::IssueNameNotUtf8 { name } => format!(
            "稿件文件名 {} 不是 UTF-8，版面文件无法写明它；请改名，例如 `convmv -f GBK -t UTF-8 --notest FILE`",
            printable(name)
        ),
    }
}

/// Why an issue or layout could not be read, in Chinese (what the system said stays as it
/// said it).
pub fn read_trouble(why: &ReadTrouble) -> String {
    use crate::format::{Legacy, printable};
    match why {
        ReadTrouble::Missing => "没有这个文件；请检查文件名和文件夹".to_string(),
        ReadTrouble::NoPermission => "打不开：没有读取权限；请申请读取权限，或把它复制到你能读的地方".to_string(),
        ReadTrouble::NotOpened { error } => format!("打不开：{}", printable(error)),
        ReadTrouble::Folder => "打不开：这是文件夹，要的是 .ron 文件".to_string(),
        ReadTrouble::Device => "打不开：这是设备，不是文件；要的是 .ron 文件".to_string(),
        ReadTrouble::NotPlainFile => "未读取：不是普通文件（是管道或设备）；请把它换成文件".to_string(),
        ReadTrouble::TooLarge { mib } => format!("文件有 {mib} MiB，超过 64 MiB 的上限；是不是拿错了文件？"),
        ReadTrouble::Grew => "文件在读取时变大，超过了 64 MiB 的上限".to_string(),
        ReadTrouble::NotRead { error } => format!("读不了：{}", printable(error)),
        ReadTrouble::Utf16 => "文件是 UTF-16 编码，要的是 UTF-8；请用 `iconv -f UTF-16 -t UTF-8` 转换".to_string(),
        ReadTrouble::CutShort => "文件在一个字符中间意外结束，看来文件不完整".to_string(),
        ReadTrouble::Legacy(legacy) => {
            let looks = match legacy {
                Legacy::Gb18030 => "GB18030/GBK，中文编辑部常用",
                Legacy::Big5 => "Big5，繁体中文常用",
                Legacy::ShiftJis => "Shift_JIS，Windows 上的日文常用",
                Legacy::EucJp => "EUC-JP，日文常用",
            };
            let name = legacy.iconv_name();
            format!("文件不是 UTF-8 编码（看来是 {looks}）；请用 `iconv -f {name} -t UTF-8` 转换")
        }
        ReadTrouble::BadByte { byte, cut_off: true } => {
            format!("文件不是 UTF-8 编码：字节 0x{byte:02X} 开始的字符不完整；请存为 UTF-8")
        }
        ReadTrouble::BadByte { byte, cut_off: false } => {
            format!("文件不是 UTF-8 编码：字节 0x{byte:02X} 既不能开始也不能接续一个字符；请存为 UTF-8")
        }
        ReadTrouble::NamedIssueMissing { named, path } => format!(
            "这是版面文件；它指定的稿件「{}」（{}）不存在：请指定稿件文件，并用 --layout 指定这个文件",
            printable(named),
            printable(path)
        ),
    }
}

/// 版面的问题：重叠、合计、超版、超出版底中不为零的几项，否则“合适”。
fn wrong_on_page(fit: i64, overset: usize, past_foot: usize, overlaps: usize) -> String {
    let counts = [overlaps as i64, fit, overset as i64, past_foot as i64];
    super::what_is_wrong(
        counts,
        [&|n| format!("重叠 {n} 处"), &|n| format!("合计 {n:+} 行"), &|n| format!("超版 {n} 篇"), &|n| {
            format!("超出版底 {n} 篇")
        }],
        "，",
        "合适",
    )
}

/// `X` 撤下稿件时补充的一句：下面的稿件是否上提。
fn pulled_clause(pulled: Option<bool>) -> &'static str {
    match pulled {
        Some(true) => "；下面的稿件已上提",
        Some(false) => "；下面没有稿件能上提",
        None => "",
    }
}
