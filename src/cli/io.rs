//! Opening inputs and outputs, in one place (as xsv's config.rs): paths, `-` for standard
//! input, the format chosen by name or by extension, and atomic output files.

use paralign::align::{self, Alignment};
use paralign::write::Format;
use paralign::{read, Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Reads an input file, or standard input for `-`.
pub fn read_input(path: &Path, options: &read::ReadOptions) -> Result<read::Text> {
    if path == Path::new("-") {
        // Bounded and sniffed as a file is: `< /dev/zero` or `yes |` must end too.
        return read::read_from(std::io::stdin().lock(), None, Path::new("<stdin>"), options);
    }
    read::read_path(path, options)
}

/// An aligned pair of files, and the readers and encodings they were read with.
pub struct Loaded {
    pub alignment: Alignment,
    pub encodings: [&'static encoding_rs::Encoding; 2],
    /// Which reader read each file (text, docx, odt, doc).
    pub formats: [paralign::read::InputFormat; 2],
}

/// Reads, segments and aligns the English and French files of `pair`: what every subcommand
/// starts with.
pub fn load_alignment(pair: &super::Pair) -> Result<Loaded> {
    let (en, fr) = (pair.en.as_path(), pair.fr.as_path());
    if en == Path::new("-") && fr == Path::new("-") {
        return Err(Error::Usage("only one of the two inputs can be standard input".into()));
    }
    refuse_same_file_twice(en, fr)?;
    let settings = pair.align.settings(pair.encoding.as_deref(), pair.limit)?;
    let (en, fr) = (read_input(en, &settings.read)?, read_input(fr, &settings.read)?);
    let encodings = [en.encoding, fr.encoding];
    let formats = [en.format, fr.format];
    Ok(Loaded { alignment: align::align_texts(en, fr, &settings.align), encodings, formats })
}

/// The `--units` value: paragraphs, sentences or lines.
pub fn parse_units(name: &str) -> std::result::Result<align::Units, String> {
    align::Units::from_name(name)
        .ok_or_else(|| format!("unknown units '{name}': use {}", align::Units::NAMES.join(", ")))
}

/// Writes one output through `write`: to standard output when `path` is None, else to the
/// file, atomically (nothing is left behind when `write` fails).
pub fn write_output(
    path: Option<&Path>,
    write: impl FnOnce(Box<dyn Write + Send>) -> std::io::Result<()>,
) -> Result<()> {
    match path {
        None => write(Box::new(std::io::stdout()))
            .map_err(|source| Error::Write { path: "<stdout>".into(), source }),
        Some(path) => {
            let file = AtomicFile::create(path)?;
            write(file.writer()?).map_err(|source| Error::Write { path: path.into(), source })?;
            file.commit()
        }
    }
}

/// The values of `align --format`: the library's output formats, by the names
/// [`Format::name`] gives them (a test holds the two lists together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Jsonl,
    Csv,
    Tsv,
    Tmx,
    Moses,
    Beads,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Format {
        match f {
            OutputFormat::Jsonl => Format::Jsonl,
            OutputFormat::Csv => Format::Csv,
            OutputFormat::Tsv => Format::Tsv,
            OutputFormat::Tmx => Format::Tmx,
            OutputFormat::Moses => Format::Moses,
            OutputFormat::Beads => Format::Beads,
        }
    }
}

/// The output format: `--format` when given, else the extension of `-o`, else (standard
/// output) JSONL. An `-o` whose extension names no format is a usage error, not JSONL under
/// another name.
pub fn choose_format(given: Option<OutputFormat>, output: Option<&Path>) -> Result<Format> {
    match (given, output) {
        (Some(format), _) => Ok(format.into()),
        (None, None) => Ok(Format::Jsonl),
        (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the output format from '{}': give --format ({})",
                path.display(),
                Format::ALL.map(|f| f.name()).join(", ")
            ))
        }),
    }
}

/// `-o`: a path, or standard output for `-` (as for the inputs).
pub fn output_path(output: Option<&Path>) -> Option<&Path> {
    output.filter(|p| *p != Path::new("-"))
}

