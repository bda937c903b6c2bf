//! The command line speaks the interface language: `check` and `proof` text in Chinese under a
//! Chinese locale or `--ui-lang zh-Hans`, English under `--ui-lang en`; `--json` the same in
//! both; CJK columns of `check` lined up by the page's width rules.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::process::Command;

use pasteup_core::fit::width::str_cells;

const ISSUE: &str = "layouts/taiyuan-2023-02-10.ron";

/// Runs pasteup in the repository with `locale` as `LANG` (no `LC_ALL`, `LC_MESSAGES`).
fn pasteup(args: &[&str], locale: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .expect("run pasteup");
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn check_speaks_the_locale_and_the_flag_overrides_it() {
    let zh = pasteup(&["check", ISSUE], "zh_CN.UTF-8");
    assert!(zh.starts_with("太原日报 2023-02-10：2 个版，12 篇稿件（已上版 6 篇，待排稿 6 篇）\n"), "{zh}");
    assert!(zh.contains("\n待排稿：6 篇\n"), "{zh}");
    assert!(zh.trim_end().ends_with("全部合适：没有超版、重叠或超出版面的稿件"), "{zh}");
    assert_eq!(pasteup(&["check", ISSUE, "--ui-lang", "zh-Hans"], "C.UTF-8"), zh);

    let en = pasteup(&["check", ISSUE, "--ui-lang", "en"], "zh_CN.UTF-8");
    assert!(en.starts_with("太原日报 2023-02-10 — 2 pages, 12 items (6 placed, 6 in the bin)\n"), "{en}");
    assert!(en.trim_end().ends_with("all fits: no overset, overlapping or off-page items"), "{en}");
    assert_eq!(pasteup(&["check", ISSUE], "en_US.UTF-8"), en);
}

#[test]
fn check_lines_up_its_chinese_columns() {
    let zh = pasteup(&["check", ISSUE, "--ui-lang", "zh-Hans"], "C.UTF-8");
    // Each box line: id, columns, then `第 a–b 行` at one cell whatever the CJK before it.
    let starts: Vec<u32> = zh
        .lines()
        .filter(|l| l.contains(" 栏 ") && l.contains(" 行 "))
        .map(|l| str_cells(&l[..l.find("第   ").expect("the lines column")], false))
        .collect();
    assert_eq!(starts.len(), 6, "{zh}");
    assert!(starts.iter().all(|&c| c == 2 + 24 + 1 + 13 + 1), "{starts:?}\n{zh}");
    // The table's rows: five numbers a column, right-aligned after a 9-cell name.
    let used = zh.lines().find(|l| l.trim_start().starts_with("已用")).expect("the used row");
    assert_eq!(str_cells(used, false), 2 + 9 + 8 * 5, "{used:?}");
}

/// Found from outside: `yosan-seiritsu（第 2 部分）` ran past the 24-cell id column, pushing
/// its line out of true. The column is as wide as the widest id on the report, on every page
/// and in the bin.
#[test]
fn check_widens_its_id_column_for_a_long_part_name() {
    let dir = tempfile::tempdir().unwrap();
    let issue = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts/taiyuan-2023-02-10.ron");
    let layout = dir.path().join("t.layout.ron");
    let placements = [
        r#"Placement(item: "jinyuan-ten-projects", column: 1, span: 2, line: 1, depth: Fixed(10))"#,
        r#"Placement(item: "jinyuan-ten-projects", column: 3, span: 2, line: 1, depth: Auto, part: 2)"#,
        r#"Placement(item: "jinyuan-livable", column: 5, span: 3, line: 1, depth: Auto)"#,
    ];
    let text =
        format!("Layout(issue: {issue:?}, pages: [PageLayout(number: 3, placements: [{}])])", placements.join(", "));
    std::fs::write(&layout, text).unwrap();
    let zh = pasteup(&["check", issue, "--layout", layout.to_str().unwrap(), "--ui-lang", "zh-Hans"], "C.UTF-8");
    let long = str_cells("jinyuan-ten-projects（第 2 部分）", false);
    // Box lines: the columns label after the id column; bin lines: the kind.
    let label = |l: &str| [" 第 ", " 文章", " 图片", " 启事"].iter().filter_map(|m| l.find(m)).min().map(|at| at + 1);
    let starts: Vec<u32> = zh
        .lines()
        .filter(|l| (l.contains(" 栏 ") && l.contains(" 行 ")) || l.contains(" 单栏 "))
        .map(|l| str_cells(&l[..label(l).expect("a label")], false))
        .collect();
    assert_eq!(starts.len(), 3 + 10, "{zh}");
    assert!(starts.iter().all(|&c| c == 2 + long + 1), "{starts:?}\n{zh}");
}

#[test]
fn proof_speaks_chinese_and_json_stays_english() {
    let zh = pasteup(&["proof", ISSUE, "--item", "jinyuan-livable"], "zh_CN.UTF-8");
    assert!(zh.starts_with("jinyuan-livable · 文章 · 守护青山绿水 增进民生福祉\n"), "{zh}");
    assert!(zh.contains("  第 3 版，第 1–3 栏，第 1 行起，高度 自动：稿高 29 行，需 29 行，合适\n"), "{zh}");
    assert!(zh.contains("\n  框内第 1 栏（26 行）：\n"), "{zh}");
    let en = pasteup(&["proof", ISSUE, "--item", "jinyuan-livable"], "C.UTF-8");
    assert!(en.contains("  page 3, columns 1–3, line 1, depth auto: box 29 lines, needs 29 — fits\n"), "{en}");
    assert!(en.contains("\n  leg 1 (26 lines):\n"), "{en}");
    for command in ["proof", "check"] {
        let json = |locale| pasteup(&[command, ISSUE, "--json"], locale);
        assert_eq!(json("zh_CN.UTF-8"), json("C.UTF-8"), "{command} --json depends on the locale");
    }
}

/// Runs pasteup in `dir` under `locale` (as [`pasteup`]): its exit code and standard error.
fn refused(args: &[&str], locale: &str, dir: &std::path::Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .expect("run pasteup");
    (out.status.code(), String::from_utf8(out.stderr).expect("UTF-8 errors"))
}

/// Found from outside: an issue or layout that could not be read (missing, a folder, not
/// UTF-8) was said in English under a Chinese locale, by `check` and the editor alike. Why is
/// said in the interface's language, after the file's name and place; the exit code is 2 in
/// both.
#[test]
fn a_file_that_cannot_be_read_is_said_in_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    let issue = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(ISSUE)).unwrap();
    std::fs::write(dir.path().join("t.ron"), &issue).unwrap();
    std::fs::create_dir(dir.path().join("folder.ron")).unwrap();
    // `Issue(paper: "太原日报"` in GB18030: 太 is CC AB.
    let (gbk, _, _) = encoding_rs::GB18030.encode("Issue(\n  paper: \"太原日报\",\n)");
    std::fs::write(dir.path().join("gbk.ron"), &gbk).unwrap();
    std::fs::write(dir.path().join("ff.ron"), b"Issue(\xFF)").unwrap();
    std::fs::write(dir.path().join("utf16.ron"), b"\xFF\xFEI\0s\0").unwrap();
    std::fs::write(dir.path().join("cut.ron"), &"Issue(paper: \"太".as_bytes()[..16]).unwrap();
    std::fs::write(dir.path().join("big.ron"), b"").unwrap();
    std::fs::File::options().write(true).open(dir.path().join("big.ron")).unwrap().set_len(65 << 20).unwrap();
    std::fs::write(dir.path().join("lost.layout.ron"), "Layout(issue: \"gone.ron\", pages: [])").unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["check", "missing.ron"],
            "missing.ron: there is no such file; check its name and folder",
            "missing.ron: 没有这个文件；请检查文件名和文件夹",
        ),
        (
            &["check", "folder.ron"],
            "folder.ron: cannot open: it is a folder, expected a .ron file",
            "folder.ron: 打不开：这是文件夹，要的是 .ron 文件",
        ),
        (
            &["proof", "t.ron", "--layout", "folder.ron"],
            "folder.ron: cannot open: it is a folder, expected a .ron file",
            "folder.ron: 打不开：这是文件夹，要的是 .ron 文件",
        ),
        (
            &["check", "gbk.ron"],
            "gbk.ron:2:11: file is not UTF-8 (it looks like GB18030/GBK, common in Chinese newsrooms); \
             convert it with `iconv -f GB18030 -t UTF-8`",
            "gbk.ron:2:11: 文件不是 UTF-8 编码（看来是 GB18030/GBK，中文编辑部常用）；请用 `iconv -f GB18030 -t UTF-8` 转换",
        ),
        (
            &["fit", "ff.ron"],
            "ff.ron:1:7: file is not UTF-8: byte 0xFF cannot start or continue a character; save it as UTF-8",
            "ff.ron:1:7: 文件不是 UTF-8 编码：字节 0xFF 既不能开始也不能接续一个字符；请存为 UTF-8",
        ),
        (
            &["make", "utf16.ron"],
            "utf16.ron:1:1: file is UTF-16, expected UTF-8; convert it with `iconv -f UTF-16 -t UTF-8`",
            "utf16.ron:1:1: 文件是 UTF-16 编码，要的是 UTF-8；请用 `iconv -f UTF-16 -t UTF-8` 转换",
        ),
        (
            &["export", "cut.ron", "--format", "text", "-o", "out.txt"],
            "cut.ron:1:15: unexpected end of file in the middle of a character; the file looks cut short",
            "cut.ron:1:15: 文件在一个字符中间意外结束，看来文件不完整",
        ),
        (
            &["check", "big.ron"],
            "big.ron: file is 65 MiB, larger than the 64 MiB limit; is it the right file?",
            "big.ron: 文件有 65 MiB，超过 64 MiB 的上限；是不是拿错了文件？",
        ),
        (
            &["check", "lost.layout.ron"],
            "lost.layout.ron: this is a layout; the issue it names, \"gone.ron\" (gone.ron), is not there: \
             name the issue, and this file with --layout",
            "lost.layout.ron: 这是版面文件；它指定的稿件「gone.ron」（gone.ron）不存在：请指定稿件文件，并用 --layout 指定这个文件",
        ),
        // The editor, before it takes the terminal.
        (
            &["missing.ron"],
            "missing.ron: there is no such file; check its name and folder",
            "missing.ron: 没有这个文件；请检查文件名和文件夹",
        ),
        (
            &["gbk.ron", "--ui-lang", "en"],
            "gbk.ron:2:11: file is not UTF-8 (it looks like GB18030/GBK, common in Chinese newsrooms); \
             convert it with `iconv -f GB18030 -t UTF-8`",
            "gbk.ron:2:11: file is not UTF-8 (it looks like GB18030/GBK, common in Chinese newsrooms); \
             convert it with `iconv -f GB18030 -t UTF-8`",
        ),
    ];
    for (args, en, zh) in cases {
        for (locale, said) in [("C.UTF-8", en), ("zh_CN.UTF-8", zh)] {
            let (code, stderr) = refused(args, locale, dir.path());
            assert_eq!(code, Some(2), "{args:?} {locale}: {stderr}");
            assert_eq!(stderr.lines().next(), Some(*said), "{args:?} {locale}:\n{stderr}");
        }
    }
    // `--ui-lang zh-Hans` wins over an English locale, as for every other message.
    let (_, stderr) = refused(&["check", "missing.ron", "--ui-lang", "zh-Hans"], "C.UTF-8", dir.path());
    assert_eq!(stderr.trim_end(), "missing.ron: 没有这个文件；请检查文件名和文件夹");
    assert!(!dir.path().join("out.txt").exists(), "nothing was written");
}
