//! Dumps every output the library gives for a fixed set of inputs, one file per input, so
//! that two builds can be compared byte for byte (`diff -r`): `assess_json` for every golden
//! scenario in each language, `knowledge_json` in each language, `convert`, and the errors
//! (`Display` and every issue, in `Debug` form, independent of the JSON writer) for hostile
//! inputs (the fuzz regressions plus a list below).
//!
//! ```sh
//! cargo run --release --example dump_outputs -- /tmp/outputs
//! ```

#![allow(clippy::indexing_slicing)] // a tool: a missing field in a scenario file gives `null`

use conscription_check::{assess_json, convert, knowledge_json, AssessError, Date, Lang};
use serde_json::{json, Value};
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn error_text(e: &AssessError) -> String {
    let mut s = format!("E {e}\n");
    for i in &e.issues {
        let _ = writeln!(s, "{i:?}");
    }
    s
}

fn out(r: Result<String, AssessError>) -> String {
    match r {
        Ok(s) => format!("R {s}\n"),
        Err(e) => error_text(&e),
    }
}

/// Hostile inputs: (name, options, case).
fn hostile() -> Vec<(String, String, String)> {
    let o = r#"{"asOf":"2025-11-01"}"#.to_string();
    let mut v: Vec<(String, String, String)> = [
        ("empty-text", "", ""),
        ("not-json", "", "{"),
        ("trailing", "", "{} x"),
        ("array-root", "", "[]"),
        ("string-root", "", "\"x\""),
        ("null-root", "", "null"),
        ("number-root", "", "1"),
        ("bad-escape", "", r#"{"a":"\q"}"#),
        ("lone-surrogate", "", r#"{"birthDate":"\ud800"}"#),
        ("control-char", "", "{\"a\":\"\u{1}\"}"),
        ("typo", "", r#"{"birthdate":"2000-01-01"}"#),
        ("many-problems", "", r#"{"birthDate":"2024-02-30","summonses":[{"date":"2024-01-01"},{"appeared":"no"}],"studies":{"current":"kindergarten"},"health":{"fitness":"z","documented":1},"residence":3,"region":"mars","origin":{"region":"mars","regoin":"crimea"},"citizenship":{"russianPassport":"yes","since":"2023-02-30"}}"#),
        ("both-birth", "", r#"{"birthDate":"2000-01-01","birthYear":2000}"#),
        ("birth-year-float", "", r#"{"birthYear":2000.5}"#),
        ("birth-year-range", "", r#"{"birthYear":1800}"#),
        ("birth-year-string", "", r#"{"birthYear":"2000"}"#),
        ("birth-date-old", "", r#"{"birthDate":"1850-01-01"}"#),
        ("after-as-of", "", r#"{"birthDate":"2030-01-01","birthYear":2031,"abroad":{"since":"2030-01-01"},"citizenship":{"since":"2030-02-02"},"service":{"status":"conscript","start":"2030-01-01"},"summonses":[{"date":"2030-01-01","campaign":"2031-spring"},{"campaign":"2027"}]}"#),
        ("campaigns", "", r#"{"summonses":[{"campaign":"2025-summer"},{"campaign":"2026-spring"},{"campaign":"1990-autumn"},{"campaign":"x"},{"campaign":""},{"campaign":"2025"},{"campaign":"2024-spring"},{"campaign":"2025-autumn"},{"campaign":"2026"},{"campaign":"12345-spring"}]}"#),
        ("appearance-before", "", r#"{"summonses":[{"date":"2025-05-02","appearanceDate":"2025-05-01"}]}"#),
        ("service-no-status", "", r#"{"service":{"start":"2024-01-01","contract":{"stage":"x","voluntary":1,"forged":"no","paymentReceived":null,"extra":1}}}"#),
        ("service-bad-status", "", r#"{"service":{"status":"maybe","region":1}}"#),
        ("summonses-object", "", r#"{"summonses":{}}"#),
        ("summons-not-object", "", r#"{"summonses":[1,null,"x",[]]}"#),
        ("passport-conflict", "", r#"{"citizenship":{"russianPassport":false,"since":"2023-01-01"}}"#),
        ("long-string", "", &format!(r#"{{"birthDate":"{}"}}"#, "x".repeat(300))),
        ("not-a-date", "", r#"{"birthDate":"01.02.2000"}"#),
        ("employment", "", r#"{"employment":{"stateEmployee":"yes","x":1},"alternativeService":{"applied":1},"registration":{"residenceNotified":1,"departureReported":"x"},"abroad":{"since":"x","planningReturn":2}}"#),
        ("opts-lang", r#"{"lang":"es","asOf":"2025-11-01"}"#, "{}"),
        ("opts-lang-type", r#"{"lang":1,"asOf":"2025-11-01"}"#, "{}"),
        ("opts-rates", r#"{"asOf":"2025-11-01","rubPer":{"CHF":-1,"EUR":"x","USD":1}}"#, "{}"),
        ("opts-rates-null", r#"{"asOf":"2025-11-01","rubPer":null}"#, "{}"),
        ("opts-rates-type", r#"{"asOf":"2025-11-01","rubPer":[]}"#, "{}"),
        ("opts-rates-ok", r#"{"asOf":"2025-11-01","rubPer":{"CHF":100,"EUR":95.5}}"#, r#"{"birthDate":"2003-01-01","summonses":[{"date":"2025-04-01","delivery":"in-person","signed":true,"appeared":false}]}"#),
        ("opts-rates-tiny", r#"{"asOf":"2025-11-01","rubPer":{"CHF":0.001,"EUR":999999999.99}}"#, r#"{"birthDate":"2003-01-01","summonses":[{"date":"2025-04-01","delivery":"in-person","signed":true,"appeared":false}]}"#),
        ("opts-rates-frac", r#"{"asOf":"2025-11-01","rubPer":{"CHF":0.1,"EUR":123456.789012}}"#, r#"{"birthDate":"2003-01-01","summonses":[{"date":"2025-04-01","delivery":"in-person","signed":true,"appeared":false}]}"#),
        ("opts-unknown", r#"{"asOf":"2025-11-01","lnag":"en"}"#, "{}"),
        ("opts-not-object", "[1]", "{}"),
        ("opts-not-json", "{", "{}"),
        ("opts-no-as-of", "{}", "{}"),
        ("opts-early", r#"{"asOf":"2021-12-31"}"#, "{}"),
        ("opts-bad-date", r#"{"asOf":"2025-02-29"}"#, "{}"),
        ("both-bad", "{", "{"),
        ("case-and-opts-bad", r#"{"lang":"xx"}"#, r#"{"x":1}"#),
        ("neg-zero", r#"{"asOf":"2025-11-01"}"#, r#"{"birthYear":-0}"#),
        ("big-int", r#"{"asOf":"2025-11-01"}"#, r#"{"birthYear":1e400}"#),
        ("deep", "", &format!("{}{}", "[".repeat(200), "]".repeat(200))),
        ("deep-127", "", &format!("{}{}", "[".repeat(127), "]".repeat(127))),
        ("deep-128", "", &format!("{}{}", "[".repeat(128), "]".repeat(128))),
        ("dup-keys", r#"{"asOf":"2025-11-01"}"#, r#"{"birthDate":"x","birthDate":"2003-01-01"}"#),
        ("utf8", r#"{"asOf":"2025-11-01"}"#, "{\"é\u{1F600}\":\"\u{2028}\"}"),
        ("long-key", r#"{"asOf":"2025-11-01"}"#, &format!(r#"{{"birthDate{}":1}}"#, "x".repeat(1000))),
        ("many-keys", r#"{"asOf":"2025-11-01"}"#, &format!("{{{}}}", (0..250).map(|i| format!("\"k{i}\":1")).collect::<Vec<_>>().join(","))),
        ("too-many-summonses", r#"{"asOf":"2025-11-01"}"#, &format!(r#"{{"summonses":[{}]}}"#, vec!["{}"; 1001].join(","))),
        ("ws", "  \n ", " \n{\"birthDate\" : \"2003-01-01\" }\t"),
    ]
    .into_iter()
    .map(|(n, a, b)| (n.to_string(), if a.is_empty() { o.clone() } else { a.to_string() }, b.to_string()))
    .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let (options, case) = text.split_once('\n').unwrap_or(("", &text));
        let name = f
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        v.push((
            format!("fuzz-{name}"),
            options.to_string(),
            case.to_string(),
        ));
    }
    v
}

fn main() -> Result<(), Box<dyn Error>> {
    let out_dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/outputs".into()),
    );
    std::fs::create_dir_all(&out_dir)?;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut n = 0;
    for f in &files {
        let s: Value = serde_json::from_str(&std::fs::read_to_string(f)?)?;
        let stem = f
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        for lang in ["en", "fr", "de", "ru"] {
            let mut options = s.get("options").cloned().unwrap_or(json!({}));
            options["asOf"] = s["asOf"].clone();
            options["lang"] = json!(lang);
            let r = assess_json(&s["input"].to_string(), &options.to_string(), None);
            std::fs::write(out_dir.join(format!("scenario-{stem}-{lang}.txt")), out(r))?;
            n += 1;
        }
    }
    for lang in Lang::ALL {
        std::fs::write(
            out_dir.join(format!("knowledge-{}.txt", lang.code())),
            out(knowledge_json(lang)),
        )?;
        n += 1;
    }
    let mut conv = String::new();
    for (a, c, chf, eur) in [
        (10_000.0, "CHF", None, None),
        (30_000.0, "EUR", None, None),
        (30_000.0, "EUR", None, Some(100.0)),
        (1.0, "USD", None, None),
        (f64::NAN, "RUB", None, None),
        (1e16, "RUB", None, None),
        (5.0, "CHF", Some(0.0), None),
        (5.0, "EUR", None, Some(-3.0)),
        (2.5, "RUB", None, None),
    ] {
        let _ = writeln!(
            conv,
            "{a} {c} {chf:?} {eur:?} -> {:?}",
            convert(a, c, chf, eur)
        );
    }
    std::fs::write(out_dir.join("convert.txt"), conv)?;
    for (name, options, case) in hostile() {
        let r = assess_json(&case, &options, Date::new(2025, 11, 1));
        std::fs::write(out_dir.join(format!("hostile-{name}.txt")), out(r))?;
        n += 1;
    }
    println!("{n} outputs in {}", out_dir.display());
    Ok(())
}