/// Refuses, before any work, an output that is one of the inputs (the same file, through
/// another name or a link): writing it would destroy the text being read.
pub fn refuse_output_over_input(outputs: &[&Path], inputs: &[&Path]) -> Result<()> {
    for output in outputs {
        let Some(out) = identity(output) else { continue };
        if inputs.iter().any(|input| identity(input) == Some(out)) {
            return Err(Error::Usage(format!(
                "{}: is also an input; refusing to write an output over it",
                output.display()
            )));
        }
    }
    Ok(())
}

/// Refuses, before any work, the same file given as both the English and the French text.
pub fn refuse_same_file_twice(en: &Path, fr: &Path) -> Result<()> {
    if same_file(en, fr) {
        return Err(Error::Usage(format!(
            "{} and {}: the same file given twice, as the English and as the French text",
            en.display(),
            fr.display()
        )));
    }
    Ok(())
}

/// Whether two paths name one existing file (through links or other names).
pub fn same_file(a: &Path, b: &Path) -> bool {
    identity(a).is_some_and(|id| identity(b) == Some(id))
}

/// What makes two paths one file: device and inode where the system has them.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

/// The identity of an existing file (links followed); None where there is no file.
fn identity(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok()
    }
}

/// An output file written under a temporary name in the same folder and renamed into place
/// by [`AtomicFile::commit`]; dropped without a commit, it leaves nothing behind, so a failed
/// run never leaves a truncated file that looks complete.
///
/// The file's mode is what an ordinary write would give it: a replaced file keeps its mode
/// (and its owner, where the user may set it), a new one gets `0666 & !umask`. An output that
/// is a symbolic link is written to the link's target; the link stays.
///
/// An output that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe,
/// the `/dev/fd/N` of a shell's process substitution) is written to in place: renaming a file
/// over it would replace the device itself (as root, `-o /dev/null` would leave every later
/// program reading a plain file where the null device was), and a pipe has no contents to
/// spare from a half-done run anyway.
///
/// While it lives, its temporary file is in a registry that the SIGINT and SIGTERM handler
/// ([`remove_temporary_files_on_signal`]) empties before the process exits, and it holds a
/// shared lock on its folder ([`FolderLock`]), so that a batch into the same folder neither
/// runs at the same time nor takes the file for a stale one.
pub struct AtomicFile {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    sink: Sink,
    /// The shared lock on the folder, when this file took one itself (batch holds its own).
    _lock: Option<FolderLock>,
}

enum Sink {
    /// A regular file (or none yet): written under a temporary name, then renamed.
    Temp {
        /// Where the file goes: `path`, or the target of the link `path` is.
        target: PathBuf,
        temp: Registered,
    },
    /// A device, pipe or socket, opened for writing as it is.
    Direct(std::fs::File),
}

/// The temporary files of this process that exist now: what a signal handler must remove.
/// The one global of the binary (STYLE.md allows one, set in the binary only): a signal can
/// come at any time, and the handler has no other way to find them. Its lock is also held
/// while files are created and renamed, so that a signal waits until a rename is done and
/// never leaves a temporary file created after it looked.
static LIVE_TEMPORARY_FILES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn live_temporary_files() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE_TEMPORARY_FILES.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A temporary file in [`LIVE_TEMPORARY_FILES`]; dropped, it leaves the registry and the disk.
struct Registered(Option<tempfile::NamedTempFile>);

impl Registered {
    fn file(&self) -> &std::fs::File {
        self.0.as_ref().expect("taken only by commit, which consumes it").as_file()
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(temp) = self.0.take() {
            let mut live = live_temporary_files();
            live.retain(|p| p != temp.path());
            drop(temp);
        }
    }
}

/// Installs the handler of SIGINT and SIGTERM: it removes every temporary file of the run and
/// exits with 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM), as a shell reports
/// a program the signal ended. Without it the signal ends the process at once and its hidden
/// `.paralign-*` files stay behind (up to 50 MB a batch).
pub fn remove_temporary_files_on_signal() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    // Without a handler (the system refused one), a signal ends the run as it always did.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held until exit: no file is created or renamed after this.
            let live = live_temporary_files();
            for path in live.iter() {
                let _ = std::fs::remove_file(path);
            }
            std::process::exit(128 + signal);
        }
    });
}

/// A lock on an output folder, on the folder itself (flock on its descriptor), so that no
/// lock file is left in the user's folder: `batch` holds it exclusively for its whole run, a
/// single output (`align -o`, `check -o`, `read -o`) shares it while its file is written. A
/// second batch into the folder, or an `align -o` into a running batch's folder, fails at
/// once; any number of `align -o` runs share a folder. Released when dropped (or when the
/// process ends, however it ends: a crashed run leaves no lock behind).
pub struct FolderLock {
    _dir: Option<std::fs::File>,
}

