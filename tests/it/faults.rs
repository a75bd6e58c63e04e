//! Faults a demanding user meets (issue 14): an output over an input, file modes and links,
//! closed pipes, and options checked before any work.

use crate::support::{data, paralign};
use std::path::Path;
use std::process::{Command, Stdio};

const EN: &str = "A-RES-58-135.en.txt";
const FR: &str = "A-RES-58-135.fr.txt";

/// A folder holding copies of the seed pair as `doc.en` and `doc.fr`.
fn seed_copies() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(data(EN), dir.path().join("doc.en")).unwrap();
    std::fs::copy(data(FR), dir.path().join("doc.fr")).unwrap();
    dir
}

/// Exit code 2 and one line on stderr that contains `needle`.
fn refused(out: std::process::Output, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(needle), "{err}");
}

#[test]
fn an_output_that_is_an_input_is_refused_before_any_work() {
    let dir = seed_copies();
    let (en, fr) = (dir.path().join("doc.en"), dir.path().join("doc.fr"));
    let before = (std::fs::read(&en).unwrap(), std::fs::read(&fr).unwrap());
    // Moses writes PREFIX.en and PREFIX.fr: here, the two inputs.
    let out = paralign()
        .arg("align")
        .args([&en, &fr])
        .args(["--format", "moses", "-o"])
        .arg(dir.path().join("doc"))
        .output()
        .unwrap();
    refused(out, "is also an input");
    // -o naming an input, directly or through a link.
    let out = paralign()
        .arg("align")
        .args([&en, &fr])
        .args(["--format", "jsonl", "-o"])
        .arg(&fr)
        .output()
        .unwrap();
    refused(out, "doc.fr: is also an input");
    #[cfg(unix)]
    {
        let link = dir.path().join("memory.tmx");
        std::os::unix::fs::symlink(&en, &link).unwrap();
        let out = paralign().arg("align").args([&en, &fr]).arg("-o").arg(&link).output().unwrap();
        refused(out, "memory.tmx: is also an input");
        let out = paralign()
            .arg("check")
            .args([&en, &fr])
            .args(["--format", "json", "-o"])
            .arg(&link)
            .output()
            .unwrap();
        refused(out, "is also an input");
    }
    let out = paralign()
        .arg("read")
        .arg(&en)
        .args(["--format", "jsonl", "-o"])
        .arg(&en)
        .output()
        .unwrap();
    refused(out, "is also an input");
    assert_eq!((std::fs::read(&en).unwrap(), std::fs::read(&fr).unwrap()), before);
    // batch: an English file named like one of its outputs, in the output folder.
    let (en_dir, fr_dir) = (dir.path().join("en"), dir.path().join("fr"));
    std::fs::create_dir_all(&en_dir).unwrap();
    std::fs::create_dir_all(&fr_dir).unwrap();
    std::fs::copy(data(EN), en_dir.join("corpus.en")).unwrap();
    std::fs::copy(data(FR), fr_dir.join("seed.txt")).unwrap();
    let out =
        paralign().arg("batch").args([&en_dir, &fr_dir]).arg("-o").arg(&en_dir).output().unwrap();
    refused(out, "corpus.en: is also an input");
    assert_eq!(std::fs::read(en_dir.join("corpus.en")).unwrap(), std::fs::read(data(EN)).unwrap());
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn new_outputs_follow_the_umask_and_replaced_ones_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("paralign");
    let run_with_umask = |umask: &str, out: &Path| {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" align \"$1\" \"$2\" -o \"$3\""))
            .arg(&bin)
            .args([data(EN), data(FR), out.to_path_buf()])
            .status()
            .unwrap();
        assert!(status.success());
    };
    let open = dir.path().join("open.tmx");
    run_with_umask("022", &open);
    assert_eq!(mode(&open), 0o644);
    let private = dir.path().join("private.tmx");
    run_with_umask("077", &private);
    assert_eq!(mode(&private), 0o600);
    // A replaced file keeps its mode, whatever the umask.
    for kept in [0o600, 0o640, 0o664] {
        let old = dir.path().join(format!("old{kept:o}.csv"));
        std::fs::write(&old, "old").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(kept)).unwrap();
        run_with_umask("022", &old);
        assert_eq!(mode(&old), kept);
        assert!(std::fs::read_to_string(&old).unwrap().starts_with("en,fr,"));
    }
    // batch outputs too.
    let out = dir.path().join("corpus");
    let status = Command::new("sh")
        .arg("-c")
        .arg("umask 027 && exec \"$0\" batch --manifest \"$1\" -o \"$2\"")
        .arg(&bin)
        .arg(manifest(dir.path()))
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    for name in ["corpus.tmx", "corpus.jsonl", "documents.csv"] {
        assert_eq!(mode(&out.join(name)), 0o640, "{name}");
    }
}

