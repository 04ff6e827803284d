//! The only module that knows about JavaScript. Input crosses the boundary as JSON text
//! (`JSON.stringify` on the way in, `JSON.parse` on the way out: one serialization path,
//! cheaper than building objects field by field), errors become `AssessError` exceptions,
//! and the browser's clock gives the default `asOf`. Nothing here can trap: every failure is
//! a thrown `Error`, and the module keeps working after it.

use crate::model::{AssessError, ToJson};
use crate::{input, json, Date};
use js_sys::{Error, JsString, Reflect, JSON};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../www/types/api.d.ts");

fn js_error(e: &AssessError) -> JsValue {
    let err = Error::new(&e.to_string());
    err.set_name("AssessError");
    let issues = JSON::parse(&e.issues.to_json())
        .ok()
        .unwrap_or_else(|| js_sys::Array::new().into());
    // Setting a property on a fresh Error cannot fail; if it somehow did, the error still
    // carries its message.
    let _ = Reflect::set(&err, &JsValue::from_str("issues"), &issues);
    err.into()
}

fn stringify(v: &JsValue, path: &str) -> Result<String, AssessError> {
    if v.is_undefined() || v.is_null() {
        return Ok("null".into());
    }
    match JSON::stringify(v) {
        Ok(s) => s.as_string().ok_or_else(|| {
            AssessError::one(
                path,
                "invalid-type",
                "expected a JSON value (got a function, symbol or undefined)",
            )
        }),
        Err(e) => {
            let msg = e
                .dyn_ref::<Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "it cannot be converted to JSON".into());
            Err(AssessError::one(
                path,
                "invalid-input",
                format!("not a plain JSON value: {msg}"),
            ))
        }
    }
}

fn parse_output(json: &str) -> Result<JsValue, JsValue> {
    JSON::parse(json).map_err(|_| {
        js_error(&AssessError::one(
            "",
            "internal",
            "could not read the result",
        ))
    })
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

/// Assesses a person's situation. See API.md.
#[wasm_bindgen(unchecked_return_type = "Assessment")]
pub fn assess(
    #[wasm_bindgen(unchecked_param_type = "CaseInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AssessOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    if input.is_undefined() || input.is_null() {
        return Err(js_error(&AssessError::one(
            "",
            "invalid-type",
            "expected the case as an object, got nothing",
        )));
    }
    let case = stringify(&input, "").map_err(|e| js_error(&e))?;
    let opts =
        stringify(&options.unwrap_or(JsValue::UNDEFINED), "options").map_err(|e| js_error(&e))?;
    let json = crate::assess_json(&case, &opts, today()).map_err(|e| js_error(&e))?;
    parse_output(&json)
}

/// What the tool knows: version, report date, languages, default rates, the sources.
#[wasm_bindgen(unchecked_return_type = "KnowledgeInfo")]
pub fn knowledge(
    #[wasm_bindgen(unchecked_param_type = "{ lang?: Lang }")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let opts =
        stringify(&options.unwrap_or(JsValue::UNDEFINED), "options").map_err(|e| js_error(&e))?;
    let v = json::parse(&opts).unwrap_or(json::Value::Null);
    let lang = input::parse_knowledge_options(&v).map_err(|e| js_error(&e))?;
    let json = crate::knowledge_json(lang).map_err(|e| js_error(&e))?;
    parse_output(&json)
}

/// Converts roubles to RUB, CHF or EUR at the sources' rates or the given ones.
#[wasm_bindgen]
pub fn convert(
    #[wasm_bindgen(unchecked_param_type = "number")] amount_rub: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Currency")] currency: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ rubPer?: Rates }")] options: Option<JsValue>,
) -> Result<f64, JsValue> {
    let Some(amount) = amount_rub.as_f64() else {
        return Err(js_error(&AssessError::one(
            "amountRub",
            "invalid-type",
            "expected a number of roubles",
        )));
    };
    let Some(cur) = currency.dyn_ref::<JsString>().map(String::from) else {
        return Err(js_error(&AssessError::one(
            "currency",
            "invalid-type",
            "expected \"RUB\", \"CHF\" or \"EUR\"",
        )));
    };
    let opts =
        stringify(&options.unwrap_or(JsValue::UNDEFINED), "options").map_err(|e| js_error(&e))?;
    let v = json::parse(&opts).unwrap_or(json::Value::Null);
    let (chf, eur) = input::parse_convert_options(&v).map_err(|e| js_error(&e))?;
    let n = crate::convert(amount, &cur, chf, eur).map_err(|e| js_error(&e))?;
    #[allow(clippy::cast_precision_loss)]
    Ok(n as f64)
}
