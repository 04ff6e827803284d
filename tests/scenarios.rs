//! Golden scenarios (tests/scenarios/*.json), run natively. The same files run through the
//! built npm package in Node (tests/js/scenarios.test.mjs) with the same partial matcher.
//!
//! A scenario: `title`, `asOf`, `lang`, `input`, optional `options` (e.g. `rubPer`), and
//! either `expect` (a partial assessment) or `expectError` (a list of `{path, code}`).
//! Partial matching: every key given must match; arrays of objects with an `id` (or, for the
//! deferral grounds, a `ground`) are matched by it; `findingIds` lists ids that must be among a section's findings, `noFindingIds`
//! ids that must not; `warningIds` / `noWarningIds` the same for the top-level warnings.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use serde_json::{json, Value};
use std::path::Path;

fn matches(path: &str, expected: &Value, actual: &Value, errs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), _) => {
            for (k, ev) in e {
                let here = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                if k == "findingIds"
                    || k == "noFindingIds"
                    || k == "warningIds"
                    || k == "noWarningIds"
                {
                    let list = if k.contains("arning") {
                        "warnings"
                    } else {
                        "findings"
                    };
                    let ids: Vec<&str> = actual[list]
                        .as_array()
                        .map(|a| a.iter().filter_map(|f| f["id"].as_str()).collect())
                        .unwrap_or_default();
                    for id in ev
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                    {
                        let present = ids.contains(&id);
                        if present != (k == "findingIds" || k == "warningIds") {
                            errs.push(format!(
                                "{here}: {id} {}",
                                if present {
                                    "should not be there"
                                } else {
                                    "missing"
                                }
                            ));
                        }
                    }
                    continue;
                }
                match actual.get(k) {
                    Some(av) => matches(&here, ev, av, errs),
                    None => errs.push(format!("{here}: missing in the result")),
                }
            }
        }
        (Value::Array(e), Value::Array(a))
            if !e.is_empty()
                && ["id", "ground"]
                    .iter()
                    .any(|k| e.iter().all(|x| x.get(*k).is_some())) =>
        {
            // Elements are matched by "id" (findings, penalties…) or "ground" (deferral grounds).
            let key = if e.iter().all(|x| x.get("id").is_some()) {
                "id"
            } else {
                "ground"
            };
            for ev in e {
                let id = &ev[key];
                match a.iter().find(|x| &x[key] == id) {
                    Some(av) => matches(
                        &format!("{path}[{}]", id.as_str().unwrap_or("?")),
                        ev,
                        av,
                        errs,
                    ),
                    None => errs.push(format!("{path}: no element with {key} {id}")),
                }
            }
        }
        // Numbers compare by value, as in JavaScript (100 == 100.0).
        (Value::Number(e), Value::Number(a)) => {
            if e.as_f64() != a.as_f64() {
                errs.push(format!("{path}: expected {expected}, got {actual}"));
            }
        }
        _ => {
            if expected != actual {
                errs.push(format!("{path}: expected {expected}, got {actual}"));
            }
        }
    }
}

fn run(file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let s: Value = serde_json::from_str(&text).map_err(|e| format!("bad scenario file: {e}"))?;
    let mut options = s.get("options").cloned().unwrap_or(json!({}));
    options["asOf"] = s["asOf"].clone();
    options["lang"] = s.get("lang").cloned().unwrap_or(json!("en"));
    let out = conscription_check::assess_json(&s["input"].to_string(), &options.to_string(), None);
    let mut errs = Vec::new();
    match (out, s.get("expectError")) {
        (Ok(json), None) => {
            // Kept for the determinism check in Node and Chromium (tests/js, tests/e2e).
            let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/scenario-outputs");
            std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
            std::fs::write(out_dir.join(file.file_name().unwrap_or_default()), &json)
                .map_err(|e| e.to_string())?;
            let actual: Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
            matches("", &s["expect"], &actual, &mut errs);
        }
        (Err(e), Some(expected)) => {
            for x in expected.as_array().into_iter().flatten() {
                if !e.issues.iter().any(|i| {
                    Some(i.path.as_str()) == x["path"].as_str()
                        && Some(i.code) == x["code"].as_str()
                }) {
                    errs.push(format!("expected issue {x}, got {:?}", e.issues));
                }
            }
        }
        (Ok(_), Some(_)) => errs.push("expected an error, got a result".into()),
        (Err(e), None) => errs.push(format!("unexpected error: {e}")),
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.join("\n    "))
    }
}

#[test]
fn golden_scenarios() {
    let files = common::scenario_files();
    assert!(files.len() >= 40, "only {} scenarios", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            run(f)
                .err()
                .map(|e| format!("{}:\n    {e}", f.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} scenario(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_matcher_reports_mismatches_by_path() {
    let mut errs = Vec::new();
    matches(
        "",
        &json!({"deferral": {"status": "likely", "findingIds": ["a"]}, "penalties": [{"id": "cc-328-1", "exposure": "possible"}]}),
        &json!({"deferral": {"status": "unlikely", "findings": [{"id": "b"}]}, "penalties": [{"id": "cc-328-1", "exposure": "unlikely"}]}),
        &mut errs,
    );
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert!(errs
        .iter()
        .any(|e| e.starts_with("penalties[cc-328-1].exposure")));
}
