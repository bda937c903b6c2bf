//! The editor: a ratatui shell over the core (state → update(event) → view).

pub mod cells;
pub mod keys;
pub mod terminal;

/// Opens the editor (placeholder until the app lands in this module).
pub fn run(_cli: &crate::cli::Cli) -> std::process::ExitCode {
    eprintln!("pasteup: the editor is not built yet; try `pasteup proof layouts/taiyuan-2023-02-10.ron`");
    std::process::ExitCode::from(2)
}
