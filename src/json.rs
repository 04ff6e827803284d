//! A small JSON reader and writer: all the JSON this crate needs, without serde.
//!
//! The reader accepts exactly RFC 8259 JSON and behaves like `serde_json::from_str` into a
//! `serde_json::Value` (the implementation this replaces): objects keep the last value of a
//! duplicate key and iterate their keys in sorted (byte) order; nesting deeper than 127
//! arrays or objects is refused; an integer literal is kept as an `i64` when it fits (except
//! `-0`, which is a float, as in serde_json); numbers outside the `f64` range are refused.
//! Numbers are computed exactly as serde_json computes them without its `float_roundtrip`
//! feature (significand × 10^exponent in `f64`), which is small and keeps every result as it
//! was, but can be one unit in the last place off for long or large-exponent literals.
//!
//! The writer produces the same bytes as `serde_json::to_string`: no whitespace; in strings
//! only `"`, `\` and control characters are escaped (`\n`, `\t`, `\r`, `\b`, `\f`, else
//! `\u00xx`); floats with serde_json's own formatter, `zmij` (shortest round-trip digits:
//! `1.0`, `0.001`, `1e-7`, `1.5e+30`). One difference: an integer above `i64::MAX` read from
//! a text is written back as a float.

/// Nesting deeper than this is refused (serde_json's limit: 127 levels are read, 128 not).
const MAX_DEPTH: u32 = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, and the integer it is when it was written as an integer that fits an `i64`.
    Number(f64, Option<i64>),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object: (key, value) pairs sorted by key, each key once.
    Object(Object),
}

/// An object's members, sorted by key (byte order), each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    members: Vec<(String, Value)>,
}

impl Object {
    /// Builds an object from members in any order; of duplicate keys the last one wins.
    pub fn from_members(mut members: Vec<(String, Value)>) -> Object {
        // Stable sort, then keep the last of each run of equal keys.
        members.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for m in members {
            match out.last_mut() {
                Some(last) if last.0 == m.0 => *last = m,
                _ => out.push(m),
            }
        }
        Object { members: out }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.members
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .and_then(|i| self.members.get(i))
            .map(|(_, v)| v)
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys, in sorted order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.members.iter().map(|(k, _)| k)
    }

    /// The members, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.members.iter().map(|(k, v)| (k, v))
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// No members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl Value {
    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, if this was written as an integer that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(_, i) => *i,
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(f, _) => Some(*f),
            _ => None,
        }
    }

    /// This value as JSON text.
    pub fn to_json(&self) -> String {
        let mut w = JsonWriter::new();
        w.value(self);
        w.finish()
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::Number(f64::from(i), Some(i64::from(i)))
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        #[allow(clippy::cast_precision_loss)]
        Value::Number(i as f64, Some(i))
    }
}

// ------------------------------------------------------------------------------------------
// Reader
// ------------------------------------------------------------------------------------------

/// Why a text is not JSON, and where (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What is wrong.
    pub message: &'static str,
    /// Line.
    pub line: usize,
    /// Column.
    pub column: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

