//! Inputs that once crashed something, or that a fuzzer or a reviewer found worth keeping:
//! each file in tests/fuzz-regressions/ is "options JSON, newline, case JSON" (the format of
//! the cargo-fuzz target). Each must give a result or an error with issues, never a panic.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

#[test]
fn regression_inputs_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let (options, case) = text.split_once('\n').unwrap_or(("", &text));
        match conscription_check::assess_json(
            case,
            options,
            conscription_check::Date::new(2025, 11, 1),
        ) {
            Ok(json) => assert!(json.starts_with('{')),
            Err(err) => assert!(!err.issues.is_empty(), "{}", e.path().display()),
        }
        n += 1;
    }
    assert!(n >= 5);
}
