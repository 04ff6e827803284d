//! Native timing of the golden scenarios, for `make bench` (bench/run.mjs).
//!
//! For every scenario in `tests/scenarios/*.json` that expects a result (not an error), times
//! the whole pipeline a caller pays for: `assess_json` on the scenario's input and options as
//! JSON text (read, validate, assess, write the localized output as JSON). Prints one JSON
//! document on stdout: per case the median and p99 in nanoseconds, the number of timed calls,
//! and the output's size; and, for comparison, the median time `serde_json` takes to read that
//! output back (the native counterpart of the `JSON.parse` floor).
//!
//! ```sh
//! cargo run --release --example bench_native -- [scenario dir] [milliseconds per case]
//! ```
//!
//! Timings are for comparison within one run on one machine; nothing here is a pass/fail test.

use serde_json::{json, Value};
use std::error::Error;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Timed calls per case: at least this many, then until the time budget is used.
const MIN_CALLS: usize = 50;
/// Upper bound on timed calls per case.
const MAX_CALLS: usize = 20_000;

fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted.get(rank - 1).copied().unwrap_or(0)
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// Times `f` for `budget` (at least `MIN_CALLS`, at most `MAX_CALLS` calls) after a warm-up.
fn time<F: FnMut()>(mut f: F, budget: Duration) -> Vec<u64> {
    let warm = Instant::now();
    while warm.elapsed() < budget / 10 {
        f();
    }
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < MIN_CALLS || (start.elapsed() < budget && samples.len() < MAX_CALLS) {
        let t = Instant::now();
        f();
        samples.push(nanos(t.elapsed()));
    }
    samples.sort_unstable();
    samples
}

fn scenario_files(dir: &Path) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "tests/scenarios".into()));
    let ms: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let budget = Duration::from_millis(ms);
    let mut cases = Vec::new();
    for file in scenario_files(&dir)? {
        let s: Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
        if s.get("expectError").is_some() {
            continue;
        }
        let mut options = s.get("options").cloned().unwrap_or(json!({}));
        if let Some(o) = options.as_object_mut() {
            o.insert("asOf".into(), s.get("asOf").cloned().unwrap_or(Value::Null));
            o.insert("lang".into(), s.get("lang").cloned().unwrap_or(json!("en")));
        }
        let case = s.get("input").cloned().unwrap_or(json!({})).to_string();
        let options = options.to_string();
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let out = match conscription_check::assess_json(&case, &options, None) {
            Ok(out) => out,
            Err(e) => {
                eprintln!("bench_native: {name}: skipped, the engine reports an error: {e}");
                continue;
            }
        };
        let assess = time(
            || {
                let r =
                    conscription_check::assess_json(black_box(&case), black_box(&options), None);
                black_box(r).ok();
            },
            budget,
        );
        let parse = time(
            || {
                let v: Result<Value, _> = serde_json::from_str(black_box(&out));
                black_box(v).ok();
            },
            budget / 3,
        );
        cases.push(json!({
            "file": name,
            "calls": assess.len(),
            "medianNs": percentile(&assess, 0.5),
            "p99Ns": percentile(&assess, 0.99),
            "outputBytes": out.len(),
            "parseMedianNs": percentile(&parse, 0.5),
        }));
    }
    let report = json!({
        "engine": conscription_check::ENGINE,
        "profile": if cfg!(debug_assertions) { "debug" } else { "release" },
        "cases": cases,
    });
    println!("{report}");
    Ok(())
}
