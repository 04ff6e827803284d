//! src/json.rs against serde_json (the implementation it replaced): the reader accepts and
//! refuses the same texts and reads the same values; the writer writes the same bytes.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use conscription_check::json::{self, JsonWriter};
use proptest::prelude::*;

fn serde_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        (-1e6f64..1e6).prop_map(|f| serde_json::json!(f)),
        any::<String>().prop_map(serde_json::Value::String),
        "[\\x00-\\x7f]{0,8}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::vec(("[a-d]{0,2}", inner), 0..8)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn round_trip_matches_serde_json(v in serde_value()) {
        let text = serde_json::to_string(&v).unwrap();
        let mine = json::parse(&text).unwrap();
        // Read back by serde_json too: a long float may come back 1 ulp off, in both.
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(mine.to_json(), serde_json::to_string(&theirs).unwrap());
    }

    #[test]
    fn floats_match_serde_json(f in any::<f64>().prop_filter("finite", |f| f.is_finite())) {
        let mut w = JsonWriter::new();
        w.float(f);
        prop_assert_eq!(w.finish(), serde_json::to_string(&f).unwrap());
    }

    #[test]
    fn small_floats_match_serde_json(f in 0.0f64..1e9) {
        let mut w = JsonWriter::new();
        w.float(f);
        prop_assert_eq!(w.finish(), serde_json::to_string(&f).unwrap());
    }

    #[test]
    fn strings_match_serde_json(s in any::<String>()) {
        let mut w = JsonWriter::new();
        w.str(&s);
        prop_assert_eq!(w.finish(), serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn accepts_and_refuses_like_serde_json(s in "[ \\[\\]{}\",:0-9.eE+\\-a-z\\\\\\n]{0,24}") {
        let theirs = serde_json::from_str::<serde_json::Value>(&s);
        let mine = json::parse(&s);
        prop_assert_eq!(mine.is_ok(), theirs.is_ok(), "{:?}: {:?} / {:?}", s, mine, theirs);
        if let (Ok(m), Ok(t)) = (mine, theirs) {
            prop_assert_eq!(m.to_json(), serde_json::to_string(&t).unwrap());
        }
    }

    #[test]
    fn numbers_read_like_serde_json(s in "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,24})?([eE][+-]?[0-9]{1,12})?") {
        let theirs = serde_json::from_str::<serde_json::Value>(&s);
        let mine = json::parse(&s);
        prop_assert_eq!(mine.is_ok(), theirs.is_ok(), "{}", s);
        if let (Ok(m), Ok(t)) = (mine, theirs) {
            prop_assert_eq!(m.as_i64(), t.as_i64(), "{}", s);
            prop_assert_eq!(m.as_f64().map(f64::to_bits), t.as_f64().map(f64::to_bits), "{}", s);
        }
    }
}

#[test]
fn rates_as_in_javascript() {
    // JSON.stringify gives the same for these; for 0.000005 it gives "0.000005" where
    // serde_json (and so this writer, to keep the output unchanged) gives "5e-6".
    for (f, s) in [
        (98.04, "98.04"),
        (108.3, "108.3"),
        (0.1, "0.1"),
        (1e-7, "1e-7"),
        (123456.789, "123456.789"),
        (100.0, "100"),
        (999999999.5, "999999999.5"),
        (0.000005, "5e-6"),
    ] {
        let mut w = JsonWriter::new();
        w.js_number(f);
        assert_eq!(w.finish(), s);
    }
}

#[test]
fn depth_limit_as_serde_json() {
    for n in [1, 126, 127, 128, 129, 1000] {
        let text = format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(
            json::parse(&text).is_ok(),
            serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            "{n}"
        );
        let text = format!("{}0{}", "{\"a\":".repeat(n), "}".repeat(n));
        assert_eq!(
            json::parse(&text).is_ok(),
            serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            "{n}"
        );
    }
}

#[test]
fn duplicate_keys_last_wins() {
    let v = json::parse(r#"{"b":1,"a":2,"b":3}"#).unwrap();
    assert_eq!(v.to_json(), r#"{"a":2,"b":3}"#);
}