/// Reads one JSON value (whitespace around it allowed, nothing else).
///
/// # Errors
/// Text that is not JSON, a number outside the `f64` range, nesting deeper than 127.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: MAX_DEPTH,
    };
    r.skip_ws();
    let v = r.value()?;
    r.skip_ws();
    if r.pos < r.bytes.len() {
        return Err(r.error("trailing characters"));
    }
    Ok(v)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> Error {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Error {
            message,
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).map_or(0, |s| s.chars().count()) + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &'static str, v: Value) -> Result<Value, Error> {
        if self
            .bytes
            .get(self.pos..self.pos + word.len())
            .is_some_and(|b| b == word.as_bytes())
        {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        match self.peek() {
            None => Err(self.error("unexpected end while reading a value")),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.enter()?;
                let v = self.array();
                self.depth += 1;
                v
            }
            Some(b'{') => {
                self.enter()?;
                let v = self.object();
                self.depth += 1;
                v
            }
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth -= 1;
        if self.depth == 0 {
            self.depth += 1;
            return Err(self.error("nested too deeply"));
        }
        Ok(())
    }

    fn array(&mut self) -> Result<Value, Error> {
        self.pos += 1; // [
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("unexpected end while reading an array")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        self.pos += 1; // {
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Object::default()));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("unexpected end while reading an object")),
                Some(_) => return Err(self.error("expected a key (a string)")),
            }
            let key = self.string()?;
            self.skip_ws();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error("unexpected end while reading an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            self.skip_ws();
            let v = self.value()?;
            members.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(Object::from_members(members)));
                }
                None => return Err(self.error("unexpected end while reading an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// A string; `pos` is at its opening quote.
    fn string(&mut self) -> Result<String, Error> {
        self.pos += 1;
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("unexpected end while reading a string"));
            };
            match b {
                b'"' | b'\\' => {
                    // Both are ASCII, so `start..pos` lies on character boundaries.
                    out.push_str(self.text.get(start..self.pos).unwrap_or(""));
                    self.pos += 1;
                    if b == b'"' {
                        return Ok(out);
                    }
                    self.escape(&mut out)?;
                    start = self.pos;
                }
                0x00..=0x1f => {
                    return Err(self.error("control character (U+0000 to U+001F) in a string"))
                }
                _ => self.pos += 1,
            }
        }
    }

    /// One escape; `pos` is just after the backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(b) = self.peek() else {
            return Err(self.error("unexpected end while reading a string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = match hi {
                    0xD800..=0xDBFF => {
                        if self.peek() != Some(b'\\')
                            || self.bytes.get(self.pos + 1).copied() != Some(b'u')
                        {
                            return Err(self.error("lone surrogate in a \\u escape"));
                        }
                        self.pos += 2;
                        let lo = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return Err(self.error("lone surrogate in a \\u escape"));
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(self.error("lone surrogate in a \\u escape")),
                    _ => hi,
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("invalid escape"));
            }
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.error("invalid \\u escape")),
            };
            v = v * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(v)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("invalid number (leading zero)"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("invalid number")),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            integer = false;
            if self.digits() == 0 {
                return Err(self.error("invalid number (no digit after `.`)"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number (no digit in the exponent)"));
            }
        }
        let lit = self.text.get(start..self.pos).unwrap_or("");
        number_value(lit, integer).ok_or_else(|| self.error("number out of range"))
    }
}

/// `a * 10 + b` would exceed `max`.
fn overflows<T: Into<u64>>(a: u64, b: T, max: u64) -> bool {
    let b = b.into();
    a >= max / 10 && (a > max / 10 || b > max % 10)
}

/// The value of a number literal that is valid JSON, computed as serde_json does without
/// its `float_roundtrip` feature (so that results stay what they were): integers exactly,
/// other numbers as significand × 10^exponent in `f64` arithmetic. `None`: out of range.
fn number_value(lit: &str, integer: bool) -> Option<Value> {
    let (positive, body) = match lit.strip_prefix('-') {
        Some(rest) => (false, rest),
        None => (true, lit),
    };
    let (mantissa, exp_part) = match body.find(['e', 'E']) {
        Some(i) => (body.get(..i)?, body.get(i + 1..)),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((a, b)) => (a, b),
        None => (mantissa, ""),
    };
    let mut significand: u64 = 0;
    let mut exponent: i32 = 0;
    let mut long = false;
    for d in int_part.bytes().map(|c| c - b'0') {
        if long {
            exponent = exponent.saturating_add(1);
        } else if overflows(significand, d, u64::MAX) {
            long = true;
            exponent = exponent.saturating_add(1);
        } else {
            significand = significand * 10 + u64::from(d);
        }
    }
    if integer && !long {
        #[allow(clippy::cast_precision_loss, clippy::cast_possible_wrap)]
        return Some(if positive {
            Value::Number(significand as f64, i64::try_from(significand).ok())
        } else {
            let neg = (significand as i64).wrapping_neg();
            if neg >= 0 {
                Value::Number(-(significand as f64), None)
            } else {
                Value::Number(neg as f64, Some(neg))
            }
        });
    }
    for d in frac_part.bytes().map(|c| c - b'0') {
        if overflows(significand, d, u64::MAX) {
            break;
        }
        significand = significand * 10 + u64::from(d);
        exponent -= 1;
    }
    if let Some(e) = exp_part {
        let (positive_exp, digits) = match e.as_bytes().first() {
            Some(b'-') => (false, e.get(1..)?),
            Some(b'+') => (true, e.get(1..)?),
            _ => (true, e),
        };
        let mut exp: u64 = 0;
        for d in digits.bytes().map(|c| c - b'0') {
            if overflows(exp, d, 0x7fff_ffff) {
                if significand != 0 && positive_exp {
                    return None;
                }
                return Some(Value::Number(if positive { 0.0 } else { -0.0 }, None));
            }
            exp = exp * 10 + u64::from(d);
        }
        let exp = i32::try_from(exp).unwrap_or(i32::MAX);
        exponent = if positive_exp {
            exponent.saturating_add(exp)
        } else {
            exponent.saturating_sub(exp)
        };
    }
    #[allow(clippy::cast_precision_loss)]
    let mut f = significand as f64;
    loop {
        match POW10.get(exponent.unsigned_abs() as usize) {
            Some(&pow) => {
                if exponent >= 0 {
                    f *= pow;
                    if f.is_infinite() {
                        return None;
                    }
                } else {
                    f /= pow;
                }
                break;
            }
            None => {
                if f == 0.0 {
                    break;
                }
                if exponent >= 0 {
                    return None;
                }
                f /= 1e308;
                exponent += 308;
            }
        }
    }
    Some(Value::Number(if positive { f } else { -f }, None))
}

