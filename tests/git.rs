//! The newsroom's git, with the real `git` binary: two page editors on branches, the layout
//! merge driver and the layout diff, exactly as the README's "Working with git" sets them up.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pasteup");
const LAYOUT: &str = "pages/taiyuan-2023-02-10.layout.ron";

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// A repository holding the sample issue and its layout, with the driver configured as
    /// the README says (`.gitattributes` and the `git config` lines).
    fn new(with_driver: bool) -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repo { dir };
        repo.git(&["init", "-q", "-b", "main"]);
        let root = env!("CARGO_MANIFEST_DIR");
        std::fs::create_dir_all(repo.path("pages")).unwrap();
        std::fs::create_dir_all(repo.path("assets")).unwrap();
        for f in ["taiyuan-2023-02-10.ron", "taiyuan-2023-02-10.layout.ron"] {
            std::fs::copy(Path::new(root).join("layouts").join(f), repo.path("pages").join(f)).unwrap();
        }
        for f in ["snow-traffic.png", "xishan-railway.png", "power-grid.png"] {
            std::fs::copy(Path::new(root).join("assets").join(f), repo.path("assets").join(f)).unwrap();
        }
        if with_driver {
            std::fs::write(repo.path(".gitattributes"), "*.layout.ron merge=pasteup diff=pasteup\n").unwrap();
            repo.configure();
        }
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "page plan"]);
        repo
    }

    /// The README's three `git config` lines, which each clone needs of its own.
    fn configure(&self) {
        self.git(&["config", "merge.pasteup.driver", &format!("{BIN} merge -- %O %A %B %P")]);
        self.git(&["config", "merge.pasteup.recursive", "binary"]);
        self.git(&["config", "diff.pasteup.command", &format!("{BIN} diff --")]);
    }

    /// A clone of `origin`, as a page editor makes one from the newsroom server.
    fn clone_of(origin: &Repo) -> Repo {
        let repo = Repo { dir: tempfile::tempdir().unwrap() };
        repo.git(&["clone", "-q", origin.dir.path().to_str().unwrap(), "."]);
        repo
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn run(&self, program: &str, args: &[&str]) -> Output {
        Command::new(program)
            .args(args)
            .current_dir(self.dir.path())
            .env("GIT_AUTHOR_NAME", "desk")
            .env("GIT_AUTHOR_EMAIL", "desk@example.org")
            .env("GIT_COMMITTER_NAME", "desk")
            .env("GIT_COMMITTER_EMAIL", "desk@example.org")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.dir.path())
            .output()
            .unwrap()
    }

    fn git(&self, args: &[&str]) -> Output {
        let out = self.run("git", args);
        assert!(out.status.success() || args[0] == "merge", "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out
    }

    fn layout(&self) -> String {
        self.layout_at(LAYOUT)
    }

    fn layout_at(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Sets `field` of `item`'s placement line in the layout, as an editor's move would.
    fn set(&self, item: &str, field: &str, value: u32) {
        let text = self.layout();
        let key = format!("item: \"{item}\",");
        let edited: Vec<String> = text
            .lines()
            .map(|line| {
                if !line.contains(&key) {
                    return line.to_string();
                }
                let start = line.find(&format!("{field}: ")).unwrap() + field.len() + 2;
                let end = start + line[start..].find(',').unwrap();
                format!("{}{value}{}", &line[..start], &line[end..])
            })
            .collect();
        std::fs::write(self.path(LAYOUT), edited.join("\n") + "\n").unwrap();
    }

    /// Adds a placement line for `item` at the end of page `page`'s list.
    fn place(&self, page: u32, item: &str, column: u16, span: u16, line: u32) {
        let text = self.layout();
        let head = format!("PageLayout(number: {page}, placements: [");
        let at = text.find(&head).unwrap();
        let close = at + text[at..].find("        ]),").unwrap();
        let row = format!(
            "            Placement(item: \"{item}\", column: {column}, span: {span}, line: {line}, depth: Auto),\n"
        );
        std::fs::write(self.path(LAYOUT), format!("{}{row}{}", &text[..close], &text[close..])).unwrap();
    }

    /// Adds `paragraphs` paragraphs at the head of `item`'s body in the issue, as the copy
    /// desk's late copy would: its box at depth Auto runs longer.
    fn lengthen(&self, item: &str, paragraphs: usize) {
        let issue = self.path("pages/taiyuan-2023-02-10.ron");
        let text = std::fs::read_to_string(&issue).unwrap();
        let at = text.find(&format!("id: \"{item}\"")).unwrap();
        let body = at + text[at..].find("body: [").unwrap() + "body: [".len();
        let paragraph = "\n                \"晋源区今年还将推进老旧小区改造、背街小巷整治和城市绿化提升,让群众生活更加便利舒适。\",";
        std::fs::write(&issue, format!("{}{}{}", &text[..body], paragraph.repeat(paragraphs), &text[body..])).unwrap();
    }

    fn commit_on(&self, branch: &str, edit: impl FnOnce(&Repo)) {
        self.git(&["checkout", "-q", "-B", branch, "main"]);
        edit(self);
        self.git(&["commit", "-q", "-am", branch]);
        self.git(&["checkout", "-q", "main"]);
    }

    /// Bob's branch checked out and Alice's merged into it, as the second page editor would.
    fn merge_alice_into_bob(&self) -> Output {
        self.git(&["checkout", "-q", "bob"]);
        self.git(&["merge", "--no-edit", "alice"])
    }

    fn check(&self) -> Output {
        self.run(BIN, &["check", "pages/taiyuan-2023-02-10.ron"])
    }
}

/// The merge stopped (the driver left conflicts) and said `what`.
fn stopped_on(merge: &Output, what: &str) {
    assert!(!merge.status.success(), "{}", text(merge));
    assert!(text(merge).contains(what), "{}", text(merge));
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn two_editors_moving_different_items_merge_cleanly_and_check_passes() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| r.set("jinyuan-ten-projects", "line", 40));
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    repo.git(&["checkout", "-q", "bob"]);
    let merge = repo.git(&["merge", "-q", "--no-edit", "alice"]);
    assert!(merge.status.success(), "{}", text(&merge));
    let layout = repo.layout();
    assert!(layout.contains(r#"Placement(item: "jinyuan-ten-projects", column: 4, span: 2, line: 40, depth: Auto)"#));
    assert!(layout.contains(r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 30, depth: Auto)"#));
    assert!(!layout.contains("conflicts"), "{layout}");
    let check = repo.check();
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
}

#[test]
fn both_moving_one_item_is_a_conflict_that_check_names() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| r.set("jinyuan-ten-projects", "line", 40));
    repo.commit_on("bob", |r| r.set("jinyuan-ten-projects", "line", 60));
    stopped_on(&repo.merge_alice_into_bob(), "jinyuan-ten-projects: both changed it: ours page 3 column 4 line 60");
    // Ours stays on the page, the layout still loads, and check names the conflict.
    let layout = repo.layout();
    assert!(layout.contains("line: 60"), "{layout}");
    assert!(!layout.contains("<<<<<<<"), "{layout}");
    let check = repo.check();
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(text(&check).contains("merge conflict on \"jinyuan-ten-projects\""), "{}", text(&check));
    assert_eq!(text(&check).matches("merge conflict on").count(), 1, "named once: {}", text(&check));
    assert!(text(&check).contains("theirs page 3 column 4 line 40"), "{}", text(&check));
}

/// Alice places a story under column 4 while Bob moves the box there down: the texts merge
/// cleanly line by line, but the boxes overlap. Without the driver git says nothing; with it
/// the merge stops and check names it.
#[test]
fn a_textually_clean_merge_that_overlaps_two_boxes_is_reported() {
    let edits = overlapping_edits;
    let plain = Repo::new(false);
    let merge = edits(&plain);
    assert!(merge.status.success(), "git alone merges the text: {}", text(&merge));
    assert_eq!(plain.check().status.code(), Some(1), "and the page has two boxes on each other");

    let repo = Repo::new(true);
    stopped_on(&edits(&repo), "overlaps");
    let check = repo.check();
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check).contains("merge conflict on"), "{}", text(&check));
}

