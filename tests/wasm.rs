//! wasm-bindgen tests of the JavaScript boundary, run by `make test` twice: in Node and in
//! headless Chromium (WASM_BINDGEN_USE_BROWSER=1, through chromedriver). The module's exports
//! take and give text (`R` + result JSON, or `E` + `{"message","issues"}`); the package's
//! JavaScript entry (www/engine/conscription_check.js, tested in tests/js/) turns that into
//! objects and AssessErrors.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
#![cfg(target_arch = "wasm32")]

use conscription_check::wasm::{
    assess_json, convert_json, knowledge_json, load_texts, sources_json, MAX_INPUT_BYTES,
};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

// The texts files build.rs wrote for this build (pkg/texts/<lang>.bin in the package). The
// package's wasm is built without `embedded-texts` and so is this test (`make test-wasm`):
// a language is there once its file is loaded.
const EN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/texts/en.bin"));
const FR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/texts/fr.bin"));
const DE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/texts/de.bin"));
const RU: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/texts/ru.bin"));

/// Loads English, French and Russian (German is left to `german_is_refused_until_loaded`).
fn texts() {
    for (lang, bytes) in [("en", EN), ("fr", FR), ("ru", RU)] {
        assert_eq!(load_texts(lang, bytes), "R", "{lang}");
    }
}

/// The result of an `R` answer, parsed; panics on an `E` answer.
fn ok(out: &str) -> JsValue {
    assert!(out.starts_with('R'), "{}", &out[..out.len().min(300)]);
    JSON::parse(&out[1..]).unwrap()
}

/// An `assess` answer: the result's JSON as it is (an object, so never taken for `E`).
fn result(out: &str) -> JsValue {
    assert!(out.starts_with('{'), "{}", &out[..out.len().min(300)]);
    JSON::parse(out).unwrap()
}

/// The issues of an `E` answer, parsed; panics on an `R` answer.
fn issues(out: &str) -> Array {
    assert!(out.starts_with('E'), "{}", &out[..out.len().min(300)]);
    let e = JSON::parse(&out[1..]).unwrap();
    assert!(get(&e, "message").as_string().is_some());
    get(&e, "issues").dyn_into().unwrap()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |acc, k| {
        Reflect::get(&acc, &JsValue::from_str(k)).unwrap()
    })
}

fn s(v: &JsValue, path: &str) -> String {
    get(v, path).as_string().unwrap()
}

#[wasm_bindgen_test]
fn assesses_a_case() {
    texts();
    let out = result(&assess_json(
        r#"{"birthDate":"2003-05-20","studies":{"current":"university","fullTime":true,"afterTechnicalCollege":false,"changedSubject":false},"health":{"fitness":"a"},"summonses":[]}"#,
        r#"{"asOf":"2025-11-01","lang":"fr"}"#,
    ));
    assert_eq!(s(&out, "deferral.status"), "likely");
    assert_eq!(s(&out, "lang"), "fr");
    assert_eq!(get(&out, "age.years").as_f64().unwrap(), 22.0);
    // The module writes the compact form (the package's entry expands it): the lists hold
    // keys into `findings`, the sources are ids of the catalogue `sourcesJson` gives.
    let key = get(&out, "deferral.findings")
        .dyn_into::<Array>()
        .unwrap()
        .get(0);
    let key = key.as_string().unwrap();
    let finding = Reflect::get(&get(&out, "findings"), &key.as_str().into()).unwrap();
    assert_eq!(s(&finding, "id"), key);
    let first = get(&out, "sources").dyn_into::<Array>().unwrap().get(0);
    let catalogue = ok(&sources_json()).dyn_into::<Array>().unwrap();
    assert!(catalogue
        .iter()
        .any(|x| s(&x, "id") == first.as_string().unwrap()));
}

