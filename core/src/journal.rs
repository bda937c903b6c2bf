//! Never lose work: each editor journals its unsaved changes to a recovery file of its own
//! beside the layout (`X.layout.ron.recover.PID`, a second old at most), marks the layout it
//! has open with an advisory lock (`X.layout.ron.lock`, naming user, host and pid), and
//! offers the journals of editors that died on the next start. A file changed on disk by
//! someone else is noticed before it is saved over. Where the layout's folder cannot be
//! written, the journal goes to a spare folder of the user's (`$XDG_STATE_HOME/pasteup/recover`,
//! else `~/.local/state/pasteup/recover`), named from the layout's whole path as vim names
//! its swap files, and is looked for there too; so do the lock, and the record of a dead
//! editor's journal restored that the folder would not let go.
//!
//! The journal is not fsynced: it guards against a killed process or a dropped SSH session,
//! not a power cut, and must stay cheap enough to write after every change.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::format::{Note, printable, printable_path, to_ron_string};
use crate::model::Layout;

/// What tells that another program wrote a file: its modification time and length, and on
/// Unix its inode and status-change time too, which no program can set back — `cp -p` and
/// `rsync -a` give a replaced file the old size and modification time (found from outside:
/// such a replacement went unnoticed and the next save wrote over it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub modified: SystemTime,
    pub len: u64,
    /// Inode, and status-change time in seconds and nanoseconds (0 where there are none).
    identity: (u64, i64, i64),
}

/// The largest journal read back: a layout is a few hundred kilobytes; anything bigger is
/// not a journal pasteup wrote (a link to `/dev/zero`).
pub const MAX_JOURNAL_BYTES: u64 = 64 << 20;

/// The editor process that wrote a journal or holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub user: String,
    pub host: String,
    pub pid: u32,
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{} pid {}", printable(&self.user), printable(&self.host), self.pid)
    }
}

impl Owner {
    /// This process.
    pub fn me() -> Owner {
        Owner { user: user_name(), host: host_name(), pid: std::process::id() }
    }

    /// A holder whose lock file names no one (it is still writing its line, or never did).
    fn unknown() -> Owner {
        Owner { user: "?".into(), host: "?".into(), pid: 0 }
    }

    /// `user@host pid N`, as [`Display`](fmt::Display) writes it.
    fn parse(text: &str) -> Option<Owner> {
        let (who, pid) = text.trim().rsplit_once(" pid ")?;
        let (user, host) = who.split_once('@')?;
        Some(Owner { user: user.into(), host: host.into(), pid: pid.trim().parse().ok()? })
    }

    /// Whether the process may still be running: on this host, asked of the system; on
    /// another host there is no telling, so it counts as running. One of this host with
    /// this process's pid is a dead editor whose pid was given again: this editor has
    /// written no journal when it looks.
    pub fn may_be_alive(&self) -> bool {
        let host = host_name();
        self.host != host || (self.pid != std::process::id() && pid_alive(self.pid))
    }
}

fn user_name() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
        .or_else(account_name)
        .unwrap_or_else(|| "unknown".into())
}

/// The name of the account the process runs as, from the system's list of accounts (found
/// from outside: a tmux session as root has no `USER`, and the journal said `unknown@vm`).
fn account_name() -> Option<String> {
    #[cfg(unix)]
    {
        let uid = rustix::process::getuid().as_raw().to_string();
        let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
        passwd
            .lines()
            .map(|l| l.split(':').collect::<Vec<_>>())
            .find(|f| f.get(2) == Some(&uid.as_str()))
            .and_then(|f| f.first().map(|n| n.to_string()))
    }
    #[cfg(not(unix))]
    None
}

fn host_name() -> String {
    #[cfg(unix)]
    return rustix::system::uname().nodename().to_string_lossy().into_owned();
    #[cfg(not(unix))]
    return std::env::var("COMPUTERNAME").unwrap_or_else(|_| "localhost".into());
}

/// Whether process `pid` may be a pasteup: its name says so, or cannot be read (another
/// user's process). A pid given again to another program after a crash or a restart is not
/// the editor that wrote the journal or took the lock (found from outside: a `sleep` holding
/// a dead editor's pid kept its work from being offered, unsaid).
#[cfg(unix)]
fn may_be_pasteup(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/comm")).map_or(true, |name| name.contains("pasteup"))
}

/// Whether process `pid` exists on this host and has not died (a zombie has), and may be a
/// pasteup.
fn pid_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(p) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else { return false };
        let exists = match rustix::process::test_kill_process(p) {
            Ok(()) => true,
            Err(e) => e == rustix::io::Errno::PERM,
        };
        // A killed process its parent has not reaped yet is a zombie: dead, for our purpose.
        let zombie = fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| s.rsplit_once(')').map(|(_, rest)| rest.trim_start().starts_with('Z')))
            .unwrap_or(false);
        exists && !zombie && may_be_pasteup(pid)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

// ---- the lock ----

/// `X.layout.ron` → `X.layout.ron.lock`; a name too long for that (more than 250 bytes: a
/// file name has 255 at most) → the start of the name, `~`, its hash and `.lock`, so that
/// every editor names the same lock for it (found from outside: a layout of a 251-byte name
/// could not be locked, and a second editor on it was not warned).
pub fn lock_path(layout: &Path) -> PathBuf {
    let layout = resolved(layout);
    let name = layout.file_name().unwrap_or_default();
    if name.len() + ".lock".len() <= MAX_NAME_BYTES {
        return suffixed(&layout, ".lock");
    }
    let hash = fnv_hash(name.as_encoded_bytes());
    layout.with_file_name(format!("{}~{hash:016x}.lock", name_start(&name.to_string_lossy())))
}

/// The 64-bit FNV hash of `bytes`: names a file whose whole name is too long to be one.
fn fnv_hash(bytes: &[u8]) -> u64 {
    let mut hash = fnv::FnvHasher::default();
    std::hash::Hasher::write(&mut hash, bytes);
    std::hash::Hasher::finish(&hash)
}

/// The first 120 bytes of `name`, or fewer to end between two characters: beside a hash, what
/// a person reads a shortened name by.
fn name_start(name: &str) -> &str {
    let cut = (0..=name.len().min(120)).rev().find(|&at| name.is_char_boundary(at)).unwrap_or(0);
    &name[..cut]
}

/// The longest file name the common file systems take, in bytes.
const MAX_NAME_BYTES: usize = 255;

/// The file the layout finally is, its links followed as the save follows them: the lock
/// and the journals belong to the file written, so an editor opened through a link and one
/// opened on the real path see each other's lock and journals (found from outside: a layout
/// opened through a link had a lock and a journal of its own, its work never offered back
/// on the real path). A link too deep to follow names itself, as before.
fn resolved(layout: &Path) -> PathBuf {
    crate::format::link_target(layout).unwrap_or_else(|_| layout.to_path_buf())
}

fn suffixed(layout: &Path, suffix: &str) -> PathBuf {
    let mut name = layout.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    layout.with_file_name(name)
}

/// The advisory lock on an open layout, held while the editor runs; dropping it removes
/// the lock file.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
    /// The layout file it locks (its lock may be in the spare folder).
    layout: PathBuf,
    /// Its entry in [`HELD`].
    id: u64,
}

/// Every lock this process holds, each with its own handle on the file, for an end that
/// cannot wait for the locks' owners to drop them ([`let_go_of_every_lock`]).
static HELD: std::sync::Mutex<Vec<(u64, PathBuf, File)>> = std::sync::Mutex::new(Vec::new());

/// Numbers the locks taken, for their entries in [`HELD`].
static NEXT_LOCK: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn held() -> std::sync::MutexGuard<'static, Vec<(u64, PathBuf, File)>> {
    // A thread that panicked holding it left the list whole: a push or a removal.
    HELD.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the lock files this process holds (each only if still its own), for an end that
/// does not come back to the code that holds them: the process ended from another thread, a
/// second signal. Found from outside: an editor ended so left its lock file naming a dead pid.
pub fn let_go_of_every_lock() {
    for (_, path, file) in held().drain(..) {
        if crate::format::same_file_as(&file, &path) {
            let _ = fs::remove_file(&path);
        }
    }
}

impl Lock {
    fn new(file: File, path: PathBuf, layout: &Path) -> Lock {
        let id = NEXT_LOCK.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Ok(handle) = file.try_clone() {
            held().push((id, path.clone(), handle));
        }
        Lock { file, path, layout: resolved(layout), id }
    }

    /// Whether the lock file is still the one this lock holds: removed by hand (or by a
    /// clean-up) and made anew by another editor, it is not.
    pub fn still_held(&self) -> bool {
        crate::format::same_file_as(&self.file, &self.path)
    }