#[rustfmt::skip]
static POW10: [f64; 309] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
    1e30, 1e31, 1e32, 1e33, 1e34, 1e35, 1e36, 1e37, 1e38, 1e39,
    1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47, 1e48, 1e49,
    1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59,
    1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69,
    1e70, 1e71, 1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79,
    1e80, 1e81, 1e82, 1e83, 1e84, 1e85, 1e86, 1e87, 1e88, 1e89,
    1e90, 1e91, 1e92, 1e93, 1e94, 1e95, 1e96, 1e97, 1e98, 1e99,
    1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109,
    1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119,
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129,
    1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139,
    1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149,
    1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159,
    1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169,
    1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179,
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189,
    1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199,
    1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209,
    1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219,
    1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229,
    1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239,
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249,
    1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259,
    1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269,
    1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279,
    1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289,
    1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299,
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

// ------------------------------------------------------------------------------------------
// Writer
// ------------------------------------------------------------------------------------------

/// Appends compact JSON to a string; puts the commas in.
#[derive(Debug, Default)]
pub struct JsonWriter {
    buf: String,
    comma: bool,
}

impl JsonWriter {
    /// An empty writer.
    pub fn new() -> JsonWriter {
        JsonWriter::default()
    }

    /// An empty writer with room for `n` bytes.
    pub fn with_capacity(n: usize) -> JsonWriter {
        JsonWriter {
            buf: String::with_capacity(n),
            comma: false,
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.buf
    }

    fn sep(&mut self) {
        if self.comma {
            self.buf.push(',');
        }
    }

    /// `{`.
    pub fn begin_object(&mut self) {
        self.sep();
        self.buf.push('{');
        self.comma = false;
    }

    /// `}`.
    pub fn end_object(&mut self) {
        self.buf.push('}');
        self.comma = true;
    }

    /// `[`.
    pub fn begin_array(&mut self) {
        self.sep();
        self.buf.push('[');
        self.comma = false;
    }

    /// `]`.
    pub fn end_array(&mut self) {
        self.buf.push(']');
        self.comma = true;
    }

    /// A key in an object; the value follows.
    pub fn key(&mut self, k: &str) {
        self.sep();
        escape_into(&mut self.buf, k);
        self.buf.push(':');
        self.comma = false;
    }

    /// A string.
    pub fn str(&mut self, s: &str) {
        self.sep();
        escape_into(&mut self.buf, s);
        self.comma = true;
    }

    /// `null`.
    pub fn null(&mut self) {
        self.sep();
        self.buf.push_str("null");
        self.comma = true;
    }

    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.sep();
        self.buf.push_str(if b { "true" } else { "false" });
        self.comma = true;
    }

    /// An integer.
    pub fn int(&mut self, i: i64) {
        self.sep();
        push_int(&mut self.buf, i);
        self.comma = true;
    }

    /// A float as serde_json writes an `f64`: shortest round-trip digits, laid out as
    /// `1.0`, `0.001`, `1e-7`, `1.5e+30`; `null` if not finite.
    pub fn float(&mut self, f: f64) {
        self.sep();
        push_float(&mut self.buf, f);
        self.comma = true;
    }