#[cfg(unix)]
fn manifest(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("pairs.tsv");
    std::fs::write(&path, format!("{}\t{}\n", data(EN).display(), data(FR).display())).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_written_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.tmx");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.tmx");
    std::os::unix::fs::symlink("real.tmx", &link).unwrap();
    let out =
        paralign().arg("align").args([data(EN), data(FR)]).arg("-o").arg(&link).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays");
    assert!(std::fs::read_to_string(&target).unwrap().contains("<tmx version=\"1.4\">"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".paralign"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A pair large enough that no output fits in a pipe's buffer: 20,000 lines a side.
fn long_pair(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let (en, fr) = (dir.join("en.txt"), dir.join("fr.txt"));
    let lines =
        |word: &str| (0..20_000).map(|i| format!("{word} {i} of 2003.\n")).collect::<String>();
    std::fs::write(&en, lines("Paragraph")).unwrap();
    std::fs::write(&fr, lines("Paragraphe")).unwrap();
    (en, fr)
}

#[test]
fn every_output_into_a_closed_pipe_exits_0_in_silence() {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = long_pair(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("paralign");
    let mut runs: Vec<Vec<String>> = ["jsonl", "csv", "tsv", "tmx", "beads"]
        .iter()
        .map(|f| {
            vec!["align".into(), "--units".into(), "lines".into(), "--format".into(), f.to_string()]
        })
        .collect();
    runs.push(vec!["check".into(), "--units".into(), "lines".into()]);
    for args in runs {
        let mut child = Command::new(&bin)
            .args(&args[..1])
            .args([&en, &fr])
            .args(&args[1..])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away at once, as `| head -c 0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.code() == Some(0) || out.status.code() == Some(1), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn bad_options_exit_2_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    // Formats that -o cannot tell: no JSONL written under another name.
    for name in ["out.xlsx", "out.txt", "out"] {
        let path = dir.path().join(name);
        let out = paralign()
            .arg("align")
            .args([data(EN), data(FR)])
            .arg("-o")
            .arg(&path)
            .output()
            .unwrap();
        refused(out, "cannot tell the output format");
        assert!(!path.exists(), "{name}");
    }
    // Moses without -o is refused before the (missing) inputs are read.
    let out = paralign()
        .args(["align", "/nonexistent/en.txt", "/nonexistent/fr.txt", "--format", "moses"])
        .output()
        .unwrap();
    refused(out, "give -o PREFIX");
    // -o - is standard output, not a file named "-".
    let out = paralign()
        .current_dir(dir.path())
        .arg("align")
        .args([data(EN), data(FR)])
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\"en\":"));
    assert!(!dir.path().join("-").exists());
    for jobs in ["0", "100000", "many"] {
        let out = paralign()
            .args(["batch", "--manifest", "/nonexistent/pairs.tsv", "-o"])
            .arg(dir.path().join("corpus"))
            .args(["--jobs", jobs])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--jobs {jobs}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--jobs"), "--jobs {jobs}");
    }
}

/// An output that is a named pipe (as `/dev/null`, `/dev/stdout` or a shell's `>(…)` are
/// devices and pipes) is written into, not replaced by a renamed file: run as root, a rename
/// over `/dev/null` would leave a plain file where the null device was.
#[cfg(unix)]
#[test]
fn an_output_that_is_a_pipe_or_device_is_written_into_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = seed_copies();
    let fifo = dir.path().join("out.tsv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo).unwrap().read_to_string(&mut text).unwrap();
            text
        })
    };
    let out = paralign()
        .arg("align")
        .args([dir.path().join("doc.en"), dir.path().join("doc.fr")])
        .args(["--format", "tsv", "-o"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = reader.join().unwrap();
    assert!(text.lines().count() > 10, "the reader got the alignment: {text}");
    assert!(text.contains("Rappelant sa résolution 55/25 du 15 novembre 2000"), "{text}");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe is still a pipe");
    let left: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 3, "no temporary file left beside it: {left:?}");
}

/// Issue 14, item 8: swapped languages, the same language twice, the same file twice.
#[test]
fn swapped_or_identical_languages_are_noticed() {
    let dir = seed_copies();
    let (en, fr) = (dir.path().join("doc.en"), dir.path().join("doc.fr"));
    // align FR EN: written, with one warning.
    let out = paralign().arg("align").args([&fr, &en]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the inputs look swapped"), "{err}");
    // check FR FR (a copy): an error finding.
    let copy = dir.path().join("copy.fr");
    std::fs::copy(&fr, &copy).unwrap();
    let out =
        paralign().arg("check").args([&fr, &copy]).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["kind"], "mismatched_documents", "{report:#}");
    assert_eq!(finding["severity"], "error");
    assert!(finding["detail"].as_str().unwrap().contains("both texts read as French"));
    // The same file twice: refused before any work.
    let out = paralign().arg("check").args([&fr, &fr]).output().unwrap();
    refused(out, "the same file given twice");
    // batch with the folders swapped: the pair is reported and skipped, nothing is written.
    let (a, b, o) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("out"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::copy(&fr, a.join("res.txt")).unwrap();
    std::fs::copy(&en, b.join("res.txt")).unwrap();
    let out = paralign().arg("batch").args([&a, &b]).arg("-o").arg(&o).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let documents = std::fs::read_to_string(o.join("documents.csv")).unwrap();
    assert!(documents.contains("skipped: mismatched documents"), "{documents}");
    assert_eq!(std::fs::read_to_string(o.join("corpus.jsonl")).unwrap(), "");
}

/// Whether `dir` holds none of paralign's temporary files.
fn no_temporary_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .all(|e| !e.unwrap().file_name().to_string_lossy().starts_with(".paralign-"))
}

#[test]
fn an_interrupted_batch_leaves_no_temporary_file_and_a_second_batch_is_refused() {
    let Some(bulk) =
        crate::support::shared_path("eval-public/un-resolutions-enfr/bulk-sc-2020-2026")
    else {
        return;
    };
    let bin = assert_cmd::cargo::cargo_bin("paralign");
    for (signal, code) in [("-INT", 130), ("-TERM", 143)] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut child = Command::new(&bin)
            .arg("batch")
            .arg(bulk.join("en"))
            .arg(bulk.join("fr"))
            .arg("-o")
            .arg(&out)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Until it has started writing.
        while !out.exists() || no_temporary_files(&out) {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // A second batch into the same folder fails at once.
        let second = paralign()
            .arg("batch")
            .arg(bulk.join("en"))
            .arg(bulk.join("fr"))
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        refused(second, "another paralign run is writing into this folder");
        Command::new("kill").arg(signal).arg(child.id().to_string()).status().unwrap();
        assert_eq!(child.wait().unwrap().code(), Some(code));
        assert!(no_temporary_files(&out));
        assert!(!out.join("run.json").exists());
    }
}

/// An output that cannot be created is named as the user gave it, never by the temporary file
/// paralign writes first (`…/.paralign-oG9HgI`): a missing folder, a folder that is a file.
#[test]
fn an_output_that_cannot_be_made_is_named_as_given() {
    let dir = seed_copies();
    let file = dir.path().join("doc.en");
    for out in [dir.path().join("missing"), file.clone()] {
        for (command, name) in [("align", "out.tmx"), ("check", "report.json")] {
            let out = out.join(name);
            let o = paralign()
                .arg(command)
                .arg(&file)
                .arg(dir.path().join("doc.fr"))
                .arg("-o")
                .arg(&out)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr).into_owned();
            refused(o, &format!("{}: cannot write", out.display()));
            assert!(!err.contains(".paralign-"), "{command}: {err}");
        }
    }
    // batch makes a missing output folder; one under a file it cannot
    let corpus = file.join("corpus");
    let o = paralign().arg("batch").arg(dir.path()).arg("-o").arg(&corpus).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("{}", corpus.display())), "{err}");
    assert!(!err.contains(".paralign-"), "batch: {err}");
}
