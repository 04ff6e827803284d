//! The compact form (`output: "compact"`, issue 15): over every golden scenario in the four
//! languages, it carries each finding once and each source once, every key it lists resolves,
//! and expanded — the way the package's `expand()` does it — it is the full form. Both forms are written to `target/compact-outputs/` for the same check in Node
//! (tests/js/compact.test.mjs), whose `assess` expands what the wasm writes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use conscription_check::assess_json;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// Every source of the catalogue, by id (what the package's entry expands source ids with).
fn catalogue() -> Map<String, Value> {
    let all: Value = serde_json::from_str(&conscription_check::sources_json().unwrap()).unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap().to_string(), s.clone()))
        .collect()
}

/// The lists of findings of a result, as (where, the list), in the order they are written.
fn lists(r: &mut Value) -> Vec<(String, &mut Vec<Value>)> {
    let mut out = Vec::new();
    let Value::Object(m) = r else {
        panic!("not an object")
    };
    for (k, v) in m.iter_mut() {
        match k.as_str() {
            "age" | "deferral" | "restrictions" | "payment" | "returnRisk" | "deployment" => {
                section(k, v, &mut out);
            }
            "penalties" => {
                for (i, p) in v.as_array_mut().unwrap().iter_mut().enumerate() {
                    section(&format!("penalties[{i}]"), p, &mut out);
                }
            }
            "warnings" => out.push((k.clone(), v.as_array_mut().unwrap())),
            _ => {}
        }
    }
    out
}

fn section<'a>(at: &str, v: &'a mut Value, out: &mut Vec<(String, &'a mut Vec<Value>)>) {
    let Value::Object(m) = v else {
        panic!("{at}: not an object")
    };
    for (k, x) in m.iter_mut() {
        if k == "findings" {
            out.push((format!("{at}.findings"), x.as_array_mut().unwrap()));
        } else if k == "grounds" {
            for (i, g) in x.as_array_mut().unwrap().iter_mut().enumerate() {
                section(&format!("{at}.grounds[{i}]"), g, out);
            }
        }
    }
}

/// The compact form expanded, checking it on the way; the keys it used.
fn expand(mut c: Value, sources: &Map<String, Value>, at: &str) -> (Value, BTreeSet<String>) {
    let index = c
        .as_object_mut()
        .unwrap()
        .remove("findings")
        .unwrap_or_else(|| panic!("{at}: no findings index"));
    let index = index.as_object().unwrap().clone();
    let mut used = BTreeSet::new();
    for (where_, list) in lists(&mut c) {
        let mut seen = BTreeSet::new();
        for k in list.iter_mut() {
            let key = k
                .as_str()
                .unwrap_or_else(|| panic!("{at} {where_}: {k} is not a key"));
            assert!(
                seen.insert(key.to_string()),
                "{at} {where_}: {key} twice in one list"
            );
            let f = index
                .get(key)
                .unwrap_or_else(|| panic!("{at} {where_}: no finding {key}"));
            used.insert(key.to_string());
            *k = f.clone();
        }
    }
    let ids: Vec<Value> = c["sources"].as_array().unwrap().clone();
    let mut seen = BTreeSet::new();
    c["sources"] = ids
        .iter()
        .map(|id| {
            let id = id.as_str().unwrap();
            assert!(seen.insert(id), "{at}: source {id} twice");
            sources[id].clone()
        })
        .collect();
    assert_eq!(
        used,
        index.keys().cloned().collect::<BTreeSet<_>>(),
        "{at}: a finding in the index is not listed anywhere"
    );
    (c, used)
}

#[test]
fn the_compact_form_carries_nothing_twice_and_expands_to_the_full_form() {
    let sources = catalogue();
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/compact-outputs");
    std::fs::create_dir_all(&out_dir).unwrap();
    let (mut n, mut full_bytes, mut compact_bytes, mut shared) = (0, 0, 0, 0);
    for f in common::scenario_files() {
        let s: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        for lang in ["en", "fr", "de", "ru"] {
            let mut options = s.get("options").cloned().unwrap_or(json!({}));
            options["asOf"] = s["asOf"].clone();
            options["lang"] = json!(lang);
            let input = s["input"].to_string();
            let Ok(full) = assess_json(&input, &options.to_string(), None) else {
                continue;
            };
            options["output"] = json!("compact");
            let compact = assess_json(&input, &options.to_string(), None).unwrap();
            let at = format!("{stem} ({lang})");
            let c: Value = serde_json::from_str(&compact).unwrap();
            // Every key is a finding id, or an id and "~n" for another finding of that id.
            for (k, f) in c["findings"].as_object().unwrap() {
                let id = f["id"].as_str().unwrap();
                assert!(
                    k == id || k.strip_prefix(id).is_some_and(|r| r.starts_with('~')),
                    "{at}: key {k} for {id}"
                );
            }
            let (expanded, used) = expand(c, &sources, &at);
            // As values (serde_json's map here is sorted; the key order is checked in Node,
            // against these files, byte for byte).
            assert_eq!(
                expanded,
                serde_json::from_str::<Value>(&full).unwrap(),
                "{at}"
            );
            // Each finding once: no two entries of the index are equal.
            let index: Value = serde_json::from_str::<Value>(&compact).unwrap()["findings"].clone();
            let entries: Vec<String> = index
                .as_object()
                .unwrap()
                .values()
                .map(Value::to_string)
                .collect();
            let distinct: BTreeSet<&String> = entries.iter().collect();
            assert_eq!(distinct.len(), entries.len(), "{at}: a finding twice");
            let listed: usize = full.matches("\"severity\":").count();
            shared += listed.saturating_sub(used.len());
            assert!(compact.len() < full.len(), "{at}: compact is not smaller");
            full_bytes += full.len();
            compact_bytes += compact.len();
            std::fs::write(out_dir.join(format!("{stem}-{lang}.full.json")), &full).unwrap();
            std::fs::write(
                out_dir.join(format!("{stem}-{lang}.compact.json")),
                &compact,
            )
            .unwrap();
            n += 1;
        }
    }
    assert!(n >= 4 * 130, "{n} results");
    // Findings listed in more than one place exist in the scenarios (the point of the form).
    assert!(shared > 100, "{shared} repeated findings");
    println!(
        "{n} results: full {full_bytes} bytes, compact {compact_bytes} bytes ({:.1} %), {shared} repeated findings written once",
        100.0 * compact_bytes as f64 / full_bytes as f64
    );
}

#[test]
fn output_is_validated() {
    let e = assess_json("{}", r#"{"asOf":"2025-11-01","output":"short"}"#, None).unwrap_err();
    assert_eq!(e.issues[0].path, "options.output");
    assert_eq!(e.issues[0].code, "invalid-value");
    assert!(
        e.issues[0].message.contains(r#""full", "compact""#),
        "{}",
        e.issues[0].message
    );
    let full = assess_json("{}", r#"{"asOf":"2025-11-01","output":"full"}"#, None).unwrap();
    let default = assess_json("{}", r#"{"asOf":"2025-11-01"}"#, None).unwrap();
    assert_eq!(full, default);
    let compact = conscription_check::assess_json_compact(
        "{}",
        r#"{"asOf":"2025-11-01","output":"full"}"#,
        None,
    )
    .unwrap();
    assert!(compact.contains(r#""findings":{"#), "{compact}");
}