/// Alice places a story where Bob moves a box: lines apart in the text, one spot on the page.
fn overlapping_edits(repo: &Repo) -> Output {
    repo.commit_on("alice", |r| r.place(3, "yangqu-seven-projects", 4, 2, 20));
    repo.commit_on("bob", |r| r.set("jinyuan-ten-projects", "line", 25));
    repo.merge_alice_into_bob()
}

/// README, "An edition of 40 pages and 20 editors": `git clone` brings `.gitattributes`, which
/// names the driver, but not the `git config` lines that define it; git then merges the layout
/// as text without a word. Run in the clone, the lines bring the driver back.
#[test]
fn a_clone_merges_by_item_only_once_the_config_lines_are_run_in_it() {
    let origin = Repo::new(true);
    let clone = Repo::clone_of(&origin);
    assert!(clone.layout_at(".gitattributes").contains("merge=pasteup"));
    assert!(!clone.run("git", &["config", "merge.pasteup.driver"]).status.success(), "not cloned");
    let merge = overlapping_edits(&clone);
    assert!(merge.status.success(), "merged as text: {}", text(&merge));
    assert!(!text(&merge).contains("pasteup"), "and not a word: {}", text(&merge));
    assert_eq!(clone.check().status.code(), Some(1), "two boxes on each other");

    let clone = Repo::clone_of(&origin);
    clone.configure();
    stopped_on(&overlapping_edits(&clone), "overlaps");
}

/// Found from outside: our branch lengthened an article (the copy desk's three paragraphs: at
/// Auto it runs lines 1–17, not 1–11) and their branch placed a story under its old foot. The
/// driver judged their layout with our issue, took the overlap as theirs already, and the
/// merge went through with exit 0. Each side is judged with its own issue.
#[test]
fn an_overlap_our_longer_article_makes_with_their_new_box_is_a_conflict() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| r.place(3, "yangqu-seven-projects", 4, 2, 13));
    repo.commit_on("bob", |r| {
        r.lengthen("jinyuan-ten-projects", 3);
        // A layout both sides changed: git runs the driver only then.
        r.set("snow-traffic", "line", 20);
    });
    let merge = repo.merge_alice_into_bob();
    stopped_on(&merge, "jinyuan-ten-projects: overlaps \"yangqu-seven-projects\" after the merge");
    let check = repo.check();
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(text(&check).contains("merge conflict on \"jinyuan-ten-projects\": overlaps"), "{}", text(&check));
    // Their box clear of our longer article (line 18 on) is no conflict.
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| r.place(3, "yangqu-seven-projects", 4, 2, 18));
    repo.commit_on("bob", |r| {
        r.lengthen("jinyuan-ten-projects", 3);
        r.set("snow-traffic", "line", 20);
    });
    let merge = repo.merge_alice_into_bob();
    assert!(merge.status.success(), "{}", text(&merge));
    assert_eq!(repo.check().status.code(), Some(0), "{}", text(&repo.check()));
}

/// The same the other way round: their branch lengthened the article, ours placed a box under
/// its old foot. The merged page is judged with the issue as the merge leaves it, their longer
/// copy (ours left the article as the base had it).
#[test]
fn an_overlap_their_longer_article_makes_with_our_new_box_is_a_conflict() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| {
        r.lengthen("jinyuan-ten-projects", 3);
        r.set("snow-traffic", "line", 20);
    });
    repo.commit_on("bob", |r| r.place(3, "yangqu-seven-projects", 4, 2, 13));
    stopped_on(
        &repo.merge_alice_into_bob(),
        "jinyuan-ten-projects: overlaps \"yangqu-seven-projects\" after the merge",
    );
    assert_eq!(repo.check().status.code(), Some(1), "{}", text(&repo.check()));
}

/// Their copy desk trims the article and their page editor fills the lines it gave up; ours
/// moves another box. Judged with our longer copy of the article, their box would overlap it:
/// it is judged with their copy, which the merge brings in.
#[test]
fn a_box_in_the_space_their_shorter_article_gave_up_merges_cleanly() {
    let repo = Repo::new(true);
    repo.lengthen("jinyuan-ten-projects", 3);
    repo.git(&["commit", "-q", "-am", "late copy"]);
    repo.commit_on("alice", |r| {
        r.git(&["checkout", "main~1", "--", "pages/taiyuan-2023-02-10.ron"]);
        r.place(3, "yangqu-seven-projects", 4, 2, 13);
    });
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 20));
    let merge = repo.merge_alice_into_bob();
    assert!(merge.status.success(), "{}", text(&merge));
    assert!(!repo.layout().contains("conflicts"), "{}", repo.layout());
    assert_eq!(repo.check().status.code(), Some(0), "{}", text(&repo.check()));
}

/// Found from outside, as above with the foot: our branch lengthened the article, theirs moved
/// it to line 86, where its old 11 lines (86–96) fit; the merged box runs to line 102 of 100.
#[test]
fn a_box_our_longer_article_pushes_past_the_foot_is_a_conflict() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| r.set("jinyuan-ten-projects", "line", 86));
    repo.commit_on("bob", |r| {
        r.lengthen("jinyuan-ten-projects", 3);
        r.set("snow-traffic", "line", 20);
    });
    let merge = repo.merge_alice_into_bob();
    stopped_on(&merge, "jinyuan-ten-projects: past the foot of the page after the merge");
    assert!(repo.layout().contains("line: 86"), "theirs' move is taken: {}", repo.layout());
}

/// What alice's desk does in two tests: adds the notice `new-notice` to the issue and places
/// it on page 4, columns 6–8, from line 60.
fn add_and_place_a_notice(r: &Repo) {
    let issue = r.path("pages/taiyuan-2023-02-10.ron");
    let text = std::fs::read_to_string(&issue).unwrap();
    let end = text.rfind("\n    ],").unwrap();
    let notice = "\n        Notice(id: \"new-notice\", page: Some(4), title: \"公告\", body: [\"本报讯 新的公告。\"]),";
    std::fs::write(&issue, format!("{}{notice}{}", &text[..end], &text[end..])).unwrap();
    r.place(4, "new-notice", 6, 3, 60);
}

/// Found from outside: a notice their branch adds to the issue was placed with no overlap check
/// (the driver only said to run `pasteup check`): here on the lines our branch has just moved
/// another box to. Their issue gives its box.
#[test]
fn a_box_of_an_item_their_issue_adds_is_checked_for_overlaps() {
    let repo = Repo::new(true);
    repo.commit_on("alice", add_and_place_a_notice);
    repo.commit_on("bob", |r| r.set("traffic-police", "line", 50));
    let merge = repo.merge_alice_into_bob();
    stopped_on(&merge, "new-notice: overlaps \"traffic-police\" after the merge");
    let check = repo.check();
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(text(&check).contains("\"traffic-police\" and \"new-notice\" overlap"), "{}", text(&check));
}

