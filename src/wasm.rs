//! The only module that knows about JavaScript. Text crosses the boundary both ways: the
//! package's JavaScript entry (`www/engine/conscription_check.js`) checks the input's size,
//! runs `JSON.stringify` inside its own `try` and hands the JSON text in; these functions hand
//! back one string, the result's JSON (`R` + it, but for `assess`, whose JSON starts with `{`)
//! or `E` + `{"message","issues"}`, which the entry
//! turns into the result or an `AssessError`. Nothing here calls back into JavaScript code
//! that can throw (the host's exceptions never reach the wasm side, so no slot of the
//! externref table is ever held for one), and nothing here traps: every failure is a
//! returned `E` string.

use crate::model::{AssessError, Issue};
use crate::{input, Date};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The longest JSON text accepted, in bytes. The entry refuses more than 1,000,000 UTF-16
/// code units before copying anything; in UTF-8 that is at most 3,000,000 bytes. This is the
/// same limit for callers of the raw exports.
pub const MAX_INPUT_BYTES: usize = 3_000_000;

/// The error as it crosses: the message the entry's `AssessError` carries, and the issues.
#[derive(Serialize)]
struct ErrorOut<'a> {
    message: String,
    issues: &'a [Issue],
}

fn error_text(e: AssessError) -> String {
    let e = input::cap_issues(e);
    let out = ErrorOut {
        message: e.to_string(),
        issues: &e.issues,
    };
    // serde_json cannot fail on strings and string keys; should it, the entry still gets an
    // error with a path and a code.
    let json = crate::to_json(&out).unwrap_or_else(|_| {
        r#"{"message":"internal error","issues":[{"path":"","code":"internal","message":"internal error"}]}"#.to_string()
    });
    format!("E{json}")
}

fn too_large(path: &str, text: &str) -> Option<String> {
    (text.len() > MAX_INPUT_BYTES).then(|| {
        error_text(AssessError::one(
            path,
            "too-large",
            format!(
                "{} bytes of JSON given; at most {MAX_INPUT_BYTES} are accepted",
                text.len()
            ),
        ))
    })
}

fn options_value(opts: &str) -> Result<serde_json::Value, AssessError> {
    if opts.trim().is_empty() {
        return Ok(serde_json::Value::Null);
    }
    crate::parse_json(opts, "options")
}

fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Date::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// `assess` on JSON text: the case, and the options (`""` for none). Returns the
/// assessment's JSON (an object: it starts with `{`) in the compact form (whatever `output` says; the entry expands it
/// unless the caller asked for the compact form), or `E` + the error's JSON.
#[wasm_bindgen(js_name = assessJson)]
pub fn assess_json(case: &str, options: &str) -> String {
    if let Some(e) = too_large("", case).or_else(|| too_large("options", options)) {
        return e;
    }
    // The JSON as it is (it starts with `{`, never with `E`): no copy of 30–60 KB to put a
    // prefix in front.
    match crate::assess_json_compact(case, options, today()) {
        Ok(json) => json,
        Err(e) => error_text(e),
    }
}

/// The source catalogue (`R` + a JSON array of every source), which the package's entry
/// expands a compact result's source ids with.
#[wasm_bindgen(js_name = sourcesJson)]
pub fn sources_json() -> String {
    match crate::sources_json() {
        Ok(json) => format!("R{json}"),
        Err(e) => error_text(e),
    }
}

/// `knowledge` on JSON text (`""` for no options).
#[wasm_bindgen(js_name = knowledgeJson)]
pub fn knowledge_json(options: &str) -> String {
    if let Some(e) = too_large("options", options) {
        return e;
    }
    let lang = options_value(options).and_then(|v| input::parse_knowledge_options(&v));
    match lang.and_then(crate::knowledge_json) {
        Ok(json) => format!("R{json}"),
        Err(e) => error_text(e),
    }
}

/// `convert`: the amount (`undefined` when the caller gave no number), the currency
/// (`undefined` when not a string) and the options as JSON text (`""` for none). Returns `R`
/// + the whole number, or `E` + the error's JSON.
#[wasm_bindgen(js_name = convertJson)]
pub fn convert_json(amount_rub: Option<f64>, currency: Option<String>, options: &str) -> String {
    let Some(amount) = amount_rub else {
        return error_text(AssessError::one(
            "amountRub",
            "invalid-type",
            "expected a number of roubles",
        ));
    };
    let Some(cur) = currency else {
        return error_text(AssessError::one(
            "currency",
            "invalid-type",
            "expected \"RUB\", \"CHF\" or \"EUR\"",
        ));
    };
    if let Some(e) = too_large("options", options) {
        return e;
    }
    let rates = options_value(options).and_then(|v| input::parse_convert_options(&v));
    match rates.and_then(|(chf, eur)| crate::convert(amount, &cur, chf, eur)) {
        Ok(n) => format!("R{n}"),
        Err(e) => error_text(e),
    }
}

/// Loads one language's texts file (`texts/<lang>.bin` of the package): `R` once the
/// language is loaded (also when it was already), or `E` + why the file was refused (not
/// a texts file, another build's, another language's, damaged; or an unknown language).
/// The package's entry calls it from `init()` and `loadLanguage()`, and again for every
/// loaded language after it replaced a broken instance.
#[wasm_bindgen(js_name = loadTexts)]
pub fn load_texts(lang: &str, bytes: &[u8]) -> String {
    let Some(l) = crate::Lang::from_code(lang) else {
        return "Eunknown language; use \"en\", \"fr\", \"de\" or \"ru\"".to_string();
    };
    match crate::knowledge::texts::load(l, bytes) {
        Ok(()) => "R".to_string(),
        Err(e) => format!("E{e}"),
    }
}
