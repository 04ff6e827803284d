//! The crate as `cargo package` ships it: every file the sources pull in at compile time
//! (`include_str!`, `include_bytes!`, `#[path]`) and every file of the knowledge base that
//! build.rs reads must be in the package, or the published crate does not build.
//!
//! Runs `cargo package --list --offline` (the registry cache is warm: this test itself had
//! to be built first). A missing file fails with its name.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files `cargo package` would put in the crate, as paths relative to the crate root.
fn packaged() -> BTreeSet<String> {
    let out = Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo package --list failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The string literal arguments of `include_str!("…")`, `include_bytes!("…")` and
/// `#[path = "…"]` in a source file, resolved against the file's folder.
fn compile_time_reads(file: &Path) -> Vec<PathBuf> {
    let text = std::fs::read_to_string(file).unwrap();
    let dir = file.parent().unwrap();
    let mut found = Vec::new();
    for needle in ["include_str!(\"", "include_bytes!(\"", "#[path = \""] {
        let mut rest = text.as_str();
        while let Some(at) = rest.find(needle) {
            rest = &rest[at + needle.len()..];
            if let Some(end) = rest.find('"') {
                found.push(dir.join(&rest[..end]));
            }
        }
    }
    found
}

fn relative(p: &Path) -> String {
    // Normalise "src/../www/x" to "www/x" without touching the file system.
    let mut parts: Vec<String> = Vec::new();
    for c in p.strip_prefix(root()).unwrap().components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn every_file_the_build_reads_is_packaged() {
    let list = packaged();
    let mut sources = vec![root().join("build.rs")];
    rust_files(&root().join("src"), &mut sources);

    let mut needed = BTreeSet::new();
    for file in &sources {
        needed.insert(relative(file));
        for read in compile_time_reads(file) {
            needed.insert(relative(&read));
        }
    }
    // build.rs reads the whole knowledge base (every file under data/ is checked as read).
    let mut data = Vec::new();
    fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                all_files(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    all_files(&root().join("data"), &mut data);
    for f in &data {
        needed.insert(relative(f));
    }
    assert!(
        needed.contains("src/knowledge/schema.rs")
            && needed.iter().any(|n| n.starts_with("data/statements/")),
        "the scan did not find build.rs's #[path] module or the statements: the scanner is broken"
    );

    let missing: Vec<&String> = needed.iter().filter(|n| !list.contains(*n)).collect();
    assert!(
        missing.is_empty(),
        "files the build reads but `cargo package` leaves out (add them to `include` in Cargo.toml): {missing:?}"
    );
}

#[test]
fn the_package_carries_its_licence_texts_and_readme() {
    let list = packaged();
    for f in ["README.md", "Cargo.toml", "Cargo.lock"] {
        assert!(list.contains(f), "{f} is not in the package");
    }
    for entry in std::fs::read_dir(root()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("LICENSE") {
            assert!(list.contains(&name), "{name} is not in the package");
        }
    }
}