/// Found from outside: on one branch the copy desk adds a notice to the issue and the page
/// editor places it; merged with a move on the other branch, the driver (which sees the issue
/// as it was before the merge) stopped on "not in the issue" over nothing, and the note it
/// left stayed in the layout. It reads their issue from the commit `git merge` merges in.
#[test]
fn an_item_their_branch_adds_to_the_issue_and_places_merges_cleanly() {
    let repo = Repo::new(true);
    repo.commit_on("alice", add_and_place_a_notice);
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    let merge = repo.merge_alice_into_bob();
    assert!(merge.status.success(), "{}", text(&merge));
    assert!(text(&merge).contains("new-notice"), "said: {}", text(&merge));
    let layout = repo.layout();
    assert!(layout.contains(r#"Placement(item: "new-notice", column: 6, span: 3, line: 60, depth: Auto)"#), "{layout}");
    assert!(!layout.contains("conflicts"), "{layout}");
    let check = repo.check();
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    // Without their issue to read (a cherry-pick sets no GITHEAD_), the item is a conflict, as before.
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| r.place(4, "no-such-item", 6, 3, 60));
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    stopped_on(&repo.merge_alice_into_bob(), "no-such-item: not in the issue");
}

/// Found from outside: a page their branch adds to the issue, with a box placed on it, was
/// merged with exit 0 and not a word, though docs/command-line.md promises a page the merge
/// brings in is named on standard error, as an item is.
#[test]
fn a_page_their_branch_adds_to_the_issue_is_named_when_merged() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| {
        let issue = r.path("pages/taiyuan-2023-02-10.ron");
        let text = std::fs::read_to_string(&issue).unwrap();
        let end = text.find("\n    ],").unwrap();
        let page = "\n        Page(number: 5, section: None,\n             grid: Grid(columns: 6, column_width: 13, gutter: 1, depth: 100)),";
        std::fs::write(&issue, format!("{}{page}{}", &text[..end], &text[end..])).unwrap();
        let layout = r.layout();
        let end = layout.rfind("\n    ],").unwrap();
        let row = "\n        PageLayout(number: 5, placements: [\n            Placement(item: \"bingzhou-forum\", column: 1, span: 3, line: 1, depth: Auto),\n        ]),";
        std::fs::write(r.path(LAYOUT), format!("{}{row}{}", &layout[..end], &layout[end..])).unwrap();
    });
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    let merge = repo.merge_alice_into_bob();
    assert!(merge.status.success(), "{}", text(&merge));
    assert!(
        text(&merge)
            .contains("on the pages their issue adds: page 5 (bingzhou-forum); their boxes checked with their issue"),
        "said: {}",
        text(&merge)
    );
    assert!(repo.layout().contains("PageLayout(number: 5"), "{}", repo.layout());
}

/// Found from outside: the copy desk takes a notice out of the issue on one branch while the
/// page editor places it on the other. Their issue still has it, and the merge took it as
/// brought in: exit 0, and a layout `check` refuses. Brought in is only what no merge base had.
#[test]
fn an_item_ours_took_out_of_the_issue_and_they_placed_is_a_conflict() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| r.place(4, "hospital-tender", 1, 2, 80));
    repo.commit_on("bob", |r| {
        // A layout both sides changed: git runs the driver only then.
        r.set("snow-traffic", "line", 30);
        let issue = r.path("pages/taiyuan-2023-02-10.ron");
        let text = std::fs::read_to_string(&issue).unwrap();
        let start = text.find("        Notice(\n            id: \"hospital-tender\"").unwrap();
        let end = start + text[start..].find("        ),\n").unwrap() + "        ),\n".len();
        std::fs::write(&issue, format!("{}{}", &text[..start], &text[end..])).unwrap();
    });
    let merge = repo.merge_alice_into_bob();
    stopped_on(&merge, "hospital-tender: not in the issue");
    assert!(!text(&merge).contains("their issue adds"), "{}", text(&merge));
    let check = repo.check();
    // A placement of no item of the issue is input the desk must mend, and the note says why.
    assert_eq!(check.status.code(), Some(2), "{}", text(&check));
    assert!(text(&check).contains("merge conflict on \"hospital-tender\": not in the issue"), "{}", text(&check));
}

#[test]
fn git_diff_shows_item_level_lines_with_the_fit() {
    let repo = Repo::new(true);
    repo.set("jinyuan-ten-projects", "line", 40);
    repo.set("yangqu-livelihood", "span", 2);
    let diff = repo.git(&["diff"]);
    let out = text(&diff);
    assert!(out.contains("pasteup diff pages/taiyuan-2023-02-10.layout.ron"), "{out}");
    assert!(
        out.contains("jinyuan-ten-projects: moved page 3 column 4 line 1 → page 3 column 4 line 40; fit fits → fits"),
        "{out}"
    );
    assert!(out.contains("yangqu-livelihood: span 3 → 2; fit fits → fits"), "{out}");
}

#[test]
fn diff_of_two_files_exits_1_on_changes_and_0_without() {
    let repo = Repo::new(false);
    let old = repo.path("old.layout.ron");
    std::fs::copy(repo.path(LAYOUT), &old).unwrap();
    let same = repo.run(BIN, &["diff", "old.layout.ron", LAYOUT]);
    assert_eq!(same.status.code(), Some(0), "{}", text(&same));
    assert_eq!(String::from_utf8_lossy(&same.stdout), "no placement changed\n");
    let text_of = |args: &[&str]| repo.run(BIN, args);
    repo.set("snow-traffic", "line", 12);
    let changed = text_of(&["diff", "old.layout.ron", LAYOUT, "--issue", "pages/taiyuan-2023-02-10.ron", "--json"]);
    assert_eq!(changed.status.code(), Some(1), "{}", text(&changed));
    let json: serde_json::Value = serde_json::from_slice(&changed.stdout).unwrap();
    assert_eq!(json["changes"][0]["item"], "snow-traffic");
    assert_eq!(json["changes"][0]["change"], "changed");
    assert_eq!(json["changes"][0]["to"]["line"], 12);
    assert_eq!(json["changes"][0]["fit_after"], 0);
    let bad = text_of(&["diff", "old.layout.ron", "missing.layout.ron"]);
    assert_eq!(bad.status.code(), Some(2));
    // With the issue, what would not stand as written is said too: an item it does not have.
    let renamed = repo.layout().replacen("\"snow-traffic\"", "\"snow-trafficX\"", 1);
    std::fs::write(repo.path(LAYOUT), renamed).unwrap();
    let unknown = text_of(&["diff", "old.layout.ron", LAYOUT, "--issue", "pages/taiyuan-2023-02-10.ron"]);
    assert_eq!(unknown.status.code(), Some(1), "{}", text(&unknown));
    let err = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        err.contains(
            "no item \"snow-trafficX\" in the issue (did you mean \"snow-traffic\"?); this placement is dropped"
        ),
        "{err}"
    );
}

