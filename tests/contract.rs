//! The contract artifacts against the Rust types: a test that fails on drift.
//!
//! `www/types/api.d.ts` and `www/types/case-input.schema.json` are written by hand (they
//! carry the documentation a caller reads); this test ties them to the one declaration in
//! `src/model.rs`:
//! - every enum value list in the declarations and the schema equals serde's list for the
//!   Rust enum (input enums, and every status, severity and kind the engine writes);
//! - every key the engine writes in an assessment, an error or `knowledge()` is declared in
//!   api.d.ts, and every key of a declared output interface is written (or optional);
//! - every object of the schema lists exactly the keys the engine accepts there (read from
//!   the engine's own "known keys" message), and the same keys are declared in api.d.ts;
//! - every issue code the engine gives is in the `IssueCode` union.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use conscription_check::model::*;
use conscription_check::{assess_json, knowledge_json, Lang};
use serde_json::Value;
use std::collections::BTreeSet;

fn dts() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/types/api.d.ts")).unwrap()
}

fn schema() -> Value {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/types/case-input.schema.json"
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The string literals of the union that follows `anchor` (after `after`, if given), up to
/// the `;`, `>` or `,` that ends it (a `,` ends the status of `Section<S, F>`).
fn union(text: &str, after: Option<&str>, anchor: &str) -> Vec<String> {
    let from = after.map_or(0, |a| {
        text.find(a)
            .unwrap_or_else(|| panic!("{a} not in api.d.ts"))
    });
    let start = from
        + text[from..]
            .find(anchor)
            .unwrap_or_else(|| panic!("{anchor} not in api.d.ts"))
        + anchor.len();
    let rest = &text[start..];
    let end = rest.find([';', '>', ',']).unwrap();
    rest[..end]
        .split('|')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn names<T: WireEnum>() -> Vec<String> {
    T::variants().iter().map(|s| (*s).to_string()).collect()
}

#[test]
fn every_enum_in_api_d_ts_is_the_rust_enum() {
    let t = dts();
    let checks: Vec<(Option<&str>, &str, Vec<String>)> = vec![
        (None, "export type Region =", names::<Region>()),
        (None, "residence?:", names::<Residence>()),
        (None, "current?:", names::<StudyLevel>()),
        (None, "fitness?:", names::<Fitness>()),
        (None, "delivery?:", names::<Delivery>()),
        (Some("service?:"), "status:", names::<ServiceStatus>()),
        (None, "stage?:", names::<ContractStage>()),
        (None, "  severity:", names::<Severity>()),
        (None, "  ground:", names::<GroundKind>()),
        (Some("  ground:"), "status:", names::<GroundStatus>()),
        (
            None,
            "DeferralSection<F = Finding> extends Section<",
            names::<DeferralStatus>(),
        ),
        (None, "  kind:", names::<PenaltyKind>()),
        (None, "  exposure:", names::<Exposure>()),
        (None, "restrictions: Section<", names::<RestrictionStatus>()),
        (
            None,
            "PaymentSection<F = Finding> extends Section<",
            names::<PaymentStatus>(),
        ),
        (None, "returnRisk: Section<", names::<Risk>()),
        (None, "deployment: Section<", names::<Risk>()),
        (None, "conscriptionAge:", names::<AgeClass>()),
        (None, "output?:", names::<Output>()),
        (
            None,
            "export type Lang =",
            Lang::ALL.iter().map(|l| l.code().to_string()).collect(),
        ),
    ];
    for (after, anchor, rust) in checks {
        assert_eq!(union(&t, after, anchor), rust, "api.d.ts at {anchor:?}");
    }
}

#[test]
fn every_enum_in_the_schema_is_the_rust_enum() {
    let s = schema();
    let list = |v: &Value| -> Vec<String> {
        v["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("no enum in {v}"))
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    let p = &s["properties"];
    assert_eq!(list(&s["$defs"]["region"]), names::<Region>());
    assert_eq!(list(&p["residence"]), names::<Residence>());
    assert_eq!(
        list(&p["studies"]["properties"]["current"]),
        names::<StudyLevel>()
    );
    assert_eq!(
        list(&p["health"]["properties"]["fitness"]),
        names::<Fitness>()
    );
    assert_eq!(
        list(&s["$defs"]["summons"]["properties"]["delivery"]),
        names::<Delivery>()
    );
    let service = &p["service"]["properties"];
    assert_eq!(list(&service["status"]), names::<ServiceStatus>());
    assert_eq!(
        list(&service["contract"]["properties"]["stage"]),
        names::<ContractStage>()
    );
}

/// The keys the engine accepts in the object at `prefix` (a JSON path, "" for the root),
/// from its own "known keys" message for an unknown key there.
fn accepted(prefix: &str) -> BTreeSet<String> {
    let bogus = "zzzzzzzzzzzzzzzzzzzzzzzz";
    let case = if prefix.is_empty() {
        serde_json::json!({ bogus: 1 })
    } else if prefix == "summonses[0]" {
        serde_json::json!({ "summonses": [{ bogus: 1 }] })
    } else {
        let mut v = serde_json::json!({ bogus: 1 });
        for part in prefix.rsplit('.') {
            v = serde_json::json!({ part: v });
        }
        if prefix == "service" {
            v["service"]["status"] = "none".into();
        }
        v
    };
    let e = assess_json(&case.to_string(), r#"{"asOf":"2025-11-01"}"#, None).unwrap_err();
    let issue = e
        .issues
        .iter()
        .find(|i| i.code == "unknown-field")
        .unwrap_or_else(|| panic!("{prefix}: {e}"));
    let list = issue.message.split("(known keys: ").nth(1).unwrap();
    list.trim_end_matches(')')
        .split(", ")
        .map(str::to_string)
        .collect()
}

fn object_keys(v: &Value) -> BTreeSet<String> {
    v["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

#[test]
fn the_schema_lists_exactly_the_keys_the_engine_accepts() {
    let s = schema();
    let p = &s["properties"];
    assert_eq!(object_keys(&s), accepted(""));
    for key in [
        "origin",
        "citizenship",
        "studies",
        "health",
        "employment",
        "alternativeService",
        "registration",
        "abroad",
        "service",
    ] {
        assert_eq!(object_keys(&p[key]), accepted(key), "{key}");
    }
    assert_eq!(
        object_keys(&p["service"]["properties"]["contract"]),
        accepted("service.contract")
    );
    assert_eq!(
        object_keys(&s["$defs"]["summons"]),
        accepted("summonses[0]")
    );
    // The same keys are declared in api.d.ts.
    let t = dts();
    for k in accepted("").iter().chain(&accepted("summonses[0]")) {
        assert!(
            t.contains(&format!(" {k}?:")) || t.contains(&format!(" {k}:")),
            "{k} is not declared in api.d.ts"
        );
    }
}

fn keys_of(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.insert(k.clone());
                // `because[].value` is any input value; `ui` is a text table.
                if k != "value" && k != "ui" {
                    keys_of(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| keys_of(x, out)),
        _ => {}
    }
}

#[test]
fn every_key_the_engine_writes_is_declared() {
    let t = dts();
    let mut keys = BTreeSet::new();
    for f in common::scenario_files() {
        let s: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let mut options = s.get("options").cloned().unwrap_or(serde_json::json!({}));
        options["asOf"] = s["asOf"].clone();
        if let Ok(json) = assess_json(&s["input"].to_string(), &options.to_string(), None) {
            keys_of(&serde_json::from_str(&json).unwrap(), &mut keys);
        }
    }
    keys_of(
        &serde_json::from_str(&knowledge_json(Lang::En).unwrap()).unwrap(),
        &mut keys,
    );
    for k in ["path", "code", "message", "suggestion", "issues"] {
        keys.insert(k.to_string());
    }
    for k in &keys {
        assert!(
            t.contains(&format!("{k}?:")) || t.contains(&format!("{k}:")),
            "the engine writes \"{k}\", which api.d.ts does not declare"
        );
    }
}

#[test]
fn every_issue_code_is_in_the_issue_code_union() {
    let codes: BTreeSet<String> = union(&dts(), None, "export type IssueCode =")
        .into_iter()
        .collect();
    let o = r#"{"asOf":"2025-11-01"}"#;
    let inputs = [
        (
            o,
            r#"{"birthdate":1,"birthYear":"x","residence":"mars","studies":[],"birthDate":"2025-02-30"}"#,
        ),
        (
            o,
            r#"{"birthDate":"2000-01-01","birthYear":1800,"summonses":[{"campaign":"x","date":"2025-05-02","appearanceDate":"2025-05-01"},{"date":"2030-01-01"}],"service":{},"region":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#,
        ),
        (r#"{"lang":"xx","rubPer":{"CHF":0}}"#, "{}"),
        (o, r#"{"summonses":[{"date":"2030-01-01"}]}"#),
        ("{", "{}"),
        ("{}", "{}"),
        (r#"{"asOf":"2020-01-01"}"#, "{}"),
    ];
    let mut seen = BTreeSet::new();
    let long = format!(r#"{{"region":"{}"}}"#, "x".repeat(201));
    for (opts, case) in inputs.into_iter().chain([(o, long.as_str())]) {
        let e = assess_json(case, opts, None).unwrap_err();
        seen.extend(e.issues.iter().map(|i| i.code.to_string()));
    }
    let many: String = (0..1001).map(|_| "{}").collect::<Vec<_>>().join(",");
    let e = assess_json(&format!(r#"{{"summonses":[{many}]}}"#), o, None).unwrap_err();
    seen.extend(e.issues.iter().map(|i| i.code.to_string()));
    let e = conscription_check::input::cap_issues(
        assess_json(
            &format!(
                "{{{}}}",
                (0..120)
                    .map(|i| format!("\"k{i}\":1"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            o,
            None,
        )
        .unwrap_err(),
    );
    seen.extend(e.issues.iter().map(|i| i.code.to_string()));
    for c in [
        conscription_check::convert(f64::NAN, "RUB", None, None),
        conscription_check::convert(1.0, "USD", None, None),
    ] {
        seen.extend(c.unwrap_err().issues.iter().map(|i| i.code.to_string()));
    }
    assert!(seen.len() >= 17, "{seen:?}");
    for c in &seen {
        assert!(codes.contains(c), "code {c} is not in IssueCode");
    }
}
