//! The README stays true: its key table is the editor's key table.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use pasteup::tui::keys::KEYS;
use pasteup_core::catalogue::{Render, UiLang};

fn key_table() -> String {
    KEYS.iter().map(|b| format!("| `{}` | {} |\n", b.label.replace('|', "\\|"), b.help.render(UiLang::En))).collect()
}

#[test]
fn readme_keys_match_the_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = key_table();
    assert!(readme.contains(&table), "README.md's key table differs from src/tui/keys.rs; it should read:\n{table}");
}

#[test]
fn readme_starts_with_the_two_set_up_commands() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let first_screen: String = readme.lines().take(15).collect::<Vec<_>>().join("\n");
    assert!(first_screen.contains("cargo run --release") && first_screen.contains("cargo test"));
}

/// The repository stands on its own: no source or document cites the product contract kept
/// outside it; what it promises is in the README and docs/.
#[test]
fn nothing_cites_a_file_outside_the_repository() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let outside = [concat!("SP", "EC §"), concat!("../", "shared"), concat!("SP", "EC.md")];
    let mut offenders = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    stack.push(path);
                }
                continue;
            }
            let text_file = ["rs", "md", "toml", "ron", "py"].iter().any(|e| name.ends_with(&format!(".{e}")));
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            if text_file && outside.iter().any(|o| text.contains(o)) {
                offenders.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    offenders.sort();
    assert!(offenders.is_empty(), "these cite files outside the repository: {offenders:?}");
}

/// Every document the README's table names exists, and every file in docs/ is named there.
#[test]
fn the_readme_lists_every_document() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            assert!(readme.contains(&format!("(docs/{name})")), "README.md does not list docs/{name}");
        }
    }
}