/// Found from outside: a BASE holding only a byte order mark was "file is empty", exit 2,
/// where an empty or blank one is a layout placing nothing.
#[test]
fn a_base_of_only_a_byte_order_mark_is_a_blank_one() {
    let repo = Repo::new(false);
    std::fs::copy(repo.path(LAYOUT), repo.path("theirs.layout.ron")).unwrap();
    for base in ["", "\u{FEFF}", "\u{FEFF}\n  \n"] {
        std::fs::write(repo.path("base.layout.ron"), base).unwrap();
        let merge = repo.run(BIN, &["merge", "base.layout.ron", LAYOUT, "theirs.layout.ron", LAYOUT]);
        assert_eq!(merge.status.code(), Some(0), "{base:?}: {}", text(&merge));
    }
}

/// Found from outside: `diff --issue` gave a fit (`head size the grid's → 0 em; fit +13 short →
/// +14 short`) for a layout every other command refuses, and said nothing of why; what `check`
/// says of it goes to standard error, as an item the issue lacks does.
#[test]
fn diff_with_the_issue_says_what_check_refuses_in_a_side() {
    let repo = Repo::new(false);
    let old = repo.path("old.layout.ron");
    std::fs::copy(repo.path(LAYOUT), &old).unwrap();
    let cases = [
        (
            "\"jinyuan-livable\", column: 1, span: 3, line: 1, depth: Auto",
            ", head_size: Some(0)",
            "page 3 placement \"jinyuan-livable\" head_size is 0, expected 1 to 10 em a character",
        ),
        (
            "\"jinyuan-livable\", column: 1, span: 3, line: 1, depth: Auto",
            ", part: 0",
            "page 3 placement \"jinyuan-livable\" part is 0, expected 1 to 20",
        ),
        (
            "\"snow-traffic\", column: 4, span: 2, line: 1, depth: Auto",
            ", cut: 1",
            "page 4 placement \"snow-traffic\" has cut, but it is a photo",
        ),
    ];
    for (at, added, said) in cases {
        let bad = repo.layout_at("old.layout.ron").replacen(at, &format!("{at}{added}"), 1);
        assert_ne!(bad, repo.layout_at("old.layout.ron"), "{at}");
        std::fs::write(repo.path(LAYOUT), bad).unwrap();
        let diff = repo.run(BIN, &["diff", "old.layout.ron", LAYOUT, "--issue", "pages/taiyuan-2023-02-10.ron"]);
        let err = String::from_utf8_lossy(&diff.stderr);
        assert!(err.contains(&format!("{LAYOUT}:")) && err.contains(said), "{added}: {err}");
    }
}

/// Found from outside: when both branches add the same layout, git hands the driver an empty
/// BASE; the driver refused it as "file is empty" and git fell back to a textual conflict.
/// And an error in their side named git's temporary file instead of the layout.
#[test]
fn both_adding_a_layout_merges_by_item_and_errors_name_the_layout_and_side() {
    const ADDED: &str = "pages/second.layout.ron";
    let repo = Repo::new(true);
    let add = |line: u32| {
        move |r: &Repo| {
            r.set("jinyuan-ten-projects", "line", line);
            std::fs::copy(r.path(LAYOUT), r.path(ADDED)).unwrap();
            r.git(&["checkout", "-q", "--", LAYOUT]);
            r.git(&["add", ADDED]);
        }
    };
    repo.commit_on("alice", add(40));
    repo.commit_on("bob", add(60));
    stopped_on(&repo.merge_alice_into_bob(), "jinyuan-ten-projects: both changed it: ours page 3 column 4 line 60");
    let added = std::fs::read_to_string(repo.path(ADDED)).unwrap();
    assert!(added.contains("conflicts: [") && !added.contains("<<<<<<<"), "{added}");

    let repo = Repo::new(true);
    repo.commit_on("alice", |r| {
        let broken = r.layout().replacen("line: 1,", "line: ,", 1);
        std::fs::write(r.path(LAYOUT), broken).unwrap();
    });
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    let merge = repo.merge_alice_into_bob();
    stopped_on(&merge, &format!("{LAYOUT}:"));
    stopped_on(&merge, ": (theirs) ");
}

/// Found from outside: git runs an external diff with nine arguments for a renamed file
/// (rename detection is on by default), and `pasteup diff` refused them, so `git diff`,
/// `git log -p` and `git show` died at the rename. A layout that cannot be read was named by
/// git's temporary file.
#[test]
fn git_diff_follows_a_renamed_layout_and_names_a_bad_one_by_its_path() {
    let repo = Repo::new(true);
    repo.set("jinyuan-ten-projects", "line", 40);
    repo.git(&["mv", LAYOUT, "pages/p3-4.layout.ron"]);
    repo.git(&["add", "-A"]);
    let diff = repo.git(&["diff", "--cached"]);
    let out = text(&diff);
    assert!(out.contains("pasteup diff pages/p3-4.layout.ron"), "{out}");
    assert!(out.contains("jinyuan-ten-projects: moved page 3 column 4 line 1 → page 3 column 4 line 40"), "{out}");
    repo.git(&["commit", "-q", "-m", "renamed"]);
    let log = repo.git(&["log", "-p", "--ext-diff"]);
    assert!(text(&log).contains("jinyuan-ten-projects: moved"), "{}", text(&log));

    let broken =
        std::fs::read_to_string(repo.path("pages/p3-4.layout.ron")).unwrap().replacen("line: 40,", "line: ,", 1);
    std::fs::write(repo.path("pages/p3-4.layout.ron"), broken).unwrap();
    let bad = repo.run("git", &["diff"]);
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("pages/p3-4.layout.ron:"), "{err}");
    assert!(err.contains(": (new) "), "{err}");
    assert!(!err.contains("git-blob"), "{err}");
}

/// Found from outside: a branch that renamed the issue (the layout's `issue:` field) merged
/// cleanly with ours' name kept, and `pasteup diff` did not show the change.
#[test]
fn the_layouts_issue_merges_three_ways_and_diff_shows_it() {
    let repo = Repo::new(true);
    let rename = |to: &str| {
        let to = to.to_string();
        move |r: &Repo| {
            let text = r.layout().replacen("issue: \"taiyuan-2023-02-10.ron\"", &format!("issue: \"{to}\""), 1);
            std::fs::write(r.path(LAYOUT), text).unwrap();
        }
    };
    repo.commit_on("alice", rename("final.ron"));
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    let old = repo.path("old.layout.ron");
    std::fs::copy(repo.path(LAYOUT), &old).unwrap();
    let merge = repo.merge_alice_into_bob();
    assert!(merge.status.success(), "{}", text(&merge));
    assert!(repo.layout().contains("issue: \"final.ron\""), "theirs' change taken: {}", repo.layout());
    let diff = repo.run(BIN, &["diff", "old.layout.ron", LAYOUT]);
    assert_eq!(diff.status.code(), Some(1), "{}", text(&diff));
    assert!(text(&diff).contains("issue: \"taiyuan-2023-02-10.ron\" → \"final.ron\""), "{}", text(&diff));

    let repo = Repo::new(true);
    repo.commit_on("alice", rename("a.ron"));
    repo.commit_on("bob", rename("b.ron"));
    stopped_on(
        &repo.merge_alice_into_bob(),
        "both changed the issue the layout names: ours \"b.ron\", theirs \"a.ron\"",
    );
}

