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
