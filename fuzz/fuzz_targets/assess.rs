//! Fuzzes the whole pipeline on arbitrary bytes: the first line is the options, the rest
//! the case, both as JSON text (what the wasm module receives). Any panic is a bug; an
//! AssessError must carry at least one issue.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (options, case) = text.split_once('\n').unwrap_or(("{\"asOf\":\"2025-11-01\"}", text));
    match conscription_check::assess_json(case, options, conscription_check::Date::new(2025, 11, 1)) {
        Ok(json) => assert!(json.starts_with('{')),
        Err(e) => assert!(!e.issues.is_empty()),
    }
    let _ = conscription_check::convert(text.len() as f64, "CHF", None, None);
});