/// Found in the second round: on a rename, a broken old side was named by the new path (a line
/// of another file), and the warnings of a diff under git did not say which side they read;
/// `pasteup diff` with one path that is not there said "unmerged" and exit 0.
#[test]
fn under_git_each_side_is_named_by_its_own_path_and_side() {
    let repo = Repo::new(true);
    repo.git(&["mv", LAYOUT, "pages/p5.layout.ron"]);
    let broken =
        repo.layout_at("pages/p5.layout.ron").replacen("line: 1, depth: Auto),", "line: 1, depth: Auto,,),", 1);
    std::fs::write(repo.path("pages/p5.layout.ron"), broken).unwrap();
    repo.git(&["commit", "-qam", "broken"]);
    repo.git(&["mv", "pages/p5.layout.ron", "pages/p6.layout.ron"]);
    let mended = repo.layout_at("pages/p6.layout.ron").replacen("Auto,,)", "Auto)", 1);
    std::fs::write(repo.path("pages/p6.layout.ron"), mended).unwrap();
    repo.git(&["commit", "-qam", "mended"]);
    let show = repo.run("git", &["show", "--ext-diff", "HEAD"]);
    let err = String::from_utf8_lossy(&show.stderr);
    assert!(err.contains("pages/p5.layout.ron:") && err.contains(": (old) "), "{err}");
    assert!(!err.contains("pages/p6.layout.ron:"), "{err}");

    let repo = Repo::new(true);
    let ghost = repo.layout().replacen("item: \"snow-traffic\"", "item: \"ghost\"", 1);
    std::fs::write(repo.path(LAYOUT), ghost).unwrap();
    repo.git(&["commit", "-qam", "ghost"]);
    repo.git(&["checkout", "-q", "HEAD~1", "--", LAYOUT]);
    repo.git(&["commit", "-qam", "back"]);
    let show = repo.git(&["show", "--ext-diff", "HEAD"]);
    let err = String::from_utf8_lossy(&show.stderr);
    assert!(err.contains(&format!("{LAYOUT}:")) && err.contains(": (old) no item \"ghost\" in the issue"), "{err}");

    let none = repo.run(BIN, &["diff", "no-such.layout.ron"]);
    assert_eq!(none.status.code(), Some(2), "{}", text(&none));
}

/// Found from outside: `pasteup diff FILE`, a second file forgotten, said "unmerged" and exit 0.
/// Only git (which sets GIT_DIFF_PATH_TOTAL) means a conflict by one path.
#[test]
fn one_path_is_unmerged_only_when_git_says_so() {
    let repo = Repo::new(true);
    let alone = repo.run(BIN, &["diff", LAYOUT]);
    assert_eq!(alone.status.code(), Some(2), "{}", text(&alone));
    assert!(text(&alone).contains("give OLD NEW (two layout files)"), "{}", text(&alone));
    repo.commit_on("alice", |r| r.set("snow-traffic", "line", 40));
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    stopped_on(&repo.merge_alice_into_bob(), "snow-traffic");
    let diff = repo.run("git", &["diff", "--ext-diff", "--cached"]);
    assert!(text(&diff).contains(&format!("pasteup diff {LAYOUT}: unmerged")), "{}", text(&diff));
}

/// Alice and Bob each merge the other's move of one item, keep their own and commit; their
/// next merge has two merge bases. Returns Bob's merge of Alice's branch.
fn criss_cross(repo: &Repo) -> Output {
    repo.commit_on("alice", |r| r.set("jinyuan-ten-projects", "line", 40));
    repo.commit_on("bob", |r| r.set("jinyuan-ten-projects", "line", 60));
    for (branch, other) in [("alice", "bob"), ("bob", "alice~1")] {
        repo.git(&["checkout", "-q", branch]);
        stopped_on(&repo.git(&["merge", "--no-edit", other]), "both changed it");
        repo.git(&["checkout", "--ours", "--", LAYOUT]);
        repo.git(&["commit", "-qam", &format!("{branch} decides")]);
    }
    repo.git(&["checkout", "-q", "alice"]);
    repo.set("snow-traffic", "line", 12);
    repo.git(&["commit", "-qam", "alice moves on"]);
    repo.git(&["checkout", "-q", "bob"]);
    repo.set("yangqu-livelihood", "line", 30);
    repo.git(&["commit", "-qam", "bob moves on"]);
    let bases = repo.git(&["merge-base", "--all", "alice", "bob"]);
    assert_eq!(String::from_utf8_lossy(&bases.stdout).lines().count(), 2, "a criss-cross history");
    repo.git(&["merge", "--no-edit", "alice"])
}

/// Found from outside: with two merge bases git merged the bases with the driver into a
/// virtual base holding one side's decision, ignored the conflict it reported there, and the
/// final merge was clean with whoever ran it winning. `merge.pasteup.recursive binary` makes
/// git take the common ancestor as that base instead: the driver then runs once, on the real
/// question, and stops.
#[test]
fn a_criss_cross_merge_of_two_decisions_stops_and_runs_the_driver_once() {
    let repo = Repo::new(true);
    let merge = criss_cross(&repo);
    stopped_on(&merge, "jinyuan-ten-projects: both changed it: ours page 3 column 4 line 60");
    assert!(text(&merge).contains("theirs page 3 column 4 line 40"), "{}", text(&merge));
    assert_eq!(text(&merge).matches("conflict(s) in").count(), 1, "no inner merge: {}", text(&merge));
    let layout = repo.layout();
    assert!(layout.contains("line: 60") && layout.contains("conflicts: ["), "{layout}");
    assert_eq!(repo.check().status.code(), Some(1));
}

/// The same history without `merge.pasteup.recursive`: the virtual base carries the inner
/// merge's undecided note, and the driver takes two sides that each dropped it differently as
/// a conflict, not as one side's change.
#[test]
fn a_criss_cross_merge_stops_even_without_the_recursive_setting() {
    let repo = Repo::new(true);
    repo.git(&["config", "--unset", "merge.pasteup.recursive"]);
    let merge = criss_cross(&repo);
    stopped_on(&merge, "jinyuan-ten-projects: both changed it: ours page 3 column 4 line 60");
    assert!(repo.layout().contains("conflicts: ["), "{}", repo.layout());
}

/// Found from outside: a CRLF layout came out of a merge with LF, every line rewritten.
#[test]
fn a_crlf_layout_merges_with_crlf() {
    let repo = Repo::new(false);
    let crlf = |text: String| text.replace('\n', "\r\n");
    std::fs::write(repo.path("base.layout.ron"), crlf(repo.layout())).unwrap();
    repo.set("jinyuan-ten-projects", "line", 40);
    std::fs::write(repo.path("theirs.layout.ron"), crlf(repo.layout())).unwrap();
    repo.git(&["checkout", "-q", "--", LAYOUT]);
    repo.set("snow-traffic", "line", 12);
    std::fs::write(repo.path(LAYOUT), crlf(repo.layout())).unwrap();
    let merge = repo.run(BIN, &["merge", "base.layout.ron", LAYOUT, "theirs.layout.ron"]);
    assert_eq!(merge.status.code(), Some(0), "{}", text(&merge));
    let merged = repo.layout();
    assert!(merged.contains("line: 40") && merged.contains("line: 12"), "{merged}");
    assert_eq!(merged.matches('\n').count(), merged.matches("\r\n").count(), "{merged:?}");
    // An LF layout stays LF.
    let lf = |name: &str| std::fs::write(repo.path(name), repo.layout().replace("\r\n", "\n")).unwrap();
    lf("ours.layout.ron");
    let merge = repo.run(BIN, &["merge", "base.layout.ron", "ours.layout.ron", "theirs.layout.ron"]);
    assert_eq!(merge.status.code(), Some(0), "{}", text(&merge));
    assert!(!repo.layout_at("ours.layout.ron").contains('\r'));
    // Found from outside: the byte-order mark of ours was dropped; it is kept.
    std::fs::write(repo.path("bom.layout.ron"), format!("\u{FEFF}{}", repo.layout_at("ours.layout.ron"))).unwrap();
    let merge = repo.run(BIN, &["merge", "base.layout.ron", "bom.layout.ron", "theirs.layout.ron"]);
    assert_eq!(merge.status.code(), Some(0), "{}", text(&merge));
    assert!(repo.layout_at("bom.layout.ron").starts_with('\u{FEFF}'));
    assert!(!repo.layout_at("ours.layout.ron").starts_with('\u{FEFF}'));
}

