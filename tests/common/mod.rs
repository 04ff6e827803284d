//! Shared by the test binaries that read the golden scenarios (tests/scenarios/*.json).
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// Every scenario file, sorted by name.
pub fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}
