use std::process::ExitCode;

use pasteup::cli::{self, Cli};

fn main() -> ExitCode {
    pasteup::write_limits_fail_as_errors();
    let cli = Cli::parse_from_args(std::env::args_os());
    if let Some(code) = cli::run(&cli) {
        return if pasteup::stdout_failed() { ExitCode::from(cli::EXIT_INVALID) } else { code };
    }
    pasteup::tui::run(&pasteup::tui::run::EditorOptions {
        issue: cli.issue.clone(),
        layout: cli.layout.clone(),
        ambiwidth: cli.ambiwidth.into(),
        lang: cli.ui_lang(),
    })
}