impl FolderLock {
    /// The exclusive lock of a batch on `dir`, and the stale temporary files of paralign's
    /// removed from it: with the lock held, no other paralign is writing there.
    pub fn exclusive(dir: &Path) -> Result<FolderLock> {
        let Some(file) = open_folder(dir) else { return Ok(FolderLock { _dir: None }) };
        match file.try_lock() {
            Ok(()) => {
                remove_stale_temporary_files(dir);
                Ok(FolderLock { _dir: Some(file) })
            }
            Err(std::fs::TryLockError::WouldBlock) => Err(busy(dir)),
            // A file system without locks (some network ones): the run goes on unlocked.
            Err(std::fs::TryLockError::Error(_)) => Ok(FolderLock { _dir: None }),
        }
    }

    /// A shared lock on `dir`; when no other paralign holds any, the stale temporary files are
    /// removed first (briefly exclusive, then shared).
    pub fn shared(dir: &Path) -> Result<FolderLock> {
        let Some(file) = open_folder(dir) else { return Ok(FolderLock { _dir: None }) };
        if file.try_lock().is_ok() {
            remove_stale_temporary_files(dir);
        }
        // On the same descriptor this turns an exclusive lock into a shared one.
        match file.try_lock_shared() {
            Ok(()) => Ok(FolderLock { _dir: Some(file) }),
            Err(std::fs::TryLockError::WouldBlock) => Err(busy(dir)),
            Err(std::fs::TryLockError::Error(_)) => Ok(FolderLock { _dir: None }),
        }
    }
}

fn open_folder(dir: &Path) -> Option<std::fs::File> {
    // A folder that cannot be opened for reading is not locked: writing into it says more.
    std::fs::File::open(dir).ok()
}

fn busy(dir: &Path) -> Error {
    Error::Usage(format!(
        "{}: another paralign run is writing into this folder; wait for it to end",
        dir.display()
    ))
}

/// The prefix of every temporary file paralign makes; the rest of the name is
/// [`TEMPORARY_RANDOM_CHARS`] random letters and digits (tempfile's default), nothing after.
const TEMPORARY_PREFIX: &str = ".paralign-";
const TEMPORARY_RANDOM_CHARS: usize = 6;