    /// Whether this is the lock of the file `layout` names now: a layout's link pointed at
    /// another file makes it another layout's.
    pub fn is_for(&self, layout: &Path) -> bool {
        self.layout == resolved(layout)
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        held().retain(|(id, _, _)| *id != self.id);
        // Only its own file (found from outside: with the lock file removed by hand and a
        // second editor's made in its place, the first one's quit removed the second's).
        if self.still_held() {
            let _ = fs::remove_file(&self.path);
        }
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

/// Who has the layout open.
#[derive(Debug)]
pub enum Locked {
    /// This editor: nobody else had it, or the one who did is gone (a stale lock).
    Mine(Lock),
    /// Another editor, still running (or on another host, where there is no telling).
    Theirs(Owner),
}

/// Takes the advisory lock on `layout`, or says who holds it. An `flock` dies with its
/// process, so the lock of a killed editor is simply taken over; where the file system has
/// no `flock`, a lock naming a dead process on this host is taken over. Where the layout's
/// folder takes no lock file (read-only), the lock is taken in the spare folder, as the
/// journal is (found from outside: two editors on a layout in a read-only folder, neither
/// warned of the other, both offered the same dead editor's work).
pub fn lock(layout: &Path, spare: Option<&Path>) -> io::Result<Locked> {
    lock_by(layout, spare, |path| File::options().read(true).write(true).create(true).truncate(false).open(path))
}

/// [`lock`], each lock file opened by `open`.
fn lock_by(layout: &Path, spare: Option<&Path>, open: impl Fn(&Path) -> io::Result<File>) -> io::Result<Locked> {
    let spare = spare_lock_path(layout, spare);
    // One taken there while the folder refused it still counts once the folder takes files.
    if let Some(owner) = spare.as_deref().and_then(holder_at) {
        return Ok(Locked::Theirs(owner));
    }
    let e = match lock_at(layout, &lock_path(layout), &open) {
        Err(e) if folder_refused(&e) => e,
        taken => return taken,
    };
    match spare {
        Some(spare) => fs::create_dir_all(spare.parent().unwrap_or(Path::new(".")))
            .and_then(|()| lock_at(layout, &spare, &open))
            .map_err(|_| e),
        None => Err(e),
    }
}

/// Whether the folder refused a file to be made in it (read-only, not this user's).
fn folder_refused(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied)
}

/// The lock of `layout` at `path`, each try opened by `open`.
fn lock_at(layout: &Path, path: &Path, open: &impl Fn(&Path) -> io::Result<File>) -> io::Result<Locked> {
    if let Ok(meta) = fs::symlink_metadata(path)
        && !meta.is_file()
    {
        return Err(io::Error::other(format!("{} is not a regular file", printable_path(path))));
    }
    // A lock file removed and made anew between our open and our lock would leave two
    // editors each holding a lock of its own; so the lock counts only on the file the
    // path still names.
    for attempt in 0..LOCK_TRIES {
        let mut file = open(path)?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                let owner = read_owner(&mut file);
                // No editor named, or one no longer running: a holder still writing its line,
                // or another editor's look through `holder` (a shared lock let go at once), so
                // asked again after a moment (found in review: "?@? pid 0" was said).
                if attempt + 1 < LOCK_TRIES && !owner.as_ref().is_some_and(Owner::may_be_alive) {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    continue;
                }
                let owner = owner.unwrap_or_else(Owner::unknown);
                return Ok(Locked::Theirs(owner));
            }
            Err(fs4::TryLockError::Error(_)) => {
                if let Some(owner) = read_owner(&mut file).filter(|o| o.pid != std::process::id() && o.may_be_alive()) {
                    return Ok(Locked::Theirs(owner));
                }
            }
        }
        if !crate::format::same_file_as(&file, path) {
            continue;
        }
        let written = file.set_len(0).and_then(|()| file.write_all(format!("{}\n", Owner::me()).as_bytes()));
        let lock = Lock::new(file, path.to_path_buf(), layout);
        // Not written (a full disk): dropped, the lock file goes (found from outside: an
        // empty one was left behind).
        written?;
        return Ok(Locked::Mine(lock));
    }
    Err(io::Error::other("the lock file keeps changing"))
}

/// The lock of `layout` in the spare folder, for a layout's folder that takes no lock file:
/// named as its journals there are (`%desk%p3.layout.ron.lock`).
pub fn spare_lock_path(layout: &Path, spare: Option<&Path>) -> Option<PathBuf> {
    let (dir, name) = spare_name(layout, spare)?;
    Some(dir.join(format!("{name}.lock")))
}

/// Who holds the lock on `layout`, if another editor does, found without taking it: a shared
/// lock tried and let go at once (or, where the file system has no `flock`, the owner line, if
/// it names a running editor other than this one). The lock in the spare folder counts too.
pub fn holder(layout: &Path, spare: Option<&Path>) -> Option<Owner> {
    holder_at(&lock_path(layout)).or_else(|| holder_at(&spare_lock_path(layout, spare)?))
}

fn holder_at(path: &Path) -> Option<Owner> {
    let mut file = File::open(path).ok()?;
    match fs4::FileExt::try_lock_shared(&file) {
        Ok(()) => None,
        Err(fs4::TryLockError::WouldBlock) => Some(read_owner(&mut file).unwrap_or_else(Owner::unknown)),
        Err(fs4::TryLockError::Error(_)) => {
            read_owner(&mut file).filter(|o| o.pid != std::process::id() && o.may_be_alive())
        }
    }
}

/// How many times [`lock`] tries the lock file: a few, 5 ms apart, so that a look at the lock
/// or a holder writing its owner line has passed.
const LOCK_TRIES: usize = 5;

fn read_owner(file: &mut File) -> Option<Owner> {
    let mut text = String::new();
    file.take(512).read_to_string(&mut text).ok()?;
    Owner::parse(text.lines().next()?)
}

// ---- journals ----

/// The first line of every journal: who wrote it (a RON comment, so the rest parses).
const HEADER: &str = "// pasteup journal of ";

/// The second line: the layout on disk the journalled work stands on, as [`base_of`] gives it.
const BASE: &str = "// base ";

/// What the layout file at `path` holds now, as a journal names the file its work stands on
/// (`none`: no file): a fingerprint of its bytes, written with the journal, so that work
/// restored after a crash is known to stand on another layout than the one on disk now,
/// whatever the times say (found from outside: killed while another program's save was still
/// to be answered, the journal was newer than that save, and the restored work was saved over
/// it unasked). Bytes, not the layout as read: what the issue has since dropped from it is no
/// other save.
pub fn base_of(path: &Path) -> String {
    // A pipe or a device is never read: opening a pipe no program writes waits for ever (found
    // from outside: saved over a FIFO, the editor hung reading it back).
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return "not-a-file".to_string(),
        Err(_) => return "none".to_string(),
    }
    let Ok(bytes) = fs::read(path) else { return "none".to_string() };
    // FNV-1a: the same bytes give the same number in every process.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("{hash:016x}")
}

/// The base a journal's text names, if it names one (a journal of an older pasteup does not).
fn journal_base(text: &str) -> Option<&str> {
    text.lines().take(2).find_map(|line| line.strip_prefix(BASE))
}

/// Whether `path` names a lock or a journal as pasteup makes them (`X.lock`, `X.recover`,
/// `X.recover.PID`, one moved aside, `X.recover.PID.SECS`, and `X.claimed.PID`), or a link to one: never a file
/// to write a layout over. `pages.recovered.layout.ron` is none of them.
pub fn is_own_file(path: &Path) -> bool {
    let own = |p: &Path| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let numbered = |rest: &str| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        // A damaged journal set aside: `X.recover.PID.damaged`, `X.recover.damaged.2`.
        let aside = |rest: &str| {
            rest.split_once("damaged").is_some_and(|(before, after)| {
                (before.is_empty() || numbered(before)) && (after.is_empty() || numbered(after))
            })
        };
        name.ends_with(".lock")
            || name.ends_with(".recover")
            || name.rsplit_once(".claimed.").is_some_and(|(_, n)| numbered(n))
            || name.rsplit_once(".recover.").is_some_and(|(_, n)| numbered(n) || aside(n))
    };
    own(path) || fs::canonicalize(path).is_ok_and(|target| own(&target))
}

/// `X.layout.ron` → `X.layout.ron.recover.PID`: this editor's journal.
pub fn journal_path(layout: &Path) -> PathBuf {
    suffixed(&resolved(layout), &format!(".recover.{}", std::process::id()))
}

/// A journal left by an editor that is no longer running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    pub path: PathBuf,
    /// Who wrote it (`None`: a journal of an older pasteup, `X.recover`).
    pub owner: Option<Owner>,
    /// The layout file its work stands on, as [`base_of`] gives it (`None`: a journal of an
    /// older pasteup names none).
    pub base: Option<String>,
    pub written: SystemTime,
}

/// What lies beside a layout when an editor starts.
#[derive(Debug, Default)]
pub struct Found {
    /// Journals of editors that died, newest first.
    pub journals: Vec<Journal>,
    /// Why each recovery file that is not a regular file under 64 MiB was left alone; never read.
    pub refused: Vec<Note>,
}

/// The journals of dead editors beside `layout`, newest first. A live editor's journal is
/// never offered (its owner still has the changes); this editor's own path, if a dead
/// editor of the same pid left it, is moved aside first so it is offered, not overwritten.
pub fn find_journals(layout: &Path, spare: Option<&Path>) -> Found {
    move_own_path_aside(layout, spare);
    journals_beside(layout, spare)
}