/// Found from outside: ours placing an item the issue does not have merged with exit 0 and no
/// word, and `check` then refused the layout. It stays as ours had it, and is said.
#[test]
fn what_ours_placed_that_the_issue_lacks_is_said() {
    let repo = Repo::new(false);
    std::fs::write(repo.path("pages/base.layout.ron"), repo.layout()).unwrap();
    repo.set("jinyuan-ten-projects", "line", 40);
    std::fs::write(repo.path("pages/theirs.layout.ron"), repo.layout()).unwrap();
    let ghost = "Placement(item: \"ghost\", column: 6, span: 2, line: 90, depth: Auto),\n";
    let ours = repo.layout_at("pages/base.layout.ron").replacen(
        "            Placement(",
        &format!("            {ghost}            Placement("),
        1,
    );
    std::fs::write(repo.path("pages/ours.layout.ron"), ours).unwrap();
    let merge = repo.run(BIN, &["merge", "pages/base.layout.ron", "pages/ours.layout.ron", "pages/theirs.layout.ron"]);
    assert_eq!(merge.status.code(), Some(0), "{}", text(&merge));
    assert!(text(&merge).contains("ours places items ghost that the issue does not have"), "{}", text(&merge));
    assert!(repo.layout_at("pages/ours.layout.ron").contains("\"ghost\""));
    // Found in review: when their side took it off, the merge dropped it and still said ours
    // kept it. Only what the merge keeps is said.
    std::fs::copy(repo.path("pages/ours.layout.ron"), repo.path("pages/base2.layout.ron")).unwrap();
    let merge = repo.run(BIN, &["merge", "pages/base2.layout.ron", "pages/ours.layout.ron", "pages/theirs.layout.ron"]);
    assert_eq!(merge.status.code(), Some(0), "{}", text(&merge));
    assert!(!repo.layout_at("pages/ours.layout.ron").contains("\"ghost\""));
    assert!(!text(&merge).contains("ours places"), "{}", text(&merge));
    // Found from outside: a blank BASE (newlines only) was refused as "file is empty" while
    // an empty one was taken as a layout with nothing placed. Both are.
    std::fs::write(repo.path("pages/blank.layout.ron"), "\n\n").unwrap();
    let merge =
        repo.run(BIN, &["merge", "pages/blank.layout.ron", "pages/theirs.layout.ron", "pages/theirs.layout.ron"]);
    assert_eq!(merge.status.code(), Some(0), "{}", text(&merge));
}

/// Found from outside: a conflict on the layout's `issue` was noted as a conflict on an item
/// named after their issue file, and the note was written with a `\'` escape.
#[test]
fn a_conflict_on_the_layouts_issue_is_noted_and_checked_as_one() {
    let repo = Repo::new(true);
    let rename = |to: &'static str| {
        move |r: &Repo| {
            let text = r.layout().replacen("issue: \"taiyuan-2023-02-10.ron\"", &format!("issue: \"{to}\""), 1);
            std::fs::write(r.path(LAYOUT), text).unwrap();
        }
    };
    repo.commit_on("alice", rename("a.ron"));
    repo.commit_on("bob", rename("./taiyuan-2023-02-10.ron"));
    let merge = repo.merge_alice_into_bob();
    let note = r#"both changed the issue the layout names: ours "./taiyuan-2023-02-10.ron", theirs "a.ron"; ours kept"#;
    stopped_on(&merge, &format!("the layout: {note}"));
    let layout = repo.layout();
    assert!(!layout.contains("item: \"a.ron\"") && !layout.contains("\\'"), "{layout}");
    assert!(layout.contains("Conflict(note: \"both changed the issue the layout names"), "{layout}");
    // The note checks as a conflict in the layout, not on an item.
    let check = repo.check();
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(text(&check).contains(&format!("merge conflict in the layout: {note}; decide")), "{}", text(&check));
    assert!(!text(&check).contains("merge conflict on"), "{}", text(&check));
}

/// Found from outside: under git a renamed layout's diff was headed with the new path only.
#[test]
fn the_diff_of_a_renamed_layout_says_from_where() {
    let repo = Repo::new(true);
    repo.set("jinyuan-ten-projects", "line", 40);
    repo.git(&["mv", LAYOUT, "pages/第3版.layout.ron"]);
    repo.git(&["commit", "-qam", "renamed"]);
    let show = repo.git(&["-c", "core.quotepath=false", "show", "--ext-diff", "HEAD"]);
    let out = text(&show);
    assert!(out.contains(&format!("pasteup diff pages/第3版.layout.ron (renamed from {LAYOUT})")), "{out}");
    assert!(out.contains("jinyuan-ten-projects: moved"), "{out}");
}

/// Found from outside: `pasteup merge BASE /dev/null THEIRS` by hand merged into /dev/null,
/// exit 0, with a message about the folder `/dev/`.
#[test]
fn ours_must_be_a_regular_file_the_merge_can_write_over() {
    let repo = Repo::new(false);
    let before = repo.layout();
    for ours in ["/dev/null", "pages"] {
        let merge = repo.run(BIN, &["merge", LAYOUT, ours, LAYOUT]);
        assert_eq!(merge.status.code(), Some(2), "{}", text(&merge));
        let err = String::from_utf8_lossy(&merge.stderr);
        assert!(err.starts_with(&format!("{ours}: not a regular file")), "{err}");
        assert!(err.contains("give OURS as the layout file"), "{err}");
    }
    // Found from outside: one that is not there was "not a regular file".
    let merge = repo.run(BIN, &["merge", LAYOUT, "nowhere.layout.ron", LAYOUT]);
    assert_eq!(merge.status.code(), Some(2), "{}", text(&merge));
    assert!(String::from_utf8_lossy(&merge.stderr).starts_with("nowhere.layout.ron: there is no such file,"));
    assert_eq!(repo.layout(), before);
}

/// Found from outside: a merge dropped every `//` comment, one the other editor had just
/// added too, without a word.
#[test]
fn a_merge_says_how_many_comment_lines_it_does_not_keep() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| {
        let text = r.layout().replacen(
            "            Placement(item: \"snow-traffic\"",
            "            // hold: late photo\n            Placement(item: \"snow-traffic\"",
            1,
        );
        std::fs::write(r.path(LAYOUT), text).unwrap();
    });
    repo.commit_on("bob", |r| r.set("jinyuan-ten-projects", "line", 40));
    let merge = repo.merge_alice_into_bob();
    assert!(merge.status.success(), "{}", text(&merge));
    assert!(
        text(&merge)
            .contains("comments not kept (4 line(s) in ours, 5 in theirs): a merge writes the layout as a save does"),
        "{}",
        text(&merge)
    );
}