#[wasm_bindgen_test]
fn default_as_of_is_today() {
    texts();
    let out = result(&assess_json("{}", ""));
    let as_of = s(&out, "asOf");
    let now = js_sys::Date::new_0();
    assert!(
        as_of.starts_with(&format!("{}-", now.get_full_year())),
        "{as_of}"
    );
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_answer_and_module_keeps_working() {
    texts();
    let list = issues(&assess_json(
        r#"{"birthdate":"2024-02-30","summonses":[{"date":"2024-02-30"}]}"#,
        "",
    ));
    let paths: Vec<String> = list.iter().map(|i| s(&i, "path")).collect();
    assert_eq!(paths, ["birthdate", "summonses[0].date"]);
    assert!(s(&list.get(0), "message").contains("did you mean \"birthDate\"?"));
    assert_eq!(s(&list.get(0), "suggestion"), "birthDate");
    // Still works.
    let out = result(&assess_json(
        r#"{"birthYear":2000}"#,
        r#"{"asOf":"2025-01-01"}"#,
    ));
    assert_eq!(s(&out, "asOf"), "2025-01-01");
}

#[wasm_bindgen_test]
fn text_that_is_not_json_and_too_much_text_are_errors_not_traps() {
    texts();
    let list = issues(&assess_json("{", ""));
    assert_eq!(s(&list.get(0), "code"), "invalid-json");
    let list = issues(&assess_json("{}", r#"{"lang":"es"}"#));
    assert_eq!(s(&list.get(0), "code"), "unsupported-language");
    let big = format!(r#"{{"a":"{}"}}"#, "x".repeat(MAX_INPUT_BYTES));
    let list = issues(&assess_json(&big, ""));
    assert_eq!(s(&list.get(0), "code"), "too-large");
    let list = issues(&knowledge_json("[1"));
    assert_eq!(s(&list.get(0), "path"), "options");
}

#[wasm_bindgen_test]
fn many_issues_end_in_a_count() {
    texts();
    let keys: Vec<String> = (0..300).map(|i| format!(r#""k{i}":1"#)).collect();
    let list = issues(&assess_json(&format!("{{{}}}", keys.join(",")), ""));
    assert_eq!(list.length(), 101);
    assert_eq!(s(&list.get(100), "code"), "too-many-issues");
}

#[wasm_bindgen_test]
fn knowledge_lists_the_catalogue() {
    texts();
    let k = ok(&knowledge_json(r#"{"lang":"ru"}"#));
    assert_eq!(s(&k, "reportDate"), "2025-10-10");
    let sources: Array = get(&k, "sources").dyn_into().unwrap();
    let ids: Vec<String> = sources.iter().map(|x| s(&x, "id")).collect();
    for id in [
        "osar-2025-10-10",
        "dis-2025-03",
        "minbuza-2025-02-14",
        "dw-2025-04-20",
    ] {
        assert!(ids.contains(&id.to_string()), "{id}");
    }
    assert_eq!(s(&k, "rubPer.chfDate"), "2025-11-25");
    assert_eq!(s(&ok(&knowledge_json("")), "lang"), "en");
}

#[wasm_bindgen_test]
fn converts_at_source_and_given_rates() {
    texts();
    let cur = |c: &str| Some(c.to_string());
    assert_eq!(convert_json(Some(10_000.0), cur("CHF"), ""), "R102");
    assert_eq!(convert_json(Some(30_000.0), cur("EUR"), ""), "R277");
    assert_eq!(
        convert_json(Some(30_000.0), cur("EUR"), r#"{"rubPer":{"EUR":100}}"#),
        "R300"
    );
    let list = issues(&convert_json(
        Some(1.0),
        cur("CHF"),
        r#"{"rubPer":{"CHF":0}}"#,
    ));
    assert_eq!(s(&list.get(0), "code"), "invalid-rate");
    let list = issues(&convert_json(None, cur("CHF"), ""));
    assert_eq!(s(&list.get(0), "path"), "amountRub");
    let list = issues(&convert_json(Some(1.0), None, ""));
    assert_eq!(s(&list.get(0), "path"), "currency");
}

#[wasm_bindgen_test]
#[cfg(not(feature = "embedded-texts"))]
fn german_is_refused_until_loaded() {
    texts();
    let case = r#"{"birthYear":2000}"#;
    let de = r#"{"asOf":"2025-01-01","lang":"de"}"#;
    for out in [assess_json(case, de), knowledge_json(r#"{"lang":"de"}"#)] {
        let list = issues(&out);
        assert_eq!(list.length(), 1);
        assert_eq!(s(&list.get(0), "path"), "options.lang");
        assert_eq!(s(&list.get(0), "code"), "language-not-loaded");
    }
    // Wrong files are refused, and leave German unloaded.
    assert!(load_texts("de", EN).starts_with("Ethe texts file is for the language"));
    assert!(load_texts("de", &DE[..DE.len() - 1]).starts_with("Ea damaged texts file"));
    assert!(load_texts("de", b"\0asm").starts_with("Enot a texts file"));
    assert!(load_texts("es", DE).starts_with("Eunknown language"));
    assert!(assess_json(case, de).starts_with('E'));
    assert_eq!(load_texts("de", DE), "R");
    assert_eq!(load_texts("de", DE), "R", "again: nothing to do");
    let out = result(&assess_json(case, de));
    assert_eq!(s(&out, "lang"), "de");
    let k = ok(&knowledge_json(r#"{"lang":"de"}"#));
    assert_eq!(s(&k, "lang"), "de");
}
