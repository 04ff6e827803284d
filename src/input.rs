//! Reading a case and its options from JSON, checking every value, and reporting every
//! problem with its JSON path. Nothing here panics, whatever the input.

use crate::date::{Date, DateError};
use crate::model::*;
use serde_json::{Map, Value};

type Object = Map<String, Value>;

/// At most this many summonses: more is refused rather than slowly evaluated.
pub const MAX_SUMMONSES: usize = 1000;
/// The smallest exchange rate accepted (roubles per unit).
pub const MIN_RATE: f64 = 0.001;
/// The largest exchange rate accepted is just below this (roubles per unit).
pub const MAX_RATE: f64 = 1e9;
/// The longest string accepted anywhere in the input.
pub const MAX_STRING: usize = 200;
/// An unknown key longer than this (in characters) gets no "did you mean" (the edit distance
/// would cost time in proportion to its length) and is clipped in the issue's path.
pub const MAX_KEY: usize = 64;
/// At most this many issues reach JavaScript; the rest are counted in a final
/// `too-many-issues` entry (see [`cap_issues`]).
pub const MAX_ISSUES: usize = 100;

struct Ctx {
    issues: Vec<Issue>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Edit distance, for "did you mean" suggestions.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().map(|c| c.to_ascii_lowercase()).enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The known key nearest to `key`, if it is near enough to be a likely typo.
pub fn nearest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    let best = known
        .iter()
        .map(|k| (distance(key, k), *k))
        .min_by_key(|(d, _)| *d)?;
    let limit = (key.chars().count().max(best.1.len()) / 2).max(2);
    (best.0 <= limit).then_some(best.1)
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// Keeps the first [`MAX_ISSUES`] issues and, when there were more, adds a final
/// `too-many-issues` entry saying how many were left out.
pub fn cap_issues(mut e: AssessError) -> AssessError {
    let total = e.issues.len();
    if total > MAX_ISSUES {
        e.issues.truncate(MAX_ISSUES);
        e.issues.push(Issue {
            path: String::new(),
            code: "too-many-issues",
            message: format!(
                "{} more issues not listed ({total} in all; at most {MAX_ISSUES} are listed)",
                total - MAX_ISSUES
            ),
            suggestion: None,
        });
    }
    e
}

impl Ctx {
    fn push(&mut self, path: &str, code: &'static str, message: String) {
        self.issues.push(Issue {
            path: path.to_string(),
            code,
            message,
            suggestion: None,
        });
    }

    fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        known: &[&'static str],
    ) -> Option<&'v Object> {
        let Value::Object(map) = v else {
            self.push(
                path,
                "invalid-type",
                format!("expected an object, got {}", type_name(v)),
            );
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                // A long key is no typo of a known one: no edit distance, and its path is
                // clipped like its message. Past MAX_ISSUES issues (which the boundary only
                // counts, see cap_issues), no hint is worked out either.
                let long = key.chars().nth(MAX_KEY).is_some();
                let beyond = self.issues.len() >= MAX_ISSUES;
                let near = if long || beyond {
                    None
                } else {
                    nearest(key, known)
                };
                let hint = match near {
                    Some(k) => format!(" — did you mean \"{k}\"?"),
                    None if beyond => String::new(),
                    None => format!(" (known keys: {})", known.join(", ")),
                };
                let shown = if long { short(key) } else { key.clone() };
                self.push(
                    &join(path, &shown),
                    "unknown-field",
                    format!("unknown field \"{}\"{hint}", short(key)),
                );
                if let Some(last) = self.issues.last_mut() {
                    last.suggestion = near;
                }
            }
        }
        Some(map)
    }

    fn bool(&mut self, map: &Object, path: &str, key: &str) -> Option<bool> {
        match map.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.push(
                    &join(path, key),
                    "invalid-type",
                    format!("expected a boolean, got {}", type_name(other)),
                );
                None
            }
        }
    }

    fn string<'v>(&mut self, map: &'v Object, path: &str, key: &str) -> Option<&'v str> {
        match map.get(key)? {
            Value::String(s) if s.chars().count() > MAX_STRING => {
                self.push(
                    &join(path, key),
                    "too-long",
                    format!("at most {MAX_STRING} characters"),
                );
                None
            }
            Value::String(s) => Some(s.as_str()),
            other => {
                self.push(
                    &join(path, key),
                    "invalid-type",
                    format!("expected a string, got {}", type_name(other)),
                );
                None
            }
        }
    }

    fn date(&mut self, map: &Object, path: &str, key: &str) -> Option<Date> {
        let s = self.string(map, path, key)?;
        match Date::parse(s) {
            Ok(d) => Some(d),
            Err(DateError::Format) => {
                self.push(
                    &join(path, key),
                    "invalid-date",
                    format!("\"{}\" is not a date of the form YYYY-MM-DD", short(s)),
                );
                None
            }
            Err(DateError::NoSuchDay) => {
                self.push(
                    &join(path, key),
                    "invalid-date",
                    format!("{s} is not a day of the calendar"),
                );
                None
            }
        }
    }

    fn enumeration<T>(
        &mut self,
        map: &Object,
        path: &str,
        key: &str,
        parse: fn(&str) -> Option<T>,
        names: fn() -> String,
    ) -> Option<T> {
        let s = self.string(map, path, key)?;
        let v = parse(s);
        if v.is_none() {
            self.push(
                &join(path, key),
                "invalid-value",
                format!("\"{}\" is not one of {}", short(s), names()),
            );
        }
        v
    }
}