/// The journals of dead editors beside `layout` (and in the spare folder), newest first,
/// touching nothing: what an editor that cannot open would have offered.
pub fn journals_beside(layout: &Path, spare: Option<&Path>) -> Found {
    let mut found = Found::default();
    let resolved = &resolved(layout);
    let dir = match resolved.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let at_work = |owner: &Owner| at_work_on(owner, layout, spare);
    if let Some(base) = resolved.file_name().map(|n| format!("{}.recover", n.to_string_lossy())) {
        look_in(dir, &base, &at_work, &mut found);
    }
    if let Some((spare, base)) = spare_base(layout, spare) {
        look_in(&spare, &base, &at_work, &mut found);
    }
    let claimed = claimed(layout, spare);
    found.journals.retain(|j| !claimed.contains(&fs::canonicalize(&j.path).unwrap_or_else(|_| j.path.clone())));
    found.journals.sort_by(|a, b| b.written.cmp(&a.written).then_with(|| a.path.cmp(&b.path)));
    found
}

/// Whether `owner`, who wrote a journal of `layout`, is an editor still at work on it: a live
/// pasteup that holds this layout's lock, or one that holds no layout's lock at all (a second
/// editor here found the lock held, and holds none). A live pasteup holding only other
/// layouts' locks is another layout's editor that was given the dead writer's pid again — a
/// reboot gives pids out anew (found from outside: the work of such a journal was never
/// offered, unsaid). Where a process's open files cannot be seen (another user's, no
/// `/proc`), a live pasteup counts as at work, as before.
fn at_work_on(owner: &Owner, layout: &Path, spare: Option<&Path>) -> bool {
    if !owner.may_be_alive() {
        return false;
    }
    if holder(layout, spare).is_some_and(|h| h.pid == owner.pid && h.host == owner.host) {
        return true;
    }
    let ours: Vec<PathBuf> = std::iter::once(lock_path(layout))
        .chain(spare_lock_path(layout, spare))
        .map(|l| fs::canonicalize(&l).unwrap_or(l))
        .collect();
    open_locks(owner.pid).is_none_or(|locks| locks.is_empty() || locks.iter().any(|l| ours.contains(l)))
}

/// The lock files (`….lock`) process `pid` of this host has open, if its open files can be
/// seen: a lock is held open for the editor's life.
fn open_locks(pid: u32) -> Option<Vec<PathBuf>> {
    let fds = fs::read_dir(format!("/proc/{pid}/fd")).ok()?;
    let targets = fds.flatten().filter_map(|fd| fs::read_link(fd.path()).ok());
    // A lock file removed while held reads `… (deleted)`.
    let named = |t: PathBuf| match t.to_string_lossy().strip_suffix(" (deleted)") {
        Some(kept) => PathBuf::from(kept),
        None => t,
    };
    Some(targets.map(named).filter(|t| t.to_string_lossy().ends_with(".lock")).collect())
}

/// This editor's record in the spare folder of the dead editors' journals it restored and
/// could not remove (`%desk%p3.layout.ron.claimed.PID`): the owner line, then one journal a
/// line.
fn claim_path(layout: &Path, spare: Option<&Path>) -> Option<PathBuf> {
    let (dir, name) = spare_name(layout, spare)?;
    Some(dir.join(format!("{name}.claimed.{}", std::process::id())))
}

/// Records that this editor restored the work of the dead editor's journal at `journal`,
/// which its folder would not let go (read-only): no other editor offers it while this one
/// runs (found from outside: a second editor was offered the work the first had restored).
pub fn claim(layout: &Path, spare: Option<&Path>, journal: &Path) -> io::Result<()> {
    let path = claim_path(layout, spare).ok_or_else(|| io::Error::other("no spare folder"))?;
    let mut text = fs::read_to_string(&path).unwrap_or_else(|_| format!("{}\n", Owner::me()));
    let journal = fs::canonicalize(journal).unwrap_or_else(|_| journal.to_path_buf());
    text.push_str(&format!("{}\n", journal.display()));
    fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    fs::write(&path, text)
}

/// Removes this editor's record of journals it restored: at its end, or a dead editor's of
/// the same pid at the start.
pub fn remove_claim(layout: &Path, spare: Option<&Path>) {
    if let Some(path) = claim_path(layout, spare) {
        remove_journal(&path);
    }
}

/// The journals running editors restored and could not remove, from their records.
fn claimed(layout: &Path, spare: Option<&Path>) -> Vec<PathBuf> {
    let Some((dir, name)) = spare_name(layout, spare) else { return Vec::new() };
    let prefix = format!("{name}.claimed.");
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let records = entries.flatten().filter(|e| e.file_name().to_string_lossy().starts_with(&prefix));
    let texts = records.filter_map(|e| fs::read_to_string(e.path()).ok());
    let live = texts.filter(|t| t.lines().next().and_then(Owner::parse).is_some_and(|o| o.may_be_alive()));
    live.flat_map(|t| t.lines().skip(1).map(PathBuf::from).collect::<Vec<_>>()).collect()
}

/// The journals of dead editors an editor asked to open `issue` (with `layout`) would have
/// offered, when the files could not be opened: beside the layout named, else beside the
/// issue's own layout and beside the file given (a layout given in the issue's place).
/// Found from outside: an issue left with a syntax error exited 2 without a word of the
/// unsaved work waiting for it.
pub fn waiting_for(issue: &Path, layout: Option<&Path>, spare: Option<&Path>) -> Vec<PathBuf> {
    let layouts = match layout {
        Some(layout) => vec![layout.to_path_buf()],
        None => vec![crate::format::default_layout_path(issue), issue.to_path_buf()],
    };
    let mut paths: Vec<PathBuf> =
        layouts.iter().flat_map(|l| journals_beside(l, spare).journals).map(|j| j.path).collect();
    paths.dedup();
    paths
}

/// The journals in `dir` named `base` or `base.…`, into `found`, but those whose writer is
/// `at_work` still.
fn look_in(dir: &Path, base: &str, at_work: &impl Fn(&Owner) -> bool, found: &mut Found) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name != base && !name.strip_prefix(base).is_some_and(|rest| rest.starts_with('.')) {
            continue;
        }
        // A damaged one set aside is kept for a look by hand, not offered again.
        if name.strip_prefix(base).is_some_and(|rest| rest.contains(".damaged")) {
            continue;
        }
        let path = entry.path();
        match journal_meta(&path) {
            Err(why) => found.refused.push(why),
            Ok(written) => {
                let (owner, base) = read_header(&path);
                // Found from outside: a journal of a dead editor whose pid this one was given
                // was moved aside and then never offered.
                if let Some(other) = owner.as_ref().filter(|o| o.host != host_name()) {
                    let file = name.clone();
                    found.refused.push(Note::RecoveryOtherHost { file, owner: other.to_string() });
                    continue;
                }
                if owner.as_ref().is_some_and(at_work) {
                    continue;
                }
                found.journals.push(Journal { path, owner, base, written });
            }
        }
    }
}

fn move_own_path_aside(layout: &Path, spare: Option<&Path>) {
    remove_claim(layout, spare);
    for own in own_journals(layout, spare) {
        if fs::symlink_metadata(&own).is_ok() {
            let secs = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            let _ = fs::rename(&own, suffixed(&own, &format!(".{secs}")));
        }
    }
}

/// The spare folder for journals a layout's folder cannot take, from the environment.
pub fn spare_dir() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME").map(PathBuf::from).filter(|p| p.is_absolute());
    let home = || std::env::var_os("HOME").map(PathBuf::from).filter(|p| p.is_absolute());
    Some(state.or_else(|| home().map(|h| h.join(".local").join("state")))?.join("pasteup").join("recover"))
}

/// The spare folder and the layout's journal name in it: its whole path, `%` for each `/`
/// (`%%` for a `%`), as vim names swap files. A path too long to be a name is named by its
/// hash and the start of its file name (found from outside: a layout of a 250-byte name had
/// no journal anywhere, beside it or here, and a kill lost the work).
fn spare_base(layout: &Path, spare: Option<&Path>) -> Option<(PathBuf, String)> {
    let (dir, name) = spare_name(layout, spare)?;
    Some((dir, format!("{name}.recover")))
}

/// The spare folder and the layout's name in it, which its journals, its lock and its claim
/// records there start with (see [`spare_base`]).
fn spare_name(layout: &Path, spare: Option<&Path>) -> Option<(PathBuf, String)> {
    // Named from the real path (found from outside: opened as `sub/../d.layout.ron`, its
    // journal here was never offered to an editor on `d.layout.ron`).
    let whole = crate::format::in_real_folder(&resolved(layout))?;
    let mut name = whole.to_string_lossy().replace('%', "%%").replace('/', "%");
    if name.len() > 200 {
        let file = whole.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        name = format!("{:016x}%{}", fnv_hash(whole.as_os_str().as_encoded_bytes()), name_start(&file));
    }
    Some((spare?.to_path_buf(), name))
}

/// This editor's journal in the spare folder `spare`.
pub fn spare_journal_path(layout: &Path, spare: Option<&Path>) -> Option<PathBuf> {
    let (dir, base) = spare_base(layout, spare)?;
    Some(dir.join(format!("{base}.{}", std::process::id())))
}

/// Where this editor's journal may be: beside the layout, and in the spare folder.
pub fn own_journals(layout: &Path, spare: Option<&Path>) -> Vec<PathBuf> {
    std::iter::once(journal_path(layout)).chain(spare_journal_path(layout, spare)).collect()
}

