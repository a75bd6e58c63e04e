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
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The path is a directory, not a file.
    #[error("{}: is a directory, not a text file", path.display())]
    IsDirectory { path: PathBuf },
    /// The file holds no text (zero bytes or only white space).
    #[error("{}: the file is empty", path.display())]
    Empty { path: PathBuf },
    /// The bytes are not text in an encoding we read (binary, PDF, DOCX, invalid UTF-8…).
    #[error("{}: {reason}", path.display())]
    Encoding { path: PathBuf, reason: String },
    /// Writing an output failed.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A line of an input that does not follow its format, such as a bead file line that is
    /// not `[indices]:[indices]`.
    #[error("{}: line {line}: {reason}", path.display())]
    Syntax {
        path: PathBuf,
        /// 1-based, counting every line of the file.
        line: usize,
        reason: String,
    },
    /// A setting or argument that cannot be used.
    #[error("{0}")]
    Usage(String),
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
