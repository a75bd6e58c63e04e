//! Opening inputs and outputs, in one place (as xsv's config.rs): paths, `-` for standard
//! input, the format chosen by name or by extension, and atomic output files.

use paralign::align::{self, Alignment};
use paralign::write::Format;
use paralign::{read, Error, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Reads an input file, or standard input for `-`.
pub fn read_input(path: &Path, options: &read::ReadOptions) -> Result<read::Text> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io { path: path.into(), source })?;
        return read::decode_with(&bytes, Path::new("<stdin>"), options);
    }
    read::read_path_with(path, options)
}

/// An aligned pair of files, and the encodings they were read in.
pub struct Loaded {
    pub alignment: Alignment,
    pub encodings: [&'static encoding_rs::Encoding; 2],
}

/// Reads, segments and aligns the English and French files of `pair`: what every subcommand
/// starts with.
pub fn load_alignment(pair: &super::Pair) -> Result<Loaded> {
    let (en, fr) = (pair.en.as_path(), pair.fr.as_path());
    if en == Path::new("-") && fr == Path::new("-") {
        return Err(Error::Usage("only one of the two inputs can be standard input".into()));
    }
    let options = pair.read_options()?;
    let (en, fr) = (read_input(en, &options)?, read_input(fr, &options)?);
    let encodings = [en.encoding, fr.encoding];
    Ok(Loaded { alignment: align::align_texts(en, fr, pair.units), encodings })
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

/// The output format: `--format` when given, else the extension of `-o`, else JSONL.
pub fn choose_format(name: Option<&str>, output: Option<&Path>) -> Result<Format> {
    if let Some(name) = name {
        return Format::from_name(name).ok_or_else(|| {
            let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            Error::Usage(format!("unknown format '{name}' ({})", known.join(", ")))
        });
    }
    Ok(output.and_then(Format::from_path).unwrap_or(Format::Jsonl))
}

/// An output file written under a temporary name in the same folder and renamed into place
/// by [`AtomicFile::commit`]; dropped without a commit, it leaves nothing behind, so a failed
/// run never leaves a truncated file that looks complete.
pub struct AtomicFile {
    path: PathBuf,
    temp: tempfile::NamedTempFile,
}

impl AtomicFile {
    pub fn create(path: &Path) -> Result<AtomicFile> {
        if path.is_dir() {
            return Err(Error::IsDirectory { path: path.into() });
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".paralign-")
            .tempfile_in(dir)
            .map_err(|source| Error::Write { path: path.into(), source })?;
        Ok(AtomicFile { path: path.into(), temp })
    }

    /// A handle to write through; the data goes to the temporary file.
    pub fn writer(&self) -> Result<Box<dyn Write + Send>> {
        Ok(Box::new(self.file()?))
    }

    /// As [`AtomicFile::writer`], through a buffer of 256 KiB: writers buffer 8 KiB at a time,
    /// and a batch writes hundreds of megabytes, so this makes 32 times fewer system calls.
    /// The caller must flush it (writers do in `finish`): a drop would lose write errors.
    pub fn buffered_writer(&self) -> Result<Box<dyn Write + Send>> {
        Ok(Box::new(std::io::BufWriter::with_capacity(1 << 18, self.file()?)))
    }

    fn file(&self) -> Result<std::fs::File> {
        self.temp
            .as_file()
            .try_clone()
            .map_err(|source| Error::Write { path: self.path.clone(), source })
    }

    pub fn commit(self) -> Result<()> {
        let path = self.path;
        // A temporary file is private (0600); an output is an ordinary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = self.temp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        self.temp.persist(&path).map_err(|e| Error::Write { path, source: e.error })?;
        Ok(())
    }
}
