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
pub struct AtomicFile {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    sink: Sink,
}

enum Sink {
    /// A regular file (or none yet): written under a temporary name, then renamed.
    Temp {
        /// Where the file goes: `path`, or the target of the link `path` is.
        target: PathBuf,
        temp: tempfile::NamedTempFile,
    },
    /// A device, pipe or socket, opened for writing as it is.
    Direct(std::fs::File),
}

impl AtomicFile {
    pub fn create(path: &Path) -> Result<AtomicFile> {
        if path.is_dir() {
            return Err(Error::IsDirectory { path: path.into() });
        }
        let write_error = |source| Error::Write { path: path.into(), source };
        // metadata follows links: what counts is the file the output names in the end.
        if std::fs::metadata(path).is_ok_and(|m| !m.file_type().is_file()) {
            let file = std::fs::OpenOptions::new().write(true).open(path).map_err(write_error)?;
            return Ok(AtomicFile { path: path.into(), sink: Sink::Direct(file) });
        }
        let target = link_target(path);
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".paralign-");
        // Created as open(2) creates any file, 0666 less the umask (tempfile's own default is
        // 0600, right for a secret, wrong for a translation memory).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(dir).map_err(write_error)?;
        Ok(AtomicFile { path: path.into(), sink: Sink::Temp { target, temp } })
    }

    /// A handle to write through; the data goes to the temporary file (or the device).
    pub fn writer(&self) -> Result<Box<dyn Write + Send>> {
        Ok(Box::new(self.file()?))
    }

    fn file(&self) -> Result<std::fs::File> {
        let file = match &self.sink {
            Sink::Temp { temp, .. } => temp.as_file(),
            Sink::Direct(file) => file,
        };
        file.try_clone().map_err(|source| Error::Write { path: self.path.clone(), source })
    }

    pub fn commit(self) -> Result<()> {
        let AtomicFile { path, sink } = self;
        let Sink::Temp { target, temp } = sink else { return Ok(()) };
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