const CASE_KEYS: &[&str] = &[
    "birthDate",
    "birthYear",
    "residence",
    "region",
    "origin",
    "citizenship",
    "studies",
    "health",
    "employment",
    "alternativeService",
    "summonses",
    "registration",
    "abroad",
    "service",
];

/// Reads a case. Every problem is reported, not just the first.
///
/// # Errors
/// An [`AssessError`] listing each invalid value with its JSON path.
pub fn parse_case(v: &Value) -> Result<CaseInput, AssessError> {
    let mut c = Ctx { issues: Vec::new() };
    let case = read_case(&mut c, v);
    if c.issues.is_empty() {
        Ok(case)
    } else {
        Err(AssessError { issues: c.issues })
    }
}

fn read_case(c: &mut Ctx, v: &Value) -> CaseInput {
    let mut case = CaseInput::default();
    let Some(m) = c.object(v, "", CASE_KEYS) else {
        return case;
    };
    case.birth_date = c.date(m, "", "birthDate");
    if let Some(y) = m.get("birthYear") {
        match y.as_i64() {
            Some(y) if (1900..=2100).contains(&y) => case.birth_year = i32::try_from(y).ok(),
            Some(_) => c.push(
                "birthYear",
                "out-of-range",
                "expected a year between 1900 and 2100".into(),
            ),
            None => c.push(
                "birthYear",
                "invalid-type",
                format!("expected a whole number, got {}", type_name(y)),
            ),
        }
    }
    if m.contains_key("birthDate") && m.contains_key("birthYear") {
        c.push(
            "birthYear",
            "conflict",
            "give either birthDate or birthYear, not both".into(),
        );
    }
    if let Some(d) = case.birth_date {
        if d.year() < 1900 {
            c.push(
                "birthDate",
                "out-of-range",
                "expected a date of birth from 1900 on".into(),
            );
        }
    }
    case.residence = c.enumeration(m, "", "residence", Residence::parse, Residence::names);
    case.region = c.enumeration(m, "", "region", Region::parse, Region::names);
    if let Some(ov) = m.get("origin") {
        if let Some(o) = c.object(ov, "origin", &["region"]) {
            case.origin = Some(Origin {
                region: c.enumeration(o, "origin", "region", Region::parse, Region::names),
            });
        }
    }
    if let Some(cv) = m.get("citizenship") {
        if let Some(k) = c.object(cv, "citizenship", &["russianPassport", "since"]) {
            let russian_passport = c.bool(k, "citizenship", "russianPassport");
            let since = c.date(k, "citizenship", "since");
            if since.is_some() && russian_passport == Some(false) {
                c.push(
                    "citizenship.since",
                    "conflict",
                    "a date is given for a Russian passport he does not hold".into(),
                );
            }
            case.citizenship = Some(Citizenship {
                russian_passport,
                since,
            });
        }
    }
    if let Some(sv) = m.get("studies") {
        if let Some(s) = c.object(
            sv,
            "studies",
            &[
                "current",
                "fullTime",
                "afterTechnicalCollege",
                "changedSubject",
                "expectedEnd",
            ],
        ) {
            case.studies = Some(Studies {
                current: c.enumeration(
                    s,
                    "studies",
                    "current",
                    StudyLevel::parse,
                    StudyLevel::names,
                ),
                full_time: c.bool(s, "studies", "fullTime"),
                after_technical_college: c.bool(s, "studies", "afterTechnicalCollege"),
                changed_subject: c.bool(s, "studies", "changedSubject"),
                expected_end: c.date(s, "studies", "expectedEnd"),
            });
        }
    }
    if let Some(hv) = m.get("health") {
        if let Some(h) = c.object(hv, "health", &["fitness", "documented"]) {
            case.health = Some(Health {
                fitness: c.enumeration(h, "health", "fitness", Fitness::parse, Fitness::names),
                documented: c.bool(h, "health", "documented"),
            });
        }
    }
    if let Some(ev) = m.get("employment") {
        if let Some(e) = c.object(ev, "employment", &["stateEmployee"]) {
            case.state_employee = c.bool(e, "employment", "stateEmployee");
        }
    }
    if let Some(av) = m.get("alternativeService") {
        if let Some(a) = c.object(av, "alternativeService", &["applied"]) {
            case.alternative_service_applied = c.bool(a, "alternativeService", "applied");
        }
    }
    if let Some(sv) = m.get("summonses") {
        match sv {
            Value::Array(items) if items.len() > MAX_SUMMONSES => c.push(
                "summonses",
                "too-large",
                format!(
                    "{} summonses given; at most {MAX_SUMMONSES} are accepted",
                    items.len()
                ),
            ),
            Value::Array(items) => {
                let mut list = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let path = format!("summonses[{i}]");
                    if let Some(s) = c.object(
                        item,
                        &path,
                        &[
                            "date",
                            "delivery",
                            "signed",
                            "appeared",
                            "validReason",
                            "campaign",
                            "appearanceDate",
                        ],
                    ) {
                        let date = c.date(s, &path, "date");
                        let appearance_date = c.date(s, &path, "appearanceDate");
                        if let (Some(d), Some(a)) = (date, appearance_date) {
                            if a < d {
                                c.push(
                                    &join(&path, "appearanceDate"),
                                    "before-summons",
                                    format!("{a} is before the summons' date ({d})"),
                                );
                            }
                        }
                        let campaign = c.string(s, &path, "campaign").and_then(|k| {
                            crate::rules::summonses::parse_campaign(k)
                                .map_err(|msg| {
                                    c.push(&join(&path, "campaign"), "invalid-campaign", msg);
                                })
                                .ok()
                        });
                        list.push(Summons {
                            date,
                            delivery: c.enumeration(
                                s,
                                &path,
                                "delivery",
                                Delivery::parse,
                                Delivery::names,
                            ),
                            signed: c.bool(s, &path, "signed"),
                            appeared: c.bool(s, &path, "appeared"),
                            valid_reason: c.bool(s, &path, "validReason"),
                            campaign,
                            appearance_date,
                        });
                    }
                }
                case.summonses = Some(list);
            }
            other => c.push(
                "summonses",
                "invalid-type",
                format!("expected an array, got {}", type_name(other)),
            ),
        }
    }
    if let Some(rv) = m.get("registration") {
        if let Some(r) = c.object(
            rv,
            "registration",
            &["residenceNotified", "departureReported"],
        ) {
            case.registration = Some(Registration {
                residence_notified: c.bool(r, "registration", "residenceNotified"),
                departure_reported: c.bool(r, "registration", "departureReported"),
            });
        }
    }
    if let Some(av) = m.get("abroad") {
        if let Some(a) = c.object(av, "abroad", &["since", "planningReturn"]) {
            case.abroad = Some(Abroad {
                since: c.date(a, "abroad", "since"),
                planning_return: c.bool(a, "abroad", "planningReturn"),
            });
        }
    }
    if let Some(sv) = m.get("service") {
        if let Some(s) = c.object(sv, "service", &["status", "start", "region", "contract"]) {
            let status = c.enumeration(
                s,
                "service",
                "status",
                ServiceStatus::parse,
                ServiceStatus::names,
            );
            if !s.contains_key("status") {
                c.push(
                    "service.status",
                    "missing-field",
                    format!(
                        "required when service is given: one of {}",
                        ServiceStatus::names()
                    ),
                );
            }
            let start = c.date(s, "service", "start");
            let region = c.enumeration(s, "service", "region", Region::parse, Region::names);
            let mut contract = None;
            if let Some(cv) = s.get("contract") {
                if let Some(k) = c.object(
                    cv,
                    "service.contract",
                    &["stage", "voluntary", "forged", "paymentReceived"],
                ) {
                    contract = Some(Contract {
                        stage: c.enumeration(
                            k,
                            "service.contract",
                            "stage",
                            ContractStage::parse,
                            ContractStage::names,
                        ),
                        voluntary: c.bool(k, "service.contract", "voluntary"),
                        forged: c.bool(k, "service.contract", "forged"),
                        payment_received: c.bool(k, "service.contract", "paymentReceived"),
                    });
                }
            }
            if let Some(status) = status {
                case.service = Some(Service {
                    status,
                    start,
                    region,
                    contract,
                });
            }
        }
    }
    case
}

