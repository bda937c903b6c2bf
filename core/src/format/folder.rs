//! The folder a file's relative names are read from: a layout's `issue:`, an issue's photo
//! files. It is the folder of the file itself — through symbolic links, the folder of the file
//! they finally lead to, as the system takes it — so that a file reached through a link in
//! another folder names the same files as on its real path, as a save through the link writes
//! that real file.

use std::path::{Component, Path, PathBuf};

/// The folder `path`'s relative names are read from: its own folder, or through links the
/// folder of the file they lead to (one not there yet included: a save through a dangling
/// link makes it).
pub fn real_folder(path: &Path) -> PathBuf {
    let linked = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let real = if linked { std::fs::canonicalize(path).ok().or_else(|| real_path(path)) } else { None };
    let path = real.as_deref().unwrap_or(path);
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The whole path of the file `link` finally names, a file not there yet included (a save
/// through a dangling link makes it), its links followed one by one as the save follows them:
/// `canonicalize` needs the target (found from outside: a save through such a link named the
/// issue from the link's folder, and the saved layout did not open). The target's folder is
/// taken as the system takes it, `..` out of a linked folder included (found from outside:
/// `..` taken out by the letters named the issue from a folder that was not the layout's; and
/// a journal named from `sub/../d.layout.ron` was never offered on `d.layout.ron`); a folder
/// not there is taken by the letters, as there is nothing else to go by.
fn real_path(link: &Path) -> Option<PathBuf> {
    in_real_folder(&super::link_target(link).ok()?)
}

/// `target` (no link: one already followed) with its folder taken as the system takes it, or
/// by the letters where the folder is not there ([`real_path`]).
pub(crate) fn in_real_folder(target: &Path) -> Option<PathBuf> {
    let name = target.file_name()?;
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if let Ok(real) = std::fs::canonicalize(folder) {
        return Some(real.join(name));
    }
    let whole = std::path::absolute(target).ok()?;
    Some(lexical(&whole).iter().collect())
}

/// `path`'s components with `.` dropped and `name/..` taken out, by the letters alone.
pub(crate) fn lexical(path: &Path) -> Vec<Component<'_>> {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::model::Item;
    use crate::sample;

    /// Found from outside: an issue opened through a link in another folder read its photos
    /// from the link's folder, where they are not, instead of from the folder of the file that
    /// names them; and an export through the link framed them as missing.
    #[test]
    fn an_issue_opened_through_a_link_reads_its_photos_beside_its_real_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("layouts")).unwrap();
        std::fs::create_dir_all(dir.path().join("a/desk")).unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        for (name, bytes) in sample::IMAGES {
            std::fs::write(dir.path().join("layouts").join(name), bytes).unwrap();
        }
        let real = dir.path().join("layouts").join(sample::ISSUE_FILE);
        std::fs::write(&real, sample::ISSUE).unwrap();
        let link = dir.path().join("a/desk").join(sample::ISSUE_FILE);
        std::os::unix::fs::symlink(format!("../../layouts/{}", sample::ISSUE_FILE), &link).unwrap();
        assert_eq!(real_folder(&link), std::fs::canonicalize(dir.path().join("layouts")).unwrap());
        let loaded = super::super::load_issue(&link).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let sized = loaded.value.items.iter().filter(|i| matches!(i, Item::Photo(p) if p.pixels.is_some())).count();
        assert_eq!(sized, sample::IMAGES.len());
        let photos: Vec<_> = crate::document::photo_files(&loaded.value, &link).collect();
        assert!(photos.iter().all(|p| p.is_file()), "{photos:?}");
        let assets = crate::export::Assets::for_issue(&link, false);
        assert!(assets.bytes(sample::IMAGES[0].0).unwrap().is_some(), "the export reads them there too");
    }
}