/// Removes this editor's journal, wherever it was written.
pub fn remove_own_journals(layout: &Path, spare: Option<&Path>) {
    for own in own_journals(layout, spare) {
        remove_journal(&own);
    }
}

/// When the journal was written, if it is a regular file pasteup may read.
fn journal_meta(path: &Path) -> Result<SystemTime, Note> {
    let meta = fs::metadata(path).map_err(|e| unreadable(path, &e))?;
    let file = printable_path(path);
    if !meta.is_file() {
        return Err(Note::RecoveryNotAFile { file });
    }
    if meta.len() > MAX_JOURNAL_BYTES {
        return Err(Note::RecoveryTooLarge { file });
    }
    Ok(meta.modified().unwrap_or(SystemTime::UNIX_EPOCH))
}

/// A journal's writer and base, from its first lines: read once, when it is found.
fn read_header(path: &Path) -> (Option<Owner>, Option<String>) {
    let mut head = String::new();
    if File::open(path).and_then(|f| f.take(1024).read_to_string(&mut head)).is_err() {
        return (None, None);
    }
    let owner = head.lines().next().and_then(|line| line.strip_prefix(HEADER)).and_then(Owner::parse);
    (owner, journal_base(&head).map(str::to_string))
}

/// The text of a journal: only a regular file under 64 MiB is read, so a journal that is a
/// link to `/dev/zero` or a FIFO can neither hang the editor nor fill its memory. Why not, as a
/// note the editor says in its own language (one gone since it was found is unreadable).
pub fn read_journal(path: &Path) -> Result<String, Note> {
    journal_meta(path)?;
    let mut text = String::new();
    let read = File::open(path).and_then(|f| f.take(MAX_JOURNAL_BYTES).read_to_string(&mut text));
    read.map_err(|e| unreadable(path, &e))?;
    Ok(text)
}

/// A dead editor's journal, read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Read whole: the layout it holds, and its text (for the check's positions).
    Whole { layout: Layout, text: String },
    /// Empty, cut short or holding zeros: the journal is not fsynced, and a power cut can
    /// leave it so (found from outside: such a journal was offered as any other, and `y`
    /// only then said it could not be read).
    Damaged(Damage),
}

/// Where a journal is damaged, and what can be read of it before that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// The first line of the file that cannot be read (1: none can; an empty file).
    pub line: usize,
    /// What the whole lines before it hold, where they hold a box.
    pub salvaged: Option<Salvaged>,
}

/// The boxes a damaged journal holds whole before its damage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Salvaged {
    pub layout: Layout,
    /// The text it was read from: the lines before the damage, their brackets closed.
    pub text: String,
    /// The pages it holds to their end: the others may have held more than it tells.
    whole_pages: Vec<u32>,
}

impl Salvaged {
    /// How many boxes it holds.
    pub fn boxes(&self) -> usize {
        self.layout.pages.iter().map(|p| p.placements.len()).sum()
    }

    /// The work as far as the journal tells it, and past that the layout as last saved: on the
    /// page the damage falls in and the pages after it, each box of `saved` the journal does
    /// not hold (item and part) stands where the save has it. The pages the journal holds to
    /// their end are its own: a box it took off them went to the bin.
    pub fn over(&self, saved: &Layout) -> Layout {
        let mut layout = self.layout.clone();
        let held: std::collections::HashSet<(String, u32)> =
            layout.pages.iter().flat_map(|p| &p.placements).map(|p| (p.item.clone(), p.part)).collect();
        for page in saved.pages.iter().filter(|p| !self.whole_pages.contains(&p.number)) {
            let rest = page.placements.iter().filter(|p| !held.contains(&(p.item.clone(), p.part))).cloned();
            let rest: Vec<_> = rest.collect();
            if rest.is_empty() {
                continue;
            }
            match layout.pages.iter_mut().find(|p| p.number == page.number) {
                Some(ours) => ours.placements.extend(rest),
                None => layout.pages.push(crate::model::PageLayout { number: page.number, placements: rest }),
            }
        }
        layout
    }
}

/// Reads back a dead editor's journal: whole, or damaged and what can be read of it. Why not
/// at all (not a regular file, too large, unreadable), as [`read_journal`] says it.
pub fn read_back(path: &Path) -> Result<Reading, Note> {
    journal_meta(path)?;
    let mut bytes = Vec::new();
    let read = File::open(path).and_then(|f| f.take(MAX_JOURNAL_BYTES).read_to_end(&mut bytes));
    read.map_err(|e| unreadable(path, &e))?;
    Ok(judge(path, &bytes))
}

/// What the bytes of the journal at `path` hold. Bytes that are not UTF-8 (a block of the
/// file overwritten) count as damage where they start, as a zero byte does.
fn judge(path: &Path, bytes: &[u8]) -> Reading {
    let (text, whole) = match std::str::from_utf8(bytes) {
        Ok(text) => (text, true),
        Err(e) => (std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(), false),
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let error_line = match crate::format::parse_layout(path, text) {
        Ok(layout) if whole => return Reading::Whole { layout, text: text.to_string() },
        Ok(_) => usize::MAX,
        // Where nothing but blanks follows, the file ended too soon: past its last line.
        Err(e) if at_the_end(&lines, e.line, e.col) => usize::MAX,
        Err(e) => e.line.unwrap_or(1),
    };
    // The lines before the one the reading broke on, each whole (ended by its line feed).
    let ended = lines.iter().take_while(|l| l.ends_with('\n')).count();
    let kept = error_line.saturating_sub(1).min(ended);
    Reading::Damaged(Damage { line: kept + 1, salvaged: salvage(path, &lines[..kept].concat()) })
}

/// Whether the place `line`:`col` (from 1, `col` in characters) in `lines` has only blanks
/// after it.
fn at_the_end(lines: &[&str], line: Option<usize>, col: Option<usize>) -> bool {
    let (Some(line), Some(col)) = (line, col) else { return false };
    let Some(at) = lines.get(line.saturating_sub(1)) else { return true };
    let rest = at.chars().skip(col.saturating_sub(1)).collect::<String>();
    rest.trim().is_empty() && lines[line..].iter().all(|l| l.trim().is_empty())
}

/// The layout the lines `kept` make with their open brackets closed, where it reads and holds
/// a box. pasteup writes a journal one placement a line, so each whole line is a whole box.
fn salvage(path: &Path, kept: &str) -> Option<Salvaged> {
    let open = open_brackets(kept);
    let closed: String = open.iter().rev().map(|b| if *b == '(' { ')' } else { ']' }).collect();
    let text = format!("{kept}{closed}\n");
    let layout = crate::format::parse_layout(path, &text).ok()?;
    // Four open — the layout, its pages, a page and its placements — is a page cut short.
    let cut_page = (open.len() >= 4).then(|| layout.pages.last().map(|p| p.number)).flatten();
    let whole_pages = layout.pages.iter().map(|p| p.number).filter(|n| Some(*n) != cut_page).collect();
    let salvaged = Salvaged { layout, text, whole_pages };
    (salvaged.boxes() > 0).then_some(salvaged)
}

/// The brackets `text` leaves open, outermost first: strings and `//` comments skipped.
fn open_brackets(text: &str) -> Vec<char> {
    let mut open = Vec::new();
    for line in text.lines() {
        let mut chars = line.chars();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' if quoted => {
                    chars.next();
                }
                '"' => quoted = !quoted,
                '/' if !quoted && line.trim_start().starts_with("//") => break,
                '(' | '[' if !quoted => open.push(c),
                ')' | ']' if !quoted => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    open
}

/// Sets a damaged journal aside, beside itself as `….damaged` (`….damaged.2`, … where that is
/// taken): kept for a look by hand, never offered again, never written over. Where it went.
pub fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let mut aside = suffixed(path, ".damaged");
    let mut n = 1;
    while fs::symlink_metadata(&aside).is_ok() {
        n += 1;
        aside = suffixed(path, &format!(".damaged.{n}"));
    }
    fs::rename(path, &aside)?;
    Ok(aside)
}

/// The note for a recovery file the system would not let pasteup read.
fn unreadable(path: &Path, e: &io::Error) -> Note {
    Note::RecoveryUnreadable { file: printable_path(path), error: e.to_string() }
}

/// Where a journal was written, and why not beside the layout when it went to the spare folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journalled {
    pub path: PathBuf,
    /// `None`: beside the layout.
    pub elsewhere: Option<Elsewhere>,
}

/// Why a journal went to the spare folder rather than beside the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elsewhere {
    /// The folder took no file there (read-only, full).
    FolderRefused,
    /// The layout's file name with `.recover.PID` is longer than the folder's file system
    /// takes (found from outside: said as a folder that cannot be written).
    NameTooLong,
    /// Something not a file (a folder) stands where the journal goes: the folder takes other
    /// files, a save too (found from outside: said as a folder that cannot be written).
    InTheWay,
}