/// Options as given by the caller; `as_of` may be absent (the wasm layer fills in today).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawOptions {
    /// Language.
    pub lang: Option<Lang>,
    /// Day evaluated.
    pub as_of: Option<Date>,
    /// Roubles per franc.
    pub chf: Option<f64>,
    /// Roubles per euro.
    pub eur: Option<f64>,
    /// How the result is written (default: in full).
    pub output: Option<Output>,
}

/// Reads the options object of `assess` (`undefined`/`null` is no options).
///
/// # Errors
/// An [`AssessError`] with a path under `options`.
pub fn parse_options(v: &Value) -> Result<RawOptions, AssessError> {
    let mut c = Ctx { issues: Vec::new() };
    let mut o = RawOptions::default();
    if !v.is_null() {
        if let Some(m) = c.object(v, "options", &["lang", "asOf", "rubPer", "output"]) {
            if let Some(l) = m.get("lang") {
                match l.as_str().map(Lang::from_code) {
                    Some(Some(lang)) => o.lang = Some(lang),
                    Some(None) => c.push(
                        "options.lang",
                        "unsupported-language",
                        format!(
                            "\"{}\" is not supported; use \"en\", \"fr\", \"de\" or \"ru\"",
                            short(l.as_str().unwrap_or(""))
                        ),
                    ),
                    None => c.push(
                        "options.lang",
                        "invalid-type",
                        format!("expected a string, got {}", type_name(l)),
                    ),
                }
            }
            o.as_of = c.date(m, "options", "asOf");
            o.output = c.enumeration(m, "options", "output", Output::parse, Output::names);
            if let Some(r) = m.get("rubPer") {
                let (chf, eur) = read_rates(&mut c, r, "options.rubPer");
                o.chf = chf;
                o.eur = eur;
            }
        }
    }
    if c.issues.is_empty() {
        Ok(o)
    } else {
        Err(AssessError { issues: c.issues })
    }
}