/// Found from outside: a side holding a value no command takes (a head size of 0 with an
/// empty headline, a depth of Fixed(0) or Fixed(401), part 0) merged cleanly into OURS, exit
/// 0, and `check` and `export` then refused the result. Each side is checked as opening it
/// is, and refused as a side that cannot be read is: exit 2, OURS as it was.
#[test]
fn a_side_with_a_value_no_command_takes_is_refused_and_ours_left_as_it_was() {
    let repo = Repo::new(false);
    let base = repo.layout();
    std::fs::write(repo.path("base.layout.ron"), &base).unwrap();
    let at = "\"jinyuan-livable\", column: 1, span: 3, line: 1, depth: Auto";
    let placement = "(theirs) page 3 placement \"jinyuan-livable\"";
    let cases = [
        (format!("{at}, head_size: Some(0), headline: Some(\"\")"), "9:101", "head_size is 0, expected 1 to 10 em"),
        (at.replace("Auto", "Fixed(0)"), "9:84", "depth is Fixed(0), expected Fixed(1) to Fixed(400), or Auto"),
        (at.replace("Auto", "Fixed(401)"), "9:84", "depth is Fixed(401), expected Fixed(1) to Fixed(400), or Auto"),
        (format!("{at}, part: 0"), "9:96", "part is 0, expected 1 to 20"),
    ];
    for (edit, pos, said) in cases {
        let bad = base.replacen(at, &edit, 1);
        assert_ne!(bad, base);
        std::fs::write(repo.path("theirs.layout.ron"), &bad).unwrap();
        let merge = repo.run(BIN, &["merge", "base.layout.ron", LAYOUT, "theirs.layout.ron", LAYOUT]);
        assert_eq!(merge.status.code(), Some(2), "{edit}: {}", text(&merge));
        let err = String::from_utf8_lossy(&merge.stderr);
        assert!(err.starts_with(&format!("{LAYOUT}:{pos}: {placement} {said}")), "{err}");
        assert_eq!(repo.layout(), base, "OURS left as it was");
        // Our side holding it is refused alike, named as ours.
        std::fs::write(repo.path("pages/ours.layout.ron"), &bad).unwrap();
        let merge = repo.run(BIN, &["merge", "base.layout.ron", "pages/ours.layout.ron", "base.layout.ron"]);
        assert_eq!(merge.status.code(), Some(2), "{edit}: {}", text(&merge));
        let err = String::from_utf8_lossy(&merge.stderr);
        assert!(err.starts_with(&format!("pages/ours.layout.ron:{pos}: page 3 placement")), "{err}");
        assert_eq!(repo.layout_at("pages/ours.layout.ron"), bad);
    }
    // What `check` only reports (exit 1: a span past the grid sends the box to the bin)
    // merges as before.
    std::fs::write(repo.path("theirs.layout.ron"), base.replacen(at, &at.replace("span: 3", "span: 30"), 1)).unwrap();
    let merge = repo.run(BIN, &["merge", "base.layout.ron", LAYOUT, "theirs.layout.ron", LAYOUT]);
    assert_ne!(merge.status.code(), Some(2), "{}", text(&merge));
    assert!(repo.layout().contains("span: 30"), "{}", repo.layout());

    // Under git the merge stops there, with our layout in the work tree.
    let repo = Repo::new(true);
    let at = at.to_string();
    repo.commit_on("alice", move |r| {
        let text = r.layout().replacen(&at, &format!("{at}, head_size: Some(0)"), 1);
        std::fs::write(r.path(LAYOUT), text).unwrap();
    });
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    let merge = repo.merge_alice_into_bob();
    stopped_on(&merge, &format!("{LAYOUT}:9:101: {placement} head_size is 0"));
    let bob = String::from_utf8(repo.git(&["show", &format!("bob:{LAYOUT}")]).stdout).unwrap();
    assert_eq!(repo.layout(), bob);
}

/// Found from outside: a side listing a page twice merged with exit 0, and the result, written
/// as read, held the page twice, which `check` refuses (exit 2). Refused as a value no
/// command takes: exit 2, OURS as it was.
#[test]
fn a_side_listing_a_page_twice_is_refused_and_ours_left_as_it_was() {
    let repo = Repo::new(false);
    let base = repo.layout();
    std::fs::write(repo.path("base.layout.ron"), &base).unwrap();
    let twice = base.replacen("    pages: [\n", "    pages: [\n        PageLayout(number: 3, placements: []),\n", 1);
    assert_ne!(twice, base);
    std::fs::write(repo.path("theirs.layout.ron"), &twice).unwrap();
    let merge = repo.run(BIN, &["merge", "base.layout.ron", LAYOUT, "theirs.layout.ron", LAYOUT]);
    assert_eq!(merge.status.code(), Some(2), "{}", text(&merge));
    let err = String::from_utf8_lossy(&merge.stderr);
    let said = format!("{LAYOUT}:9:28: (theirs) page 3 is listed twice (first at line 8), expected each page once");
    assert!(err.starts_with(&said), "{err}");
    assert_eq!(repo.layout(), base, "OURS left as it was");
}

/// Found from outside: `pasteup diff` of a layout whose only change was a merge's conflict
/// note (ours kept, so no placement moved) said "no placement changed", exit 0. Each note
/// added or removed is a line of its own, as a change of the layout's issue is.
#[test]
fn diff_names_each_conflict_note_added_or_removed() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| r.set("jinyuan-ten-projects", "line", 40));
    repo.commit_on("bob", |r| r.set("jinyuan-ten-projects", "line", 60));
    stopped_on(&repo.merge_alice_into_bob(), "both changed it");
    let bob = repo.git(&["show", &format!("bob:{LAYOUT}")]).stdout;
    std::fs::write(repo.path("bob.layout.ron"), bob).unwrap();
    let note = "jinyuan-ten-projects: both changed it: ours page 3 column 4 line 60 span 2 depth auto, theirs page 3 \
                column 4 line 40 span 2 depth auto";
    // The merge wrote the layout as a save does: bob's four comment lines went, and are said.
    let added = repo.run(BIN, &["diff", "bob.layout.ron", LAYOUT]);
    assert_eq!(added.status.code(), Some(1), "{}", text(&added));
    assert_eq!(
        String::from_utf8_lossy(&added.stdout),
        format!("conflict added: {note}\ncomments: 4 lines removed\nno placement changed\n")
    );
    let removed = repo.run(BIN, &["diff", LAYOUT, "bob.layout.ron"]);
    assert_eq!(removed.status.code(), Some(1), "{}", text(&removed));
    assert_eq!(
        String::from_utf8_lossy(&removed.stdout),
        format!("conflict removed: {note}\ncomments: 4 lines added\nno placement changed\n")
    );
    let json = repo.run(BIN, &["diff", "bob.layout.ron", LAYOUT, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["conflicts"]["added"][0]["item"], "jinyuan-ten-projects");
    assert!(json["conflicts"]["added"][0]["note"].as_str().unwrap().starts_with("both changed it: ours"), "{json}");
    assert_eq!(json["conflicts"]["removed"], serde_json::json!([]));
    // Under git too: the merged file, added, against the commit before the merge.
    repo.git(&["add", LAYOUT]);
    let diff = repo.git(&["diff", "--cached"]);
    assert!(text(&diff).contains(&format!("conflict added: {note}")), "{}", text(&diff));
}

