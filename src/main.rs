//! The `paralign` binary: parses the command line, runs one subcommand, prints an error once.

mod cli;

use clap::Parser;
use std::process::ExitCode;

// Segmenting and aligning make many small strings and vectors per document, on several
// threads in batch mode; mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's defaults suit long-running servers: it commits a whole arena up front and keeps
// freed memory for a while before giving it back. A long alignment frees large buffers as it
// goes (the input text once segmented, each coarse level once searched), so with those
// defaults it holds a quarter more memory than it uses, and pays the page faults of commit.
// These are defaults only: MIMALLOC_ARENA_EAGER_COMMIT and MIMALLOC_PURGE_DELAY still win.
// They must be set before mimalloc reads its options, on its first allocation, which comes
// before `main`: hence a constructor.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static ALLOCATOR_OPTIONS: extern "C" fn() = allocator_options;

#[cfg(target_os = "linux")]
extern "C" fn allocator_options() {
    extern "C" {
        fn mi_option_set_default(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // mimalloc 3's option numbers (mimalloc.h, `mi_option_e`).
    const ARENA_EAGER_COMMIT: std::ffi::c_int = 4;
    const PURGE_DELAY: std::ffi::c_int = 15;
    // SAFETY: plain stores into mimalloc's option table, before any thread exists.
    unsafe {
        mi_option_set_default(ARENA_EAGER_COMMIT, 0);
        mi_option_set_default(PURGE_DELAY, 1);
    }
}

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(&args) {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`paralign align … | head`) is the reader's choice, not a failure.
        Err(paralign::Error::Write { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("paralign: {e}");
            ExitCode::from(2)
        }
    }
}