fn read_rates(c: &mut Ctx, v: &Value, path: &str) -> (Option<f64>, Option<f64>) {
    let mut out = (None, None);
    if v.is_null() {
        return out;
    }
    if let Some(m) = c.object(v, path, &["CHF", "EUR"]) {
        for (key, slot) in [("CHF", &mut out.0), ("EUR", &mut out.1)] {
            if let Some(x) = m.get(key) {
                match x.as_f64() {
                    // Bounded so that every accepted rate is written the same way by Rust
                    // and by JavaScript's JSON.stringify (no exponent notation).
                    Some(f) if (MIN_RATE..MAX_RATE).contains(&f) => *slot = Some(f),
                    Some(_) => c.push(
                        &join(path, key),
                        "invalid-rate",
                        "expected a number of roubles from 0.001 to below 1,000,000,000".into(),
                    ),
                    None => c.push(
                        &join(path, key),
                        "invalid-type",
                        format!("expected a number, got {}", type_name(x)),
                    ),
                }
            }
        }
    }
    out
}

/// Reads the options of `convert` (`{ rubPer?: Rates }`).
///
/// # Errors
/// An [`AssessError`] with a path under `options`.
pub fn parse_convert_options(v: &Value) -> Result<(Option<f64>, Option<f64>), AssessError> {
    let mut c = Ctx { issues: Vec::new() };
    let mut out = (None, None);
    if !v.is_null() {
        if let Some(m) = c.object(v, "options", &["rubPer"]) {
            if let Some(r) = m.get("rubPer") {
                out = read_rates(&mut c, r, "options.rubPer");
            }
        }
    }
    if c.issues.is_empty() {
        Ok(out)
    } else {
        Err(AssessError { issues: c.issues })
    }
}