    /// A number as JavaScript's `JSON.stringify` writes a whole number (no `.0`); other
    /// numbers as [`JsonWriter::float`].
    pub fn js_number(&mut self, v: f64) {
        #[allow(clippy::cast_possible_truncation, clippy::float_cmp)]
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            self.int(v as i64);
        } else {
            self.float(v);
        }
    }

    /// A string member.
    pub fn field_str(&mut self, k: &str, v: &str) {
        self.key(k);
        self.str(v);
    }

    /// An integer member.
    pub fn field_int(&mut self, k: &str, v: i64) {
        self.key(k);
        self.int(v);
    }

    /// A string member, left out when `None`.
    pub fn field_opt_str(&mut self, k: &str, v: Option<&str>) {
        if let Some(v) = v {
            self.field_str(k, v);
        }
    }

    /// An array of strings.
    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.begin_array();
        for s in items {
            self.str(s.as_ref());
        }
        self.end_array();
    }

    /// Any value.
    pub fn value(&mut self, v: &Value) {
        match v {
            Value::Null => self.null(),
            Value::Bool(b) => self.bool(*b),
            Value::Number(_, Some(i)) => self.int(*i),
            Value::Number(f, None) => self.float(*f),
            Value::String(s) => self.str(s),
            Value::Array(items) => {
                self.begin_array();
                for x in items {
                    self.value(x);
                }
                self.end_array();
            }
            Value::Object(o) => {
                self.begin_object();
                for (k, x) in o.iter() {
                    self.key(k);
                    self.value(x);
                }
                self.end_object();
            }
        }
    }
}

/// Writes `s` as a JSON string, escaped as serde_json does.
fn escape_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        // The common case first, as one test (a `match` here becomes a jump per byte).
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\t' => "\\t",
            b'\r' => "\\r",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => "",
        };
        // `b` is ASCII, so `start..i` lies on character boundaries.
        out.push_str(s.get(start..i).unwrap_or(""));
        if esc.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(
                HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'),
            ));
            out.push(char::from(
                HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0'),
            ));
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or(""));
    out.push('"');
}

fn push_int(out: &mut String, i: i64) {
    let mut digits = [0u8; 20];
    let mut n = i.unsigned_abs();
    let mut len = 0;
    loop {
        if let Some(d) = digits.get_mut(len) {
            // n % 10 < 10: the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation)]
            {
                *d = b'0' + (n % 10) as u8;
            }
        }
        len += 1;
        n /= 10;
        if n == 0 || len == digits.len() {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(*d));
    }
}

/// A float as serde_json writes it: with the formatter it uses (`zmij`).
fn push_float(out: &mut String, f: f64) {
    if f.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(f));
    } else {
        out.push_str("null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_serde_json() {
        let cases = [
            (98.04, "98.04"),
            (108.3, "108.3"),
            (0.1, "0.1"),
            (1e-7, "1e-7"),
            (123456.789, "123456.789"),
            (0.000005, "5e-6"),
            (0.00001, "0.00001"),
            (1.5e-5, "0.000015"),
            (2.5e-6, "2.5e-6"),
            (1.0, "1.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1e15, "1000000000000000.0"),
            (5e-324, "5e-324"),
            (-33.333333333333336, "-33.333333333333336"),
        ];
        for (f, s) in cases {
            let mut w = JsonWriter::new();
            w.float(f);
            assert_eq!(w.finish(), s, "{f}");
        }
    }

    #[test]
    fn escapes_like_serde_json() {
        let mut w = JsonWriter::new();
        w.str("a\"b\\c\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}é/");
        assert_eq!(
            w.finish(),
            r#""a\"b\\c\n\t\r\b\f\u0001\u001f"#.to_string() + "\u{7f}é/\""
        );
    }

    #[test]
    fn reads_like_serde_json() {
        let v = parse(r#" {"b": [1, -0, 2.5, 1e2, "x\u00e9\ud83d\ude00"], "a": null, "b": true} "#);
        let Ok(Value::Object(o)) = v else {
            unreachable!("{v:?}")
        };
        assert_eq!(o.keys().cloned().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(o.get("b"), Some(&Value::Bool(true)));
        let v = parse(r#"[1, -0, 2.5, 1e2, 9223372036854775808, "x\u00e9\ud83d\ude00"]"#);
        assert_eq!(
            v.map(|v| v.to_json()).ok().as_deref(),
            Some(r#"[1,-0.0,2.5,100.0,9.223372036854776e+18,"xé😀"]"#)
        );
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "-",
            "nul",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\u{1}\"",
            "1e400",
            "{} x",
            "\u{feff}{}",
            "{1:1}",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(127)).is_ok());
        assert!(parse(&deep(128)).is_err());
    }
}
