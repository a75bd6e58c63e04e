//! Errors of the library. Every variant that concerns a file names it, so that the binary
//! can print one line (`en.txt: not valid UTF-8 …`) and exit with code 2.

use std::path::PathBuf;

/// A failure to read input, write output or accept settings. A missing paragraph is not an
/// error: it is an unaligned unit (and a finding for `check`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The path is a directory, not a file.
    #[error("{}: is a directory, not a text file", path.display())]
    IsDirectory {
        /// The directory named where a file was expected.
        path: PathBuf,
    },
    /// The path names something that is neither a regular file nor a pipe (a character
    /// device such as `/dev/zero`, a socket): it may never end, and it holds no document.
    #[error("{}: is {kind}, not a text file", path.display())]
    NotAFile {
        /// What the path names.
        path: PathBuf,
        /// What it is instead ("a character device").
        kind: &'static str,
    },
    /// The input is longer than the limit one document may hold (`--max-input`).
    #[error("{}: longer than {} (--max-input): refused", path.display(), crate::read::show_size(*limit))]
    TooLarge {
        /// The file or stream.
        path: PathBuf,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The memory to read or process the input could not be had.
    #[error("{}: not enough memory for this document ({} needed)", path.display(), crate::read::show_size(*bytes))]
    OutOfMemory {
        /// The file or stream.
        path: PathBuf,
        /// The bytes asked for when the allocation failed.
        bytes: u64,
    },
    /// The file holds no text (zero bytes or only white space).
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The empty file.
        path: PathBuf,
    },
    /// The bytes are not text in an encoding we read (binary, PDF, DOCX, invalid UTF-8…).
    #[error("{}: {reason}", path.display())]
    Encoding {
        /// The file that is not text.
        path: PathBuf,
        /// What was found instead, and what to do ("not valid UTF-8 (byte 12 is not); …").
        reason: String,
    },
    /// A PDF that cannot be read: damaged, encrypted with a password, or without a text layer
    /// (a scan).
    #[error("{}: {reason}", path.display())]
    Pdf {
        /// The PDF file.
        path: PathBuf,
        /// What is wrong and what to do ("no text layer: run OCR first").
        reason: String,
    },
    /// The file is text, but no paragraph of a document was found in it (only page headers,
    /// page numbers or other lines that are dropped).
    #[error("{}: no paragraph found", path.display())]
    NoParagraphs {
        /// The file, as its document names its source.
        path: PathBuf,
    },
    /// Writing an output failed.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The output file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A line of an input that does not follow its format, such as a bead file line that is
    /// not `[indices]:[indices]` or a manifest line without two paths.
    #[error("{}: line {line}: {reason}", path.display())]
    Syntax {
        /// The file holding the line.
        path: PathBuf,
        /// 1-based, counting every line of the file.
        line: usize,
        /// What the line should look like.
        reason: String,
    },
    /// A setting or argument that cannot be used.
    #[error("{0}")]
    Usage(String),
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