impl Elsewhere {
    /// Why, from the error met writing `beside` the layout.
    fn of(e: &io::Error, beside: &Path) -> Elsewhere {
        if fs::symlink_metadata(beside).is_ok_and(|m| !m.is_file()) {
            return Elsewhere::InTheWay;
        }
        #[cfg(unix)]
        let too_long = e.raw_os_error() == Some(rustix::io::Errno::NAMETOOLONG.raw_os_error());
        #[cfg(not(unix))]
        let too_long = e.kind() == io::ErrorKind::InvalidFilename;
        if too_long { Elsewhere::NameTooLong } else { Elsewhere::FolderRefused }
    }
}

/// Writes this editor's unsaved layout to its journal beside the layout, or where the
/// layout's folder cannot take it, in the spare folder (found from outside: with the folder
/// read-only, a SIGTERM lost the work); returns where it went, and why there. The error is the
/// one beside the layout, if neither could be written.
pub fn write_journal(
    layout_path: &Path,
    (layout, base): (&Layout, &str),
    spare: Option<&Path>,
) -> io::Result<Journalled> {
    write_journal_by(layout_path, layout, spare, |path, layout| write_at(path, layout, base))
}

/// [`write_journal`], each file written by `write`.
fn write_journal_by(
    layout_path: &Path,
    layout: &Layout,
    spare: Option<&Path>,
    write: impl Fn(&Path, &Layout) -> io::Result<()>,
) -> io::Result<Journalled> {
    let beside = journal_path(layout_path);
    let spare = spare_journal_path(layout_path, spare);
    // One journal an editor: the other one, if written before, is stale once this one is.
    match write(&beside, layout) {
        Ok(()) => {
            if let Some(spare) = spare {
                remove_journal(&spare);
            }
            Ok(Journalled { path: beside, elsewhere: None })
        }
        Err(e) => match spare {
            Some(spare) if write(&spare, layout).is_ok() => {
                // Removed where the folder lets it be (a full disk does; found from outside: the
                // stale one beside the layout was offered again after the newer was saved).
                remove_journal(&beside);
                Ok(Journalled { path: spare, elsewhere: Some(Elsewhere::of(&e, &beside)) })
            }
            _ => Err(e),
        },
    }
}

/// Writes a journal at `path`: a temporary file renamed over it, so a kill mid-write leaves
/// the previous journal whole (and the temporary file is cleaned up by the next save in the
/// folder). No fsync (see the module).
fn write_at(path: &Path, layout: &Layout, base: &str) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // The sample's folder is made at its first save; its journal may come first.
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".pasteup-").suffix(".tmp").tempfile_in(dir)?;
    let listed = crate::format::UnderWay::list(tmp.path(), None);
    tmp.write_all(format!("{HEADER}{}\n{BASE}{base}\n", Owner::me()).as_bytes())?;
    tmp.write_all(to_ron_string(layout).as_bytes())?;
    tmp.flush()?;
    listed.rename(|| tmp.persist(path)).map_err(|e| e.error)?;
    *last_kept() = Some(path.to_path_buf());
    Ok(())
}

/// The journal this process last wrote and has not removed since, for an end that cannot ask
/// the editor where its work is ([`last_journal`]).
static LAST_KEPT: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

fn last_kept() -> std::sync::MutexGuard<'static, Option<PathBuf>> {
    LAST_KEPT.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Where this process last kept unsaved work, that journal still there: what an editor ended
/// from another thread (a second signal while a save is stuck, the hang-up watch) says.
pub fn last_journal() -> Option<PathBuf> {
    last_kept().clone().filter(|path| path.is_file())
}

/// Removes a journal (best effort: one that is already gone is no error).
pub fn remove_journal(path: &Path) {
    let _ = discard_journal(path);
}

