//! wasm-bindgen tests of the JavaScript boundary, run by `make test` twice: in Node and in
//! headless Chromium (WASM_BINDGEN_USE_BROWSER=1, through chromedriver).
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
#![cfg(target_arch = "wasm32")]

use conscription_check::wasm::{assess, convert, knowledge};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |acc, k| {
        Reflect::get(&acc, &JsValue::from_str(k)).unwrap()
    })
}

#[wasm_bindgen_test]
fn assesses_a_case() {
    let out = assess(js(r#"{"birthDate":"2003-05-20","studies":{"current":"university","fullTime":true,"afterTechnicalCollege":false,"changedSubject":false},"health":{"fitness":"a"},"summonses":[]}"#), Some(js(r#"{"asOf":"2025-11-01","lang":"fr"}"#)))
    .unwrap();
    assert_eq!(get(&out, "deferral.status").as_string().unwrap(), "likely");
    assert_eq!(get(&out, "lang").as_string().unwrap(), "fr");
    assert_eq!(get(&out, "age.years").as_f64().unwrap(), 22.0);
}

#[wasm_bindgen_test]
fn default_as_of_is_today() {
    let out = assess(js("{}"), None).unwrap();
    let as_of = get(&out, "asOf").as_string().unwrap();
    let now = js_sys::Date::new_0();
    assert!(
        as_of.starts_with(&format!("{}-", now.get_full_year())),
        "{as_of}"
    );
}

#[wasm_bindgen_test]
fn bad_input_throws_assess_error_and_module_keeps_working() {
    let err = assess(
        js(r#"{"birthdate":"2024-02-30","summonses":[{"date":"2024-02-30"}]}"#),
        None,
    )
    .unwrap_err();
    assert_eq!(get(&err, "name").as_string().unwrap(), "AssessError");
    let issues: Array = get(&err, "issues").dyn_into().unwrap();
    let paths: Vec<String> = issues
        .iter()
        .map(|i| get(&i, "path").as_string().unwrap())
        .collect();
    assert_eq!(paths, ["birthdate", "summonses[0].date"]);
    let msg = get(&issues.get(0), "message").as_string().unwrap();
    assert!(msg.contains("did you mean \"birthDate\"?"), "{msg}");
    // Still works.
    let ok = assess(
        js(r#"{"birthYear":2000}"#),
        Some(js(r#"{"asOf":"2025-01-01"}"#)),
    )
    .unwrap();
    assert_eq!(get(&ok, "asOf").as_string().unwrap(), "2025-01-01");
}

#[wasm_bindgen_test]
fn values_that_are_not_json_are_errors_not_traps() {
    // A BigInt makes JSON.stringify throw.
    let case = js_sys::Object::new();
    Reflect::set(
        &case,
        &"birthYear".into(),
        &js_sys::BigInt::from(2000u32).into(),
    )
    .unwrap();
    let err = assess(case.into(), None).unwrap_err();
    assert_eq!(get(&err, "name").as_string().unwrap(), "AssessError");
    let err = assess(JsValue::UNDEFINED, None).unwrap_err();
    assert_eq!(get(&err, "name").as_string().unwrap(), "AssessError");
    let err = assess(js("{}"), Some(js(r#"{"lang":"es"}"#))).unwrap_err();
    let issues: Array = get(&err, "issues").dyn_into().unwrap();
    assert_eq!(
        get(&issues.get(0), "code").as_string().unwrap(),
        "unsupported-language"
    );
}

#[wasm_bindgen_test]
fn knowledge_lists_the_catalogue() {
    let k = knowledge(Some(js(r#"{"lang":"ru"}"#))).unwrap();
    assert_eq!(get(&k, "reportDate").as_string().unwrap(), "2025-10-10");
    let sources: Array = get(&k, "sources").dyn_into().unwrap();
    let ids: Vec<String> = sources
        .iter()
        .map(|s| get(&s, "id").as_string().unwrap())
        .collect();
    for id in [
        "osar-2025-10-10",
        "dis-2025-03",
        "minbuza-2025-02-14",
        "dw-2025-04-20",
    ] {
        assert!(ids.contains(&id.to_string()), "{id}");
    }
    assert_eq!(get(&k, "rubPer.chfDate").as_string().unwrap(), "2025-11-25");
}

#[wasm_bindgen_test]
fn converts_at_source_and_given_rates() {
    assert_eq!(convert(10_000.into(), "CHF".into(), None).unwrap(), 102.0);
    assert_eq!(convert(30_000.into(), "EUR".into(), None).unwrap(), 277.0);
    assert_eq!(
        convert(
            30_000.into(),
            "EUR".into(),
            Some(js(r#"{"rubPer":{"EUR":100}}"#))
        )
        .unwrap(),
        300.0
    );
    let err = convert(1.into(), "CHF".into(), Some(js(r#"{"rubPer":{"CHF":0}}"#))).unwrap_err();
    assert_eq!(get(&err, "name").as_string().unwrap(), "AssessError");
    let err = convert("ten".into(), "CHF".into(), None).unwrap_err();
    assert_eq!(get(&err, "name").as_string().unwrap(), "AssessError");
}
