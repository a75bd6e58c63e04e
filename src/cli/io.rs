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
        return read::decode(&bytes, Path::new("<stdin>"), options);
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
    let settings = pair.align.settings(pair.encoding.as_deref())?;
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

/// The output format: `--format` when given, else the extension of `-o`, else JSONL.
pub fn choose_format(given: Option<OutputFormat>, output: Option<&Path>) -> Format {
    given.map(Format::from).or_else(|| output.and_then(Format::from_path)).unwrap_or(Format::Jsonl)
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