/// Removes a dead editor's journal the page editor declined; one already gone is removed.
pub fn discard_journal(path: &Path) -> std::io::Result<()> {
    let mut last = last_kept();
    if last.as_deref() == Some(path) {
        *last = None;
    }
    drop(last);
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let identity = {
        use std::os::unix::fs::MetadataExt;
        (meta.ino(), meta.ctime(), meta.ctime_nsec())
    };
    #[cfg(not(unix))]
    let identity = (0, 0, 0);
    Some(Stamp { modified: meta.modified().ok()?, len: meta.len(), identity })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Depth, PageLayout, Placement};

    fn layout() -> Layout {
        Layout {
            issue: "a.ron".into(),
            pages: vec![PageLayout { number: 3, placements: vec![Placement::new("x", 2, 1, 4, Depth::Auto)] }],
            conflicts: vec![],
        }
    }

    /// The `sleep` program, to copy under an editor's name.
    fn which_sleep() -> PathBuf {
        ["/bin/sleep", "/usr/bin/sleep"].into_iter().map(PathBuf::from).find(|p| p.is_file()).unwrap()
    }

    /// A pid that is surely dead: a child that has exited and been reaped.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    fn journal_of(dir: &Path, layout_path: &Path, owner: &Owner, age_secs: u64) -> PathBuf {
        let path = dir.join(format!("{}.recover.{}", layout_path.file_name().unwrap().to_string_lossy(), owner.pid));
        fs::write(&path, format!("{HEADER}{owner}\n{}", to_ron_string(&layout()))).unwrap();
        let when = SystemTime::now() - std::time::Duration::from_secs(age_secs);
        File::options().write(true).open(&path).unwrap().set_modified(when).unwrap();
        path
    }

    #[test]
    fn own_files_are_locks_and_journals_by_name() {
        for own in
            ["a.layout.ron.lock", "a.layout.ron.recover", "a.layout.ron.recover.812", "a.layout.ron.recover.812.17"]
        {
            assert!(is_own_file(Path::new(own)), "{own}");
        }
        for other in ["pages.recovered.layout.ron", "x.recovery.layout.ron", "a.recover.txt", "a.layout.ron"] {
            assert!(!is_own_file(Path::new(other)), "{other}");
        }
    }

    #[test]
    fn own_journal_round_trip_and_a_dead_editor_of_the_same_pid_offered() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        std::fs::write(&layout_path, "Layout(pages: [])").unwrap();
        let base = base_of(&layout_path);
        write_journal(&layout_path, (&layout(), &base), None).unwrap();
        let own = journal_path(&layout_path);
        assert_eq!(own, dir.path().join(format!("a.layout.ron.recover.{}", std::process::id())));
        let text = read_journal(&own).unwrap();
        assert!(text.starts_with(&format!("{HEADER}{}\n", Owner::me())), "{text}");
        assert_eq!(journal_base(&text), Some(base.as_str()), "the layout the work stands on");
        assert_ne!(base, base_of(&dir.path().join("none.layout.ron")));
        std::fs::remove_file(&layout_path).unwrap();
        assert_eq!(crate::format::parse_layout(&own, &text).unwrap(), layout());
        // Looked for at the start, a journal of this pid is a dead editor's whose pid this one
        // was given (found from outside: it was moved aside and never offered).
        let found = find_journals(&layout_path, None);
        assert_eq!(found.journals.len(), 1, "{found:?}");
        assert_eq!(found.journals[0].base, Some(base), "read with its writer, once");
        assert!(!own.exists(), "moved aside, not to be written over");
        assert!(found.journals[0].path.to_string_lossy().contains(&format!(".recover.{}.", std::process::id())));
    }

    #[test]
    fn work_waiting_for_an_issue_that_cannot_open_is_found_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let issue = dir.path().join("night.ron");
        let beside = dir.path().join("night.layout.ron");
        let dead = Owner { pid: dead_pid(), ..Owner::me() };
        let path = journal_of(dir.path(), &beside, &dead, 5);
        assert_eq!(waiting_for(&issue, None, None), std::slice::from_ref(&path));
        // Given as the file to open, the layout is looked beside too.
        assert_eq!(waiting_for(&beside, None, None), std::slice::from_ref(&path));
        assert!(waiting_for(&issue, Some(&dir.path().join("other.layout.ron")), None).is_empty());
        assert!(path.exists(), "left where it was, for the editor to offer");
    }

    /// Found from outside: a dead editor's pid given again to another program (a `sleep`)
    /// kept its journal from being offered, unsaid.
    #[test]
    fn a_journal_whose_pid_another_program_now_has_is_offered() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        let mut sleeper = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let owner = Owner { pid: sleeper.id(), ..Owner::me() };
        let path = journal_of(dir.path(), &layout_path, &owner, 5);
        let found = find_journals(&layout_path, None);
        let _ = sleeper.kill();
        let _ = sleeper.wait();
        assert_eq!(found.journals.iter().map(|j| j.path.clone()).collect::<Vec<_>>(), [path]);
        assert!(!owner.may_be_alive(), "not an editor");
        assert!(Owner::me().may_be_alive() || Owner::me().pid == std::process::id());
    }

    /// Found from outside: a layout of a 250-byte name had no journal at all: its name and
    /// `.recover.PID` are too long beside it, and its whole path too long in the spare folder.
    /// There it is named by its hash now, and found again.
    #[test]
    fn a_layout_whose_name_is_too_long_for_a_journal_beside_it_journals_in_the_spare_folder() {
        let dir = tempfile::tempdir().unwrap();
        let spare = dir.path().join("state");
        let layout_path = dir.path().join(format!("{}xx.layout.ron", "长".repeat(79)));
        assert_eq!(layout_path.file_name().unwrap().len(), 250);
        let written = write_journal(&layout_path, (&layout(), "none"), Some(&spare)).unwrap();
        assert_eq!(written.elsewhere, Some(Elsewhere::NameTooLong), "the name, not the folder");
        let at = written.path;
        assert_eq!(at.parent(), Some(spare.as_path()));
        assert!(at.file_name().unwrap().len() < 200, "{}", at.display());
        assert_eq!(crate::format::parse_layout(&at, &read_journal(&at).unwrap()).unwrap(), layout());
        let dead = Owner { pid: dead_pid(), ..Owner::me() };
        let left = at.with_file_name(
            at.file_name()
                .unwrap()
                .to_string_lossy()
                .replace(&format!(".recover.{}", std::process::id()), &format!(".recover.{}", dead.pid)),
        );
        fs::rename(&at, &left).unwrap();
        fs::write(&left, format!("{HEADER}{dead}\n{}", to_ron_string(&layout()))).unwrap();
        let found = find_journals(&layout_path, Some(&spare));
        assert_eq!(found.journals.iter().map(|j| j.path.clone()).collect::<Vec<_>>(), [left]);
        let other = dir.path().join(format!("{}yy.layout.ron", "长".repeat(79)));
        assert!(find_journals(&other, Some(&spare)).journals.is_empty(), "another layout's is not offered");
    }

    /// Found from outside: after a full disk, freed and full again, the journal went to the
    /// spare folder while the older one beside the layout stayed, and was offered again after
    /// the newer was restored and saved. Written to the spare folder, the one beside goes.
    #[test]
    fn a_journal_written_to_the_spare_folder_removes_the_stale_one_beside() {
        let dir = tempfile::tempdir().unwrap();
        let spare = dir.path().join("state");
        let layout_path = dir.path().join("a.layout.ron");
        let beside = write_journal(&layout_path, (&layout(), "none"), Some(&spare)).unwrap().path;
        assert_eq!(beside, journal_path(&layout_path));
        // The disk full: nothing new can be written beside the layout, but files can go.
        let full = |path: &Path, layout: &Layout| {
            if path == beside {
                Err(io::Error::other("no space left on device"))
            } else {
                write_at(path, layout, "none")
            }
        };
        let at = write_journal_by(&layout_path, &layout(), Some(&spare), full).unwrap();
        assert_eq!(at.elsewhere, Some(Elsewhere::FolderRefused));
        let at = at.path;
        assert_eq!(at.parent(), Some(spare.as_path()));
        assert!(!beside.exists(), "the stale journal beside the layout is gone");
        assert!(at.exists(), "the new one is in the spare folder");
    }

    /// Found from outside: opened as `sub/../d.layout.ron`, the journal in the spare folder was
    /// named from those letters, and an editor on `d.layout.ron` was never offered it.
    #[test]
    fn a_spare_journal_is_named_from_the_real_path_whatever_way_the_layout_was_named() {
        let dir = tempfile::tempdir().unwrap();
        let spare = dir.path().join("state");
        fs::create_dir(dir.path().join("sub")).unwrap();
        let real = dir.path().join("d.layout.ron");
        let roundabout = dir.path().join("sub").join("..").join("d.layout.ron");
        assert_eq!(spare_journal_path(&roundabout, Some(&spare)), spare_journal_path(&real, Some(&spare)));
        let long = format!("{}.layout.ron", "x".repeat(190));
        let (real, roundabout) = (dir.path().join(&long), dir.path().join("sub").join("..").join(&long));
        assert_eq!(spare_journal_path(&roundabout, Some(&spare)), spare_journal_path(&real, Some(&spare)));
    }

    /// Found from outside: a folder standing where the journal goes was said as a folder that
    /// cannot be written, though a save there works. It is said as what it is.
    #[test]
    fn a_folder_where_the_journal_goes_is_said_as_in_the_way() {
        let dir = tempfile::tempdir().unwrap();
        let spare = dir.path().join("state");
        let layout_path = dir.path().join("a.layout.ron");
        fs::create_dir(journal_path(&layout_path)).unwrap();
        let at = write_journal(&layout_path, (&layout(), "none"), Some(&spare)).unwrap();
        assert_eq!(at.elsewhere, Some(Elsewhere::InTheWay));
        assert_eq!(at.path.parent(), Some(spare.as_path()));
        assert!(journal_path(&layout_path).is_dir(), "the folder is left as it was");
    }

    /// Found from outside: with the layout's folder read-only, a SIGTERM lost the work. The
    /// journal goes to the spare folder, is found there, and goes with the editor's own.
    #[test]
    fn a_journal_the_layouts_folder_cannot_take_goes_to_the_spare_folder() {
        let dir = tempfile::tempdir().unwrap();
        let spare = dir.path().join("state");
        // A file where the layout's folder should be: nothing can be written beside it.
        fs::write(dir.path().join("ro"), "").unwrap();
        let layout_path = dir.path().join("ro").join("a%b.layout.ron");
        assert!(write_journal(&layout_path, (&layout(), "none"), None).is_err(), "no spare folder: the error");
        let at = write_journal(&layout_path, (&layout(), "none"), Some(&spare)).unwrap();
        assert_eq!(at.elsewhere, Some(Elsewhere::FolderRefused));
        let at = at.path;
        assert_eq!(at.parent(), Some(spare.as_path()));
        let name = at.file_name().unwrap().to_string_lossy().into_owned();
        let whole = std::path::absolute(&layout_path).unwrap().to_string_lossy().replace('%', "%%").replace('/', "%");
        assert_eq!(name, format!("{whole}.recover.{}", std::process::id()));
        assert_eq!(crate::format::parse_layout(&at, &read_journal(&at).unwrap()).unwrap(), layout());
        remove_own_journals(&layout_path, Some(&spare));
        assert!(!at.exists());
        // A dead editor's journal there is offered; another layout's is not.
        let dead = Owner { pid: dead_pid(), ..Owner::me() };
        let left = spare.join(format!("{whole}.recover.{}", dead.pid));
        fs::write(&left, format!("{HEADER}{dead}\n{}", to_ron_string(&layout()))).unwrap();
        fs::write(spare.join(format!("{whole}x.recover.{}", dead.pid)), "other").unwrap();
        let found = find_journals(&layout_path, Some(&spare));
        assert_eq!(found.journals.iter().map(|j| j.path.clone()).collect::<Vec<_>>(), [left]);
        // Once the layout's folder takes it again, the journal is written there and the spare
        // one goes: one journal an editor.
        let spare_own = write_journal(&layout_path, (&layout(), "none"), Some(&spare)).unwrap().path;
        fs::remove_file(dir.path().join("ro")).unwrap();
        fs::create_dir(dir.path().join("ro")).unwrap();
        let beside = write_journal(&layout_path, (&layout(), "none"), Some(&spare)).unwrap();
        assert_eq!(beside, Journalled { path: journal_path(&layout_path), elsewhere: None });
        assert!(!spare_own.exists());
    }

    #[test]
    fn dead_editors_journals_newest_first_live_ones_never() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        let me = Owner::me();
        let dead = |pid| Owner { pid, ..me.clone() };
        let older = journal_of(dir.path(), &layout_path, &dead(dead_pid()), 300);
        let newer = journal_of(dir.path(), &layout_path, &dead(dead_pid()), 10);
        // A live editor's journal: a process named as pasteup is, alive through the test.
        let editor = dir.path().join("pasteup-live");
        fs::copy(which_sleep(), &editor).unwrap();
        let mut running = std::process::Command::new(&editor).arg("30").spawn().unwrap();
        let live = journal_of(dir.path(), &layout_path, &dead(running.id()), 5);
        let legacy = dir.path().join("a.layout.ron.recover");
        fs::write(&legacy, to_ron_string(&layout())).unwrap();
        File::options().write(true).open(&legacy).unwrap().set_modified(SystemTime::UNIX_EPOCH).unwrap();
        fs::write(dir.path().join("a.layout.ron.recovered-notes"), "not a journal").unwrap();
        let found = find_journals(&layout_path, None);
        let _ = running.kill();
        let _ = running.wait();
        let paths: Vec<_> = found.journals.iter().map(|j| j.path.clone()).collect();
        assert_eq!(paths, [newer, older, legacy]);
        assert!(live.exists());
        assert_eq!(found.journals[0].owner.as_ref().map(|o| o.user.clone()), Some(me.user));
    }

    /// Found from outside: a dead editor's journal whose pid a pasteup editing another layout
    /// now has (a reboot gives pids again) was never offered, unsaid. A journal is a running
    /// editor's only where its pid holds this layout's lock, or holds no layout's lock at all
    /// (a second editor here, which found the lock held).
    #[test]
    fn a_journal_whose_pid_an_editor_of_another_layout_now_has_is_offered() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        let editor = dir.path().join("pasteup-live");
        fs::copy(which_sleep(), &editor).unwrap();
        // An editor of b.layout.ron: it holds b's lock file open, as a lock holder does.
        let other_lock = lock_path(&dir.path().join("b.layout.ron"));
        fs::write(&other_lock, "").unwrap();
        let elsewhere =
            std::process::Command::new(&editor).arg("30").stdin(File::open(&other_lock).unwrap()).spawn().unwrap();
        let reused = journal_of(dir.path(), &layout_path, &Owner { pid: elsewhere.id(), ..Owner::me() }, 5);
        // The holder of this layout's lock: its journal is its own live work.
        let ours = File::options().read(true).write(true).create(true).truncate(false).open(lock_path(&layout_path));
        let mut ours = ours.unwrap();
        fs4::FileExt::try_lock(&ours).unwrap();
        let holding = std::process::Command::new(&editor).arg("30").stdin(ours.try_clone().unwrap()).spawn().unwrap();
        ours.write_all(format!("{}\n", Owner { pid: holding.id(), ..Owner::me() }).as_bytes()).unwrap();
        let live = journal_of(dir.path(), &layout_path, &Owner { pid: holding.id(), ..Owner::me() }, 3);
        // Each is looked at once it runs as the editor, not as this test before its exec.
        for pid in [elsewhere.id(), holding.id()] {
            while fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() != "pasteup-live") {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        }
        let found = find_journals(&layout_path, None);
        for mut child in [elsewhere, holding] {
            let _ = child.kill();
            let _ = child.wait();
        }
        assert_eq!(found.journals.iter().map(|j| j.path.clone()).collect::<Vec<_>>(), [reused]);
        assert!(live.exists());
    }

    #[test]
    fn a_journal_of_another_host_is_left_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        let other = Owner { user: "li".into(), host: "desk-7.example".into(), pid: dead_pid() };
        journal_of(dir.path(), &layout_path, &other, 60);
        let found = find_journals(&layout_path, None);
        assert!(found.journals.is_empty());
        // Said, where it was skipped unsaid (found from outside).
        let file = format!("a.layout.ron.recover.{}", other.pid);
        assert_eq!(found.refused, [Note::RecoveryOtherHost { file, owner: other.to_string() }]);
    }

    #[test]
    fn a_device_or_fifo_journal_is_never_read() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        let zero = dir.path().join("a.layout.ron.recover.1111111");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let fifo = dir.path().join("a.layout.ron.recover");
        rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, rustix::fs::Mode::from_raw_mode(0o600)).unwrap();
        let found = find_journals(&layout_path, None);
        assert!(found.journals.is_empty());
        assert_eq!(found.refused.len(), 2, "{:?}", found.refused);
        assert!(found.refused.iter().all(|r| matches!(r, Note::RecoveryNotAFile { .. })), "{:?}", found.refused);
        assert!(read_journal(&zero).is_err() && read_journal(&fifo).is_err());
    }

    /// Found in review: another editor's look at the lock (a shared lock let go at once) made
    /// an editor starting then say the layout was open in "?@? pid 0".
    #[test]
    fn a_look_at_the_lock_is_not_taken_for_a_holder() {
        let dir = tempfile::tempdir().unwrap();
        let layout = dir.path().join("a.layout.ron");
        fs::write(lock_path(&layout), "").unwrap();
        let look = File::open(lock_path(&layout)).unwrap();
        fs4::FileExt::try_lock_shared(&look).unwrap();
        let done = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(1));
            drop(look);
        });
        let held = lock(&layout, None).unwrap();
        assert!(matches!(held, Locked::Mine(_)));
        done.join().unwrap();
        // A look finds this editor while it holds the lock, and no one once it lets it go.
        assert!(holder(&layout, None).is_some_and(|o| o.pid == std::process::id()));
        drop(held);
        assert!(holder(&layout, None).is_none());
    }

    #[test]
    fn a_stale_lock_is_taken_over_and_a_live_one_named() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        let stale = Owner { pid: dead_pid(), ..Owner::me() };
        fs::write(lock_path(&layout_path), format!("{stale}\n")).unwrap();
        let Locked::Mine(lock) = lock(&layout_path, None).unwrap() else { panic!("a stale lock is taken over") };
        assert_eq!(fs::read_to_string(lock_path(&layout_path)).unwrap(), format!("{}\n", Owner::me()));
        // A second open of the same layout (flock locks per open file) finds it held.
        match super::lock(&layout_path, None).unwrap() {
            Locked::Theirs(owner) => assert_eq!(owner, Owner::me()),
            Locked::Mine(_) => panic!("the layout is locked twice"),
        }
        drop(lock);
        assert!(!lock_path(&layout_path).exists(), "the lock file goes with the editor");
    }

    /// Found from outside: on a full disk the lock's owner line could not be written, and an
    /// empty lock file was left behind. Checked on a full 4 KiB tmpfs where the machine lets
    /// the tests mount one (as root in the project's CI); said and skipped where not.
    #[test]
    fn a_lock_not_written_on_a_full_disk_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4k", "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("skipped: no tmpfs can be mounted here");
            return;
        }
        let unmount = || std::process::Command::new("umount").arg(dir.path()).status();
        // Filled to the last byte.
        let mut filler = File::create(dir.path().join("filler")).unwrap();
        while filler.write_all(&[0u8; 512]).is_ok() {}
        let layout_path = dir.path().join("a.layout.ron");
        let result = lock(&layout_path, None);
        let left = lock_path(&layout_path).exists();
        drop(filler);
        let _ = unmount();
        assert!(result.is_err(), "{result:?}");
        assert!(!left, "no empty lock file is left");
    }

    /// Found from outside: a layout of a 251-byte name could not be locked (its lock file's
    /// name was longer than a file name may be), so a second editor on it was not warned.
    #[test]
    fn a_layout_of_the_longest_name_is_locked() {
        let dir = tempfile::tempdir().unwrap();
        for name in [format!("{}x.layout.ron", "长".repeat(80)), format!("{}.layout.ron", "x".repeat(244))] {
            let layout_path = dir.path().join(&name);
            fs::write(&layout_path, to_ron_string(&layout())).unwrap();
            assert!(name.len() >= 251, "{}", name.len());
            let Locked::Mine(held) = lock(&layout_path, None).unwrap() else { panic!("nobody holds it yet") };
            assert!(matches!(lock(&layout_path, None).unwrap(), Locked::Theirs(_)), "a second editor is warned");
            let path = lock_path(&layout_path);
            assert!(path.exists() && is_own_file(&path), "{}", path.display());
            assert_eq!(path.parent(), Some(dir.path()), "beside the layout, where every editor looks");
            drop(held);
            assert!(!path.exists());
        }
        // Two long names alike at the start lock apart.
        let a = dir.path().join(format!("{}a.layout.ron", "长".repeat(80)));
        let b = dir.path().join(format!("{}b.layout.ron", "长".repeat(80)));
        assert_ne!(lock_path(&a), lock_path(&b));
    }

    #[test]
    fn a_layout_opened_through_a_link_is_locked_and_journalled_as_its_target() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("layouts")).unwrap();
        fs::create_dir_all(dir.path().join("desk")).unwrap();
        let real = dir.path().join("layouts/x.layout.ron");
        fs::write(&real, to_ron_string(&layout())).unwrap();
        let link = dir.path().join("desk/p3.layout.ron");
        std::os::unix::fs::symlink("../layouts/x.layout.ron", &link).unwrap();
        assert_eq!(lock_path(&link), dir.path().join("desk/../layouts/x.layout.ron.lock"));
        let Locked::Mine(held) = lock(&link, None).unwrap() else { panic!("nobody holds it yet") };
        assert!(matches!(lock(&real, None).unwrap(), Locked::Theirs(_)), "the real path sees the link's lock");
        drop(held);
        // A dead editor's journal, written through the link, is offered on the real path.
        let dead = Owner { pid: dead_pid(), ..Owner::me() };
        let left = journal_of(&dir.path().join("layouts"), &real, &dead, 5);
        assert_eq!(find_journals(&link, None).journals.len(), 1);
        assert_eq!(find_journals(&real, None).journals[0].path, left);
        // A link to a file not there yet names the file the save would make.
        let dangling = dir.path().join("desk/new.layout.ron");
        std::os::unix::fs::symlink("../layouts/new.layout.ron", &dangling).unwrap();
        assert_eq!(journal_path(&dangling).parent(), Some(dir.path().join("desk/../layouts").as_path()));
    }

    /// Found from outside: in a read-only folder the lock could not be made, so a second editor
    /// was not warned, and was offered the dead editor's work the first had restored (its
    /// journal could not be removed). The lock, and the record of that journal, go to the
    /// spare folder. The folder is read-only to the opens here, as it is to no test run as root.
    #[test]
    fn a_layout_in_a_read_only_folder_is_locked_and_its_restored_journal_claimed_in_the_spare_folder() {
        let dir = tempfile::tempdir().unwrap();
        let spare = dir.path().join("state");
        let layout_path = dir.path().join("a.layout.ron");
        fs::write(&layout_path, to_ron_string(&layout())).unwrap();
        let beside = lock_path(&layout_path);
        let read_only = |path: &Path| {
            if path == beside {
                return Err(io::Error::from(io::ErrorKind::ReadOnlyFilesystem));
            }
            File::options().read(true).write(true).create(true).truncate(false).open(path)
        };
        assert!(lock_by(&layout_path, None, read_only).is_err(), "no spare folder: the error");
        let Locked::Mine(held) = lock_by(&layout_path, Some(&spare), read_only).unwrap() else {
            panic!("nobody holds it yet")
        };
        let whole = std::path::absolute(&layout_path).unwrap().to_string_lossy().replace('/', "%");
        let in_spare = spare.join(format!("{whole}.lock"));
        assert_eq!(spare_lock_path(&layout_path, Some(&spare)), Some(in_spare.clone()));
        assert!(in_spare.exists() && !beside.exists());
        assert!(held.is_for(&layout_path) && held.still_held());
        // A second editor is warned, the folder read-only still or writable again.
        let theirs = |locked: io::Result<Locked>| matches!(locked, Ok(Locked::Theirs(o)) if o == Owner::me());
        assert!(theirs(lock_by(&layout_path, Some(&spare), read_only)));
        assert!(theirs(lock(&layout_path, Some(&spare))));
        assert_eq!(holder(&layout_path, Some(&spare)), Some(Owner::me()));
        drop(held);
        assert!(!in_spare.exists() && holder(&layout_path, Some(&spare)).is_none());
        // The dead editor's journal this editor restored and could not remove is recorded.
        let dead = Owner { pid: dead_pid(), ..Owner::me() };
        let left = journal_of(dir.path(), &layout_path, &dead, 5);
        claim(&layout_path, Some(&spare), &left).unwrap();
        let record = spare.join(format!("{whole}.claimed.{}", std::process::id()));
        assert_eq!(fs::read_to_string(&record).unwrap(), format!("{}\n{}\n", Owner::me(), left.display()));
        assert!(is_own_file(&record));
        // Another running editor's record keeps it from being offered; once that editor is
        // gone, it is offered again.
        let editor = dir.path().join("pasteup-live");
        fs::copy(which_sleep(), &editor).unwrap();
        let mut running = std::process::Command::new(&editor).arg("30").spawn().unwrap();
        let other = Owner { pid: running.id(), ..Owner::me() };
        fs::write(spare.join(format!("{whole}.claimed.{}", other.pid)), format!("{other}\n{}\n", left.display()))
            .unwrap();
        let while_running = find_journals(&layout_path, Some(&spare)).journals;
        let _ = running.kill();
        let _ = running.wait();
        assert!(while_running.is_empty(), "{while_running:?}");
        assert_eq!(find_journals(&layout_path, Some(&spare)).journals.len(), 1);
        assert!(!record.exists(), "this pid's record, a dead editor's, goes at the start");
    }

    /// A journal as an editor writes it: two pages, three boxes and two.
    fn two_page_journal() -> (Layout, String) {
        let placements = |ids: &[&str]| ids.iter().map(|id| Placement::new(*id, 1, 2, 1, Depth::Auto)).collect();
        let layout = Layout {
            issue: "a.ron".into(),
            pages: vec![
                PageLayout { number: 3, placements: placements(&["a", "b", "c"]) },
                PageLayout { number: 4, placements: placements(&["d", "e"]) },
            ],
            conflicts: vec![],
        };
        let text = format!("{HEADER}{}\n{BASE}none\n{}", Owner::me(), to_ron_string(&layout));
        (layout, text)
    }

    fn items(layout: &Layout) -> Vec<(u32, String)> {
        layout.pages.iter().flat_map(|p| p.placements.iter().map(|b| (p.number, b.item.clone()))).collect()
    }

    /// Found from outside: a journal a power cut left empty or cut short was offered as any
    /// other, and only `y` said it could not be read. It is read as far as it goes: each whole
    /// line before the damage is a whole box.
    #[test]
    fn a_damaged_journal_is_read_as_far_as_it_goes() {
        let path = Path::new("a.layout.ron.recover.7");
        let (layout, text) = two_page_journal();
        assert_eq!(judge(path, text.as_bytes()), Reading::Whole { layout: layout.clone(), text: text.clone() });
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        // Line 12 is page 4's first box, `d`; cut in the middle of it, or just before it.
        assert!(lines[11].contains("\"d\""), "{}", lines[11]);
        let cut_in_d = text.find("\"d\"").unwrap();
        let before_d: usize = lines[..11].iter().map(|l| l.len()).sum();
        for cut in [cut_in_d, before_d] {
            let Reading::Damaged(damage) = judge(path, &text.as_bytes()[..cut]) else { panic!("cut at {cut}") };
            assert_eq!(damage.line, 12, "cut at {cut}");
            let salvaged = damage.salvaged.unwrap();
            assert_eq!(salvaged.boxes(), 3);
            assert_eq!(items(&salvaged.layout), [(3, "a".into()), (3, "b".into()), (3, "c".into())]);
        }
        // Cut just after `d`: four boxes, page 4 not to its end.
        let after_d: usize = lines[..12].iter().map(|l| l.len()).sum();
        let Reading::Damaged(damage) = judge(path, &text.as_bytes()[..after_d]) else { panic!("cut short") };
        assert_eq!((damage.line, damage.salvaged.as_ref().map(Salvaged::boxes)), (13, Some(4)));
        // Zeros where the disk never wrote the block, and bytes that are not text: damage there.
        let mut zeroed = text.clone().into_bytes();
        zeroed[cut_in_d..].fill(0);
        let mut garbled = text.clone().into_bytes();
        garbled[cut_in_d..cut_in_d + 4].copy_from_slice(&[0xff, 0xfe, 0x80, 0x81]);
        for bytes in [zeroed, garbled] {
            let Reading::Damaged(damage) = judge(path, &bytes) else { panic!("damaged") };
            assert_eq!((damage.line, damage.salvaged.map(|s| s.boxes())), (12, Some(3)));
        }
        // Empty, or cut before its first box: nothing to restore.
        for cut in [0, text.find("Placement(").unwrap()] {
            let Reading::Damaged(damage) = judge(path, &text.as_bytes()[..cut]) else { panic!("damaged") };
            assert_eq!(damage.salvaged, None, "cut at {cut}");
        }
        let Reading::Damaged(empty) = judge(path, b"") else { panic!("an empty journal is damaged") };
        assert_eq!(empty.line, 1);
    }

    /// What the damage hides stands as last saved: the page it falls in and those after it
    /// take the saved boxes the journal does not hold; a page it holds to the end is its own.
    #[test]
    fn a_damaged_journal_is_completed_from_the_saved_layout_past_its_damage() {
        let path = Path::new("a.layout.ron.recover.7");
        let (_, text) = two_page_journal();
        let after_d = text.find("\"e\"").unwrap();
        let Reading::Damaged(damage) = judge(path, &text.as_bytes()[..after_d]) else { panic!("cut short") };
        let salvaged = damage.salvaged.unwrap();
        let at = |item: &str, line| Placement::new(item, 5, 2, line, Depth::Auto);
        // As last saved: `z` on page 3 (taken off in the work), `d` and `e` on page 4, and `f`
        // on page 5, which the journal never reached.
        let saved = Layout {
            issue: "a.ron".into(),
            pages: vec![
                PageLayout { number: 3, placements: vec![at("z", 1)] },
                PageLayout { number: 4, placements: vec![at("d", 30), at("e", 40)] },
                PageLayout { number: 5, placements: vec![at("f", 1)] },
            ],
            conflicts: vec![],
        };
        let restored = salvaged.over(&saved);
        let expected: Vec<(u32, String)> =
            [(3, "a"), (3, "b"), (3, "c"), (4, "d"), (4, "e"), (5, "f")].map(|(p, i)| (p, i.to_string())).into();
        assert_eq!(items(&restored), expected);
        let d = &restored.pages[1].placements[0];
        assert_eq!((d.column, d.line), (1, 1), "the journal's own place for d");
        assert_eq!(restored.pages[1].placements[1], at("e", 40), "e as last saved");
    }

    #[test]
    fn a_damaged_journal_set_aside_is_kept_and_never_offered() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        let dead = Owner { pid: dead_pid(), ..Owner::me() };
        let path = journal_of(dir.path(), &layout_path, &dead, 5);
        fs::write(&path, "").unwrap();
        assert_eq!(find_journals(&layout_path, None).journals.len(), 1, "an empty one is found, to be said");
        let aside = set_aside(&path).unwrap();
        assert_eq!(aside, suffixed(&path, ".damaged"));
        assert!(aside.is_file() && !path.exists() && is_own_file(&aside));
        fs::write(&path, "").unwrap();
        assert_eq!(set_aside(&path).unwrap(), suffixed(&path, ".damaged.2"), "the first is not written over");
        assert!(find_journals(&layout_path, None).journals.is_empty());
        assert!(is_own_file(Path::new("a.layout.ron.recover.damaged")));
        assert!(!is_own_file(Path::new("a.layout.ron.recover.damaged-notes")));
    }

    #[test]
    fn owner_line_round_trip() {
        let o = Owner { user: "wang".into(), host: "news-1".into(), pid: 4242 };
        assert_eq!(o.to_string(), "wang@news-1 pid 4242");
        assert_eq!(Owner::parse("wang@news-1 pid 4242\n"), Some(o));
        assert_eq!(Owner::parse("garbage"), None);
    }
}

#[cfg(all(test, unix))]
mod account_tests {
    /// The account's name is found without `USER` in the environment.
    #[test]
    fn the_account_is_named_from_the_system() {
        let name = super::account_name().expect("an account for this uid");
        assert!(!name.is_empty() && name != "unknown", "{name}");
    }
}