/// Reads the options of `knowledge` (`{ lang?: Lang }`).
///
/// # Errors
/// An [`AssessError`] with a path under `options`.
pub fn parse_knowledge_options(v: &Value) -> Result<Lang, AssessError> {
    let mut c = Ctx { issues: Vec::new() };
    let mut lang = Lang::En;
    if !v.is_null() {
        if let Some(m) = c.object(v, "options", &["lang"]) {
            if let Some(l) = m.get("lang") {
                match l.as_str().map(Lang::from_code) {
                    Some(Some(x)) => lang = x,
                    Some(None) => c.push(
                        "options.lang",
                        "unsupported-language",
                        "use \"en\", \"fr\", \"de\" or \"ru\"".into(),
                    ),
                    None => c.push(
                        "options.lang",
                        "invalid-type",
                        format!("expected a string, got {}", type_name(l)),
                    ),
                }
            }
        }
    }
    if c.issues.is_empty() {
        Ok(lang)
    } else {
        Err(AssessError { issues: c.issues })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    #[test]
    fn suggests_nearest_key() {
        let e = parse_case(&json!({"birthdate": "2000-01-01"})).unwrap_err();
        assert_eq!(e.issues[0].path, "birthdate");
        assert_eq!(e.issues[0].code, "unknown-field");
        assert_eq!(e.issues[0].suggestion, Some("birthDate"));
        assert!(
            e.issues[0].message.contains("did you mean \"birthDate\"?"),
            "{}",
            e.issues[0].message
        );
    }

    #[test]
    fn reports_every_problem_with_its_path() {
        let e = parse_case(&json!({
            "birthDate": "2024-02-30",
            "summonses": [{"date": "2024-01-01"}, {"appeared": "no"}],
            "studies": {"current": "kindergarten"}
        }))
        .unwrap_err();
        let paths: Vec<_> = e.issues.iter().map(|i| (i.path.as_str(), i.code)).collect();
        assert!(paths.contains(&("birthDate", "invalid-date")));
        assert!(paths.contains(&("summonses[1].appeared", "invalid-type")));
        assert!(paths.contains(&("studies.current", "invalid-value")));
    }

    #[test]
    fn refuses_both_birth_fields_and_huge_arrays() {
        let e = parse_case(&json!({"birthDate": "2000-01-01", "birthYear": 2000})).unwrap_err();
        assert_eq!(e.issues[0].code, "conflict");
        let many: Vec<_> = (0..MAX_SUMMONSES + 1)
            .map(|_| serde_json::json!({}))
            .collect();
        let e = parse_case(&json!({ "summonses": many })).unwrap_err();
        assert_eq!(e.issues[0].code, "too-large");
    }

    #[test]
    fn origin_and_citizenship() {
        let ok = parse_case(&json!({
            "residence": "abroad",
            "origin": {"region": "zaporizhzhia"},
            "citizenship": {"russianPassport": true, "since": "2023-05-01"}
        }))
        .unwrap();
        assert_eq!(ok.origin.unwrap().region, Some(Region::Zaporizhzhia));
        let cz = ok.citizenship.unwrap();
        assert_eq!(cz.russian_passport, Some(true));
        assert_eq!(
            cz.since.map(|d| d.to_string()).as_deref(),
            Some("2023-05-01")
        );
        let e = parse_case(&json!({
            "origin": {"region": "mars", "regoin": "crimea"},
            "citizenship": {"russianPassport": "yes", "since": "2023-02-30"}
        }))
        .unwrap_err();
        let paths: Vec<_> = e.issues.iter().map(|i| (i.path.as_str(), i.code)).collect();
        assert!(
            paths.contains(&("origin.region", "invalid-value")),
            "{paths:?}"
        );
        assert!(
            paths.contains(&("origin.regoin", "unknown-field")),
            "{paths:?}"
        );
        assert!(
            paths.contains(&("citizenship.russianPassport", "invalid-type")),
            "{paths:?}"
        );
        assert!(
            paths.contains(&("citizenship.since", "invalid-date")),
            "{paths:?}"
        );
        let e =
            parse_case(&json!({"citizenship": {"russianPassport": false, "since": "2023-01-01"}}))
                .unwrap_err();
        assert_eq!(e.issues[0].path, "citizenship.since");
        assert_eq!(e.issues[0].code, "conflict");
        let e = parse_case(&json!({"origin": "crimea"})).unwrap_err();
        assert_eq!(
            (e.issues[0].path.as_str(), e.issues[0].code),
            ("origin", "invalid-type")
        );
    }

    #[test]
    fn options_errors() {
        let e = parse_options(&json!({"lang": "es", "rubPer": {"CHF": -1}})).unwrap_err();
        let codes: Vec<_> = e.issues.iter().map(|i| i.code).collect();
        assert_eq!(codes, ["unsupported-language", "invalid-rate"]);
    }

    #[test]
    fn a_long_unknown_key_gets_no_suggestion_and_a_clipped_path() {
        let key = format!("birthDate{}", "x".repeat(100_000));
        let mut m = serde_json::Map::new();
        m.insert(key.clone(), serde_json::json!(1));
        let e = parse_case(&json!(m)).unwrap_err();
        assert_eq!(e.issues.len(), 1);
        let i = &e.issues[0];
        assert_eq!(i.code, "unknown-field");
        assert_eq!(i.suggestion, None);
        assert_eq!(i.path.chars().count(), 41, "{}", i.path);
        assert!(i.path.starts_with("birthDatexxx") && i.path.ends_with('…'));
        assert!(i.message.len() < 400, "{}", i.message);
        // At the limit, still a suggestion.
        let near = format!("birthDate{}", "x".repeat(MAX_KEY - 9));
        let mut m = serde_json::Map::new();
        m.insert(near.clone(), serde_json::json!(1));
        let e = parse_case(&json!(m)).unwrap_err();
        assert_eq!(e.issues[0].path, near);
    }

    #[test]
    fn issues_are_capped_with_a_final_count() {
        let mut m = serde_json::Map::new();
        for i in 0..250 {
            m.insert(format!("k{i}"), serde_json::json!(1));
        }
        let e = cap_issues(parse_case(&json!(m)).unwrap_err());
        assert_eq!(e.issues.len(), MAX_ISSUES + 1);
        let last = e.issues.last().unwrap();
        assert_eq!(last.code, "too-many-issues");
        assert_eq!(last.path, "");
        assert!(
            last.message.starts_with("150 more issues"),
            "{}",
            last.message
        );
        let few = cap_issues(parse_case(&json!({"a": 1})).unwrap_err());
        assert_eq!(few.issues.len(), 1);
    }
}
