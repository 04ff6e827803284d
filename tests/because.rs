//! Every `because` entry of every finding names a real input path and carries the value the
//! input has there; every `missingFacts` entry is a real input path that the input leaves
//! out. Run over every golden scenario (tests/scenarios/*.json).
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use serde_json::{json, Value};

/// The parts of an input path: `summonses[1].date` → ["summonses", 1, "date"].
fn parts(path: &str) -> Vec<Result<String, usize>> {
    let mut out = Vec::new();
    for seg in path.split('.') {
        let (name, rest) = seg.split_once('[').unwrap_or((seg, ""));
        if !name.is_empty() {
            out.push(Ok(name.to_string()));
        }
        for idx in rest.split('[') {
            let idx = idx.trim_end_matches(']');
            if !idx.is_empty() {
                out.push(Err(idx.parse().expect("an index")));
            }
        }
    }
    out
}

/// The value at `path` in `input`, if there is one.
fn at<'a>(input: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = input;
    for p in parts(path) {
        v = match p {
            Ok(k) => v.get(k.as_str())?,
            Err(i) => v.get(i)?,
        };
    }
    Some(v)
}

/// Sets `path` to `value`, creating objects on the way (indexes must exist).
fn set(input: &mut Value, path: &str, value: Value) -> bool {
    let ps = parts(path);
    let mut v = input;
    for (n, p) in ps.iter().enumerate() {
        let last = n + 1 == ps.len();
        v = match p {
            Ok(k) => {
                if !v.is_object() {
                    return false;
                }
                let o = v.as_object_mut().unwrap();
                if last {
                    o.insert(k.clone(), value);
                    return true;
                }
                o.entry(k.clone()).or_insert_with(|| json!({}))
            }
            Err(i) => match v.get_mut(*i) {
                Some(x) if !last => x,
                _ => return false,
            },
        };
    }
    false
}

/// Whether the input reader knows `path`: setting it to a probe value gives no
/// `unknown-field` error (a type error means the key is known).
fn known_path(input: &Value, options: &Value, path: &str) -> bool {
    let mut probe = input.clone();
    if !set(&mut probe, path, json!("probe")) {
        return false;
    }
    match conscription_check::assess_json(&probe.to_string(), &options.to_string(), None) {
        Ok(_) => true,
        Err(e) => !e.issues.iter().any(|i| i.code == "unknown-field"),
    }
}

/// Every `because` array in a result, with where it was found.
fn becauses<'a>(v: &'a Value, here: String, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                if k == "because" {
                    out.push((here.clone(), x));
                } else {
                    becauses(x, format!("{here}.{k}"), out);
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                becauses(x, format!("{here}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The problems with one result.
fn check(input: &Value, options: &Value, result: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    let mut list = Vec::new();
    becauses(result, String::new(), &mut list);
    for (where_, b) in list {
        for e in b.as_array().into_iter().flatten() {
            let path = e["path"].as_str().unwrap_or("");
            match at(input, path) {
                Some(v) if v == &e["value"] => {}
                Some(v) => errs.push(format!(
                    "{where_}: because {path} = {}, but the input has {v}",
                    e["value"]
                )),
                None => errs.push(format!("{where_}: because {path}: not in the input")),
            }
        }
    }
    for m in result["missingFacts"].as_array().into_iter().flatten() {
        let path = m.as_str().unwrap_or("");
        if at(input, path).is_some() {
            errs.push(format!("missingFacts {path}: the input gives it"));
        } else if !known_path(input, options, path) {
            errs.push(format!("missingFacts {path}: not an input path"));
        }
    }
    errs
}

#[test]
fn because_and_missing_facts_are_input_paths() {
    let files = common::scenario_files();
    let mut checked = 0;
    let mut failures = Vec::new();
    for f in &files {
        let s: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        if s.get("expectError").is_some() {
            continue;
        }
        let mut options = s.get("options").cloned().unwrap_or(json!({}));
        options["asOf"] = s["asOf"].clone();
        let out =
            conscription_check::assess_json(&s["input"].to_string(), &options.to_string(), None)
                .unwrap();
        let result: Value = serde_json::from_str(&out).unwrap();
        checked += 1;
        for e in check(&s["input"], &options, &result) {
            failures.push(format!("{}: {e}", f.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(checked >= 60, "only {checked} scenarios checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The check itself catches a wrong path, a wrong value, a missing fact the input gives and
/// a missing fact that is no input path.
#[test]
fn the_check_reports_wrong_paths_and_values() {
    let input = json!({"studies": {"current": "university"}, "summonses": [{"appeared": false}]});
    let options = json!({"asOf": "2025-11-01"});
    let result = json!({
        "deferral": {"findings": [{"because": [
            {"path": "studies.current", "value": "university"},
            {"path": "studies.curent", "value": "university"},
            {"path": "summonses[0].appeared", "value": true}
        ]}]},
        "missingFacts": ["studies.current", "studies.fulltime", "summonses[0].date"]
    });
    let errs = check(&input, &options, &result);
    assert_eq!(errs.len(), 4, "{errs:#?}");
    assert!(errs
        .iter()
        .any(|e| e.contains("studies.curent: not in the input")));
    assert!(errs
        .iter()
        .any(|e| e.contains("summonses[0].appeared = true")));
    assert!(errs
        .iter()
        .any(|e| e.contains("missingFacts studies.current: the input gives it")));
    assert!(errs
        .iter()
        .any(|e| e.contains("missingFacts studies.fulltime: not an input path")));
}
