use std::process::ExitCode;

use clap::Parser;
use pasteup::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(code) = cli::run(&cli) {
        return code;
    }
    pasteup::tui::run(&pasteup::tui::run::EditorOptions {
        issue: cli.issue.clone(),
        layout: cli.layout.clone(),
        ambiwidth: cli.ambiwidth.into(),
        lang: cli.ui_lang(),
    })
}