/// Whether `name` is exactly the name of one of paralign's temporary files.
pub fn is_temporary_name(name: &std::ffi::OsStr) -> bool {
    name.to_str().and_then(|n| n.strip_prefix(TEMPORARY_PREFIX)).is_some_and(|rest| {
        rest.len() == TEMPORARY_RANDOM_CHARS && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// Removes what an interrupted or crashed paralign left in `dir`: regular files (not links,
/// not folders) named exactly as paralign names its temporary files. Called only under an
/// exclusive [`FolderLock`], when no other paralign can be writing there.
fn remove_stale_temporary_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && is_temporary_name(&entry.file_name()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// tempfile names its own file in an error ("… at path \"/out/.paralign-oG9HgI\""); the user
/// named the output, which the message already names, so the temporary name is cut off.
fn without_temporary_path(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.rsplit_once(" at path \"") {
        Some((cause, _)) => std::io::Error::new(e.kind(), cause.to_owned()),
        None => e,
    }
}

impl AtomicFile {
    pub fn create(path: &Path) -> Result<AtomicFile> {
        AtomicFile::create_locked(path, false)
    }

    /// As [`AtomicFile::create`], in a folder the caller holds locked already (batch).
    pub fn create_in_locked_folder(path: &Path) -> Result<AtomicFile> {
        AtomicFile::create_locked(path, true)
    }

    fn create_locked(path: &Path, folder_locked: bool) -> Result<AtomicFile> {
        if path.is_dir() {
            return Err(Error::IsDirectory { path: path.into() });
        }
        let write_error = |source| Error::Write { path: path.into(), source };
        // metadata follows links: what counts is the file the output names in the end.
        if std::fs::metadata(path).is_ok_and(|m| !m.file_type().is_file()) {
            let file = std::fs::OpenOptions::new().write(true).open(path).map_err(write_error)?;
            return Ok(AtomicFile { path: path.into(), sink: Sink::Direct(file), _lock: None });
        }
        let target = link_target(path);
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let lock = if folder_locked { None } else { Some(FolderLock::shared(dir)?) };
        let mut builder = tempfile::Builder::new();
        builder.prefix(TEMPORARY_PREFIX).rand_bytes(TEMPORARY_RANDOM_CHARS);
        // Created as open(2) creates any file, 0666 less the umask (tempfile's own default is
        // 0600, right for a secret, wrong for a translation memory).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        // Created and registered under the registry's lock: a signal between the two would
        // otherwise leave this file behind.
        let mut live = live_temporary_files();
        let temp = builder.tempfile_in(dir).map_err(|e| write_error(without_temporary_path(e)))?;
        live.push(temp.path().to_path_buf());
        drop(live);
        let sink = Sink::Temp { target, temp: Registered(Some(temp)) };
        Ok(AtomicFile { path: path.into(), sink, _lock: lock })
    }

    /// The temporary file's path while it is written (None for a device or pipe written
    /// directly): for checksums read back before the commit.
    pub fn temporary_path(&self) -> Option<&Path> {
        match &self.sink {
            Sink::Temp { temp, .. } => temp.0.as_ref().map(|t| t.path()),
            Sink::Direct(_) => None,
        }
    }

    /// A handle to write through; the data goes to the temporary file (or the device).
    pub fn writer(&self) -> Result<Box<dyn Write + Send>> {
        Ok(Box::new(self.file()?))
    }

    fn file(&self) -> Result<std::fs::File> {
        let file = match &self.sink {
            Sink::Temp { temp, .. } => temp.file(),
            Sink::Direct(file) => file,
        };
        file.try_clone().map_err(|source| Error::Write { path: self.path.clone(), source })
    }

    pub fn commit(self) -> Result<()> {
        self.commit_registered(&mut live_temporary_files())
    }

    /// Renames every file into place, in order, with no signal handled between two renames
    /// (a signal waits until the last is done): an interrupted batch never stops half-way
    /// through its commit.
    pub fn commit_all(files: Vec<AtomicFile>, before: impl FnOnce() -> Result<()>) -> Result<()> {
        let mut live = live_temporary_files();
        before()?;
        files.into_iter().try_for_each(|f| f.commit_registered(&mut live))
    }

    fn commit_registered(self, live: &mut Vec<PathBuf>) -> Result<()> {
        let AtomicFile { path, sink, _lock } = self;
        let Sink::Temp { target, mut temp } = sink else { return Ok(()) };
        let temp = temp.0.take().expect("a temporary file until committed");
        // Out of the registry whatever follows: renamed, it is the output; failed, it is
        // removed when `temp` drops.
        live.retain(|p| p != temp.path());
        // A file replaced keeps its mode and, where the user may set it, its owner.
        if let Ok(old) = std::fs::metadata(&target) {
            temp.as_file()
                .set_permissions(old.permissions())
                .map_err(|source| Error::Write { path: path.clone(), source })?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                // Only root may give a file away; anyone else keeps the new file as theirs.
                let _ = std::os::unix::fs::fchown(temp.as_file(), Some(old.uid()), Some(old.gid()));
            }
        }
        temp.persist(&target).map_err(|e| Error::Write { path, source: e.error })?;
        Ok(())
    }
}

/// Where a write to `path` should go: the target of the symbolic link `path` is (followed to
/// the end, relative targets read from the link's folder), else `path` itself.
fn link_target(path: &Path) -> PathBuf {
    let mut target = path.to_path_buf();
    // A bound on the links followed: a cycle ends here, and the write then fails on it.
    for _ in 0..40 {
        match std::fs::read_link(&target) {
            Ok(next) => {
                target = match target.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                }
            }
            Err(_) => break,
        }
    }
    target
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn every_output_format_is_a_format_value_of_the_same_name() {
        let names: Vec<String> = OutputFormat::value_variants()
            .iter()
            .map(|v| v.to_possible_value().expect("no value is skipped").get_name().to_string())
            .collect();
        let formats: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, formats);
        for &v in OutputFormat::value_variants() {
            let name = v.to_possible_value().expect("named").get_name().to_string();
            assert_eq!(Format::from(v).name(), name);
        }
    }
}