/// Found from outside: Alice moved the layout into a new folder `p3/` (its `issue:` now
/// `../pages/…`) and placed a story over the box Bob moved. The driver looked for
/// `p3/../pages/…`, which a folder not there yet cannot lead to, merged without checking the
/// pages, and exit 0 left two boxes on each other.
#[test]
fn a_layout_moved_into_a_new_folder_is_merged_with_its_pages_checked() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| {
        r.place(3, "yangqu-seven-projects", 4, 2, 20);
        let text =
            r.layout().replace("issue: \"taiyuan-2023-02-10.ron\"", "issue: \"../pages/taiyuan-2023-02-10.ron\"");
        std::fs::create_dir_all(r.path("p3")).unwrap();
        std::fs::write(r.path("p3/page.layout.ron"), text).unwrap();
        std::fs::remove_file(r.path(LAYOUT)).unwrap();
        r.git(&["add", "-A"]);
    });
    repo.commit_on("bob", |r| r.set("jinyuan-ten-projects", "line", 15));
    let merge = repo.merge_alice_into_bob();
    assert!(!text(&merge).contains("without checking the pages"), "{}", text(&merge));
    stopped_on(&merge, "overlaps");
}

/// Found from outside: a layout tracked as a symbolic link stopped `git diff` for the whole
/// repository (git hands the link's target as the file, with mode 120000); and a layout whose
/// path starts with `-` read as an option to the driver, so a clean merge became a conflict.
#[test]
fn a_linked_layout_and_one_named_with_a_dash_diff_and_merge() {
    let repo = Repo::new(true);
    std::os::unix::fs::symlink(LAYOUT, repo.path("today.layout.ron")).unwrap();
    repo.git(&["add", "today.layout.ron"]);
    let diff = repo.git(&["diff", "--cached"]);
    assert!(
        text(&diff).contains(&format!("today.layout.ron: a symbolic link, not a layout: none → a link to {LAYOUT}")),
        "{}",
        text(&diff)
    );
    repo.git(&["commit", "-q", "-m", "link"]);

    let dashed = "-p3.layout.ron";
    std::fs::rename(repo.path(LAYOUT), repo.path(dashed)).unwrap();
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "dash"]);
    let set = |r: &Repo, item: &str, line: u32| {
        let text = r.layout_at(dashed);
        let text = text.replacen(
            &format!("Placement(item: \"{item}\", column: 4, span: 2, line: "),
            &format!("Placement(item: \"{item}\", column: 4, span: 2, line: {line}, depth: Auto), // "),
            1,
        );
        std::fs::write(r.path(dashed), text).unwrap();
    };
    repo.commit_on("alice", |r| set(r, "jinyuan-ten-projects", 40));
    repo.commit_on("bob", |r| set(r, "snow-traffic", 30));
    let merge = repo.merge_alice_into_bob();
    assert!(merge.status.success(), "{}", text(&merge));
    let diff = repo.git(&["diff", "main", "--", dashed]);
    assert!(text(&diff).contains("jinyuan-ten-projects") && text(&diff).contains("snow-traffic"), "{}", text(&diff));
}

/// Found from outside: their branch renamed the photo `snow-traffic` (issue and layout), ours
/// moved it, and the note said "theirs in the bin": they took it out of the issue. The driver
/// reads their issue, and the note says what they did.
#[test]
fn a_note_says_when_their_branch_took_the_item_out_of_the_issue() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| {
        for file in [LAYOUT, "pages/taiyuan-2023-02-10.ron"] {
            let text = r.layout_at(file).replace("\"snow-traffic\"", "\"snow-photo\"");
            std::fs::write(r.path(file), text).unwrap();
        }
    });
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    let merge = repo.merge_alice_into_bob();
    stopped_on(
        &merge,
        "snow-traffic: both changed it: ours page 4 column 4 line 30 span 2 depth auto, theirs took it out of the issue",
    );
    assert!(!text(&merge).contains("theirs in the bin"), "{}", text(&merge));
}

/// Found from outside: their branch took page 4 out of the issue and the layout, ours moved a
/// box on it, and the note said "theirs in the bin".
#[test]
fn a_note_says_when_their_branch_took_the_page_out_of_the_issue() {
    let repo = Repo::new(true);
    repo.commit_on("alice", |r| {
        let issue = "pages/taiyuan-2023-02-10.ron";
        let page = "        Page(number: 4, section: None,\n             grid: Grid(columns: 8, column_width: 13, gutter: 1, depth: 100)),\n";
        let text = r.layout_at(issue);
        assert!(text.contains(page));
        std::fs::write(r.path(issue), text.replacen(page, "", 1)).unwrap();
        let layout = r.layout();
        let start = layout.find("        PageLayout(number: 4").unwrap();
        let end = start + layout[start..].find("        ]),\n").unwrap() + "        ]),\n".len();
        std::fs::write(r.path(LAYOUT), format!("{}{}", &layout[..start], &layout[end..])).unwrap();
    });
    repo.commit_on("bob", |r| r.set("snow-traffic", "line", 30));
    let merge = repo.merge_alice_into_bob();
    stopped_on(
        &merge,
        "snow-traffic: both changed it: ours page 4 column 4 line 30 span 2 depth auto, theirs took page 4 out of the issue",
    );
    assert!(!text(&merge).contains("theirs in the bin"), "{}", text(&merge));
}

/// Found from outside: a Ctrl-s with no change dropped the layout's four `//` comment lines,
/// and `git diff` said only "no placement changed". The diff says how many comment lines went
/// (or came), text and JSON.
#[test]
fn diff_says_how_many_comment_lines_went_or_came() {
    let repo = Repo::new(true);
    let saved = repo.run(BIN, &["diff", LAYOUT, LAYOUT]);
    assert_eq!(String::from_utf8_lossy(&saved.stdout), "no placement changed\n");
    // The layout as a save writes it: the same placements, no comments.
    let committed = repo.layout();
    let bare: String = committed.lines().filter(|l| !l.starts_with("//")).map(|l| format!("{l}\n")).collect();
    assert_eq!(committed.lines().count() - bare.lines().count(), 4);
    std::fs::write(repo.path("bare.layout.ron"), &bare).unwrap();
    let removed = repo.run(BIN, &["diff", LAYOUT, "bare.layout.ron"]);
    assert_eq!(removed.status.code(), Some(1), "{}", text(&removed));
    assert_eq!(String::from_utf8_lossy(&removed.stdout), "comments: 4 lines removed\nno placement changed\n");
    let added = repo.run(BIN, &["diff", "bare.layout.ron", LAYOUT, "--json"]);
    assert_eq!(added.status.code(), Some(1), "{}", text(&added));
    let json: serde_json::Value = serde_json::from_slice(&added.stdout).unwrap();
    assert_eq!(json["comments"], serde_json::json!({ "added": 4 }));
    assert_eq!(json["changes"], serde_json::json!([]));
    // Under git: the save written over the committed layout.
    std::fs::write(repo.path(LAYOUT), &bare).unwrap();
    let diff = repo.git(&["diff"]);
    assert!(text(&diff).contains("comments: 4 lines removed\nno placement changed"), "{}", text(&diff));
}
