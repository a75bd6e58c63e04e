//! `paralign stream`: one document pair per line of standard input, its units on standard
//! output, for the engines that pipe records through a program (Spark's `RDD.pipe`, Hadoop
//! streaming, Dask and Ray map steps).

use paralign::Result;

/// Align document pairs read as JSON lines on standard input: each line
/// `{"id": …, "en": "<English text>", "fr": "<French text>"}`. For each, writes its units as
/// JSON lines carrying the input's "id" (and "symbol"), flushed after each document; a bad
/// line gets `{"id": …, "error": "…"}` and the stream goes on.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  printf '%s\\n' '{\"id\": 1, \"en\": \"The General Assembly,\\n\\n1. Decides;\", \"fr\": \"L’Assemblée générale,\\n\\n1. Décide ;\"}' | paralign stream"
)]
pub struct Args {
    #[command(flatten)]
    pub align: super::AlignOptions,
    #[command(flatten)]
    pub limit: super::InputLimit,
}

pub fn run(args: &Args) -> Result<u8> {
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    paralign::corpus::stream::run(
        &mut stdin.lock(),
        &mut stdout,
        args.limit.max_input,
        &args.align.config(),
    )
}
