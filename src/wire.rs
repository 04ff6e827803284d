//! What serde needs beyond its derives: the names of a kebab-case enum as serde declares
//! them (for "is not one of …" messages and for reading a name), and the way the API writes
//! an exchange rate.

use serde::de::value::{Error, StrDeserializer};
use serde::de::{DeserializeOwned, Error as _, IntoDeserializer, Visitor};
use serde::{forward_to_deserialize_any, Deserializer, Serializer};
use std::cell::Cell;

/// A deserializer that reads nothing: it only records the variant names a derived
/// `Deserialize` hands to `deserialize_enum`.
struct Probe<'a>(&'a Cell<&'static [&'static str]>);

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(Error::custom("not an enum"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.set(variants);
        Err(Error::custom("probe"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// The JSON names of an enum's variants, in declaration order, as its `Deserialize` derive
/// declares them (empty for a type that is not an enum).
pub fn variants<T: DeserializeOwned>() -> &'static [&'static str] {
    let names = Cell::new(&[][..]);
    let _ = T::deserialize(Probe(&names));
    names.get()
}

/// The variant named `s` (its JSON name), if there is one.
pub fn parse_variant<T: DeserializeOwned>(s: &str) -> Option<T> {
    let d: StrDeserializer<'_, Error> = s.into_deserializer();
    T::deserialize(d).ok()
}

/// Writes a rate as JavaScript's `JSON.stringify` writes the number: a whole number without
/// a fraction (`98`, not serde_json's `98.0`), any other with serde_json's shortest
/// round-trip digits (the same as JavaScript's for the accepted range, 0.001 to below 10^9).
///
/// # Errors
/// Only the serializer's own.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `serialize_with` passes a reference
pub fn js_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    #[allow(clippy::cast_possible_truncation, clippy::float_cmp)]
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// Writes the compact form's finding index as a JSON object: key → finding, in order.
///
/// # Errors
/// Only the serializer's own.
#[allow(clippy::ref_option)] // serde's `serialize_with` passes a reference to the field
pub fn finding_index<S: Serializer>(
    v: &Option<Vec<(crate::model::FindingKey, crate::model::Finding)>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(v.iter().flatten().map(|(k, f)| (k, f)))
}
