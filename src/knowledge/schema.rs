//! The knowledge base's file format (data/*.toml), its checks, and the code generator that
//! turns it into static Rust tables.
//!
//! This file is not part of the library's module tree: `build.rs` includes it (to check the
//! data and generate `knowledge_data.rs` at build time) and so does `tests/knowledge.rs` (to
//! test the checks themselves on broken fixtures). The library carries no TOML parser.
#![allow(dead_code)]
#![allow(clippy::indexing_slicing, clippy::expect_used, clippy::unwrap_used)]

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub const LANGS: [&str; 4] = ["en", "fr", "de", "ru"];
/// Files in data/ that are documentation, not knowledge the build reads.
pub const DOC_FILES: [&str; 2] = ["README.md", "COVERAGE.md"];
/// The temporal-coverage grid: every dated value must have a step in force on each quarter
/// day from the first to the last of these.
pub const GRID_START: (i32, u32) = (2022, 1);
pub const GRID_END: (i32, u32) = (2027, 1);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub version: String,
    pub report_date: String,
    pub report_source: String,
    /// The latest date the knowledge covers (no source is dated later).
    pub current_to: String,
    pub modelled_from: String,
    pub stale_after_days: i64,
    pub languages: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub source: Vec<Source>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    #[serde(default)]
    pub title_descriptive: bool,
    pub date: String,
    #[serde(default)]
    pub date_precision: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub origin: String,
    #[serde(default)]
    pub quoted_in: Option<String>,
    #[serde(default)]
    pub pages: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub id: String,
    #[serde(default)]
    pub page: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementsFile {
    pub statement: Vec<Statement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: String,
    pub severity: String,
    pub sources: Vec<Cite>,
    #[serde(default)]
    pub origin: Option<String>,
    pub en: String,
    pub fr: String,
    pub de: String,
    pub ru: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextsFile {
    pub text: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub id: String,
    pub en: String,
    pub fr: String,
    pub de: String,
    pub ru: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValuesFile {
    pub value: Vec<Value>,
    pub rate: Vec<Rate>,
    pub price: Vec<Price>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    pub id: String,
    pub unit: String,
    pub step: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub from: String,
    #[serde(default)]
    pub from_precision: Option<String>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    pub sources: Vec<Cite>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub derived: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    pub currency: String,
    pub rub_per: f64,
    pub date: String,
    #[serde(default)]
    pub date_precision: Option<String>,
    pub sources: Vec<Cite>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub id: String,
    pub statement: String,
    pub min: i64,
    pub max: i64,
    pub sources: Vec<Cite>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisagreementsFile {
    pub disagreement: Vec<Disagreement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    pub id: String,
    pub sides: Vec<String>,
    pub en: String,
    pub fr: String,
    pub de: String,
    pub ru: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub term: Vec<Term>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub en: String,
    pub fr: String,
    pub de: String,
    pub ru: String,
    #[serde(default, rename = "match")]
    pub stems: Option<Stems>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Stems {
    pub en: String,
    pub fr: String,
    pub de: String,
    pub ru: String,
}

/// Everything in data/, parsed.
#[derive(Debug)]
pub struct Knowledge {
    pub meta: Meta,
    pub sources: Vec<Source>,
    /// (file stem, statement) in file order; files sorted by name.
    pub statements: Vec<(String, Statement)>,
    pub texts: Vec<Text>,
    pub values: ValuesFile,
    pub disagreements: Vec<Disagreement>,
    pub glossary: Vec<Term>,
    /// Every file read, relative to data/, sorted.
    pub files_read: Vec<String>,
}

fn read(dir: &Path, rel: &str, read_files: &mut Vec<String>, errs: &mut Vec<String>) -> String {
    read_files.push(rel.to_string());
    match std::fs::read_to_string(dir.join(rel)) {
        Ok(s) => s,
        Err(e) => {
            errs.push(format!("{rel}: cannot read: {e}"));
            String::new()
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(
    rel: &str,
    text: &str,
    errs: &mut Vec<String>,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            errs.push(format!("{rel}: {e}"));
            None
        }
    }
}

fn toml_files_in(dir: &Path, sub: &str, errs: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    match std::fs::read_dir(dir.join(sub)) {
        Ok(rd) => {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if name.ends_with(".toml") {
                    out.push(format!("{sub}/{name}"));
                }
            }
        }
        Err(e) => errs.push(format!("{sub}/: cannot list: {e}")),
    }
    out.sort();
    out
}

/// Every file below `dir`, relative, sorted (for the "every file is embedded" check).
pub fn all_files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, d: &Path, out: &mut Vec<String>) {
        if let Ok(rd) = std::fs::read_dir(d) {
            for e in rd.flatten() {
                let p: PathBuf = e.path();
                if p.is_dir() {
                    walk(base, &p, out);
                } else if let Ok(rel) = p.strip_prefix(base) {
                    out.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Reads and parses data/. Returns the parsed knowledge or every problem found.
pub fn load(dir: &Path) -> Result<Knowledge, Vec<String>> {
    let mut errs = Vec::new();
    let mut files = Vec::new();
    let meta = parse::<Meta>(
        "meta.toml",
        &read(dir, "meta.toml", &mut files, &mut errs),
        &mut errs,
    );
    let sources = parse::<SourcesFile>(
        "sources.toml",
        &read(dir, "sources.toml", &mut files, &mut errs),
        &mut errs,
    );
    let values = parse::<ValuesFile>(
        "values.toml",
        &read(dir, "values.toml", &mut files, &mut errs),
        &mut errs,
    );
    let disagreements = parse::<DisagreementsFile>(
        "disagreements.toml",
        &read(dir, "disagreements.toml", &mut files, &mut errs),
        &mut errs,
    );
    let glossary = parse::<GlossaryFile>(
        "glossary.toml",
        &read(dir, "glossary.toml", &mut files, &mut errs),
        &mut errs,
    );
    let mut statements = Vec::new();
    for rel in toml_files_in(dir, "statements", &mut errs) {
        let text = read(dir, &rel, &mut files, &mut errs);
        if let Some(f) = parse::<StatementsFile>(&rel, &text, &mut errs) {
            let stem = rel
                .trim_start_matches("statements/")
                .trim_end_matches(".toml")
                .to_string();
            statements.extend(f.statement.into_iter().map(|s| (stem.clone(), s)));
        }
    }
    let mut texts = Vec::new();
    for rel in toml_files_in(dir, "texts", &mut errs) {
        let text = read(dir, &rel, &mut files, &mut errs);
        if let Some(f) = parse::<TextsFile>(&rel, &text, &mut errs) {
            texts.extend(f.text);
        }
    }
    files.sort();
    // Any other file is either documentation or a mistake (a knowledge file nobody reads).
    for f in all_files(dir) {
        if !files.contains(&f) && !DOC_FILES.contains(&f.as_str()) {
            errs.push(format!(
                "{f}: not read by the build (add it to the loader or remove it)"
            ));
        }
    }
    match (meta, sources, values, disagreements, glossary) {
        (Some(meta), Some(sources), Some(values), Some(disagreements), Some(glossary))
            if errs.is_empty() =>
        {
            let k = Knowledge {
                meta,
                sources: sources.source,
                statements,
                texts,
                values,
                disagreements: disagreements.disagreement,
                glossary: glossary.term,
                files_read: files,
            };
            let problems = check(&k);
            if problems.is_empty() {
                Ok(k)
            } else {
                Err(problems)
            }
        }
        _ => Err(errs),
    }
}

/// A parsed date as (y, m, d), or None.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !s
        .bytes()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return None;
    }
    let y: i32 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if d == 0 || d > dim {
        return None;
    }
    Some((y, m, d))
}

/// The `{name}` placeholders of a text, sorted; Err when braces don't pair up.
pub fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a '}' without '{'".into());
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("a '{' without '}'")?;
        let name = &after[..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("bad placeholder {{{name}}}"));
        }
        out.insert(name.to_string());
        rest = &after[close + 1..];
    }
    Ok(out)
}

fn is_id(s: &str, dots: bool) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || (dots && c == '.'))
        && !s.starts_with(['-', '.'])
        && !s.ends_with(['-', '.'])
}

fn check_langs(what: &str, texts: [&str; 4], errs: &mut Vec<String>) {
    let mut sets = Vec::new();
    for (lang, t) in LANGS.iter().zip(texts) {
        if t.trim().is_empty() {
            errs.push(format!("{what}: the {lang} text is missing or empty"));
        }
        if t != t.trim() {
            errs.push(format!(
                "{what}: the {lang} text has leading or trailing white space"
            ));
        }
        match placeholders(t) {
            Ok(s) => sets.push((lang, s)),
            Err(e) => errs.push(format!("{what}: {lang}: {e}")),
        }
    }
    if let Some((_, first)) = sets.first() {
        for (lang, s) in &sets[1..] {
            if s != first {
                errs.push(format!("{what}: the {lang} text's placeholders {s:?} differ from the English {first:?}"));
            }
        }
    }
}

fn check_cites(what: &str, cites: &[Cite], sources: &BTreeSet<&str>, errs: &mut Vec<String>) {
    if cites.is_empty() {
        errs.push(format!("{what}: cites no source"));
    }
    for c in cites {
        if !sources.contains(c.id.as_str()) {
            errs.push(format!("{what}: cites unknown source '{}'", c.id));
        }
    }
}

fn quarter_days() -> Vec<(i32, u32, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = GRID_START;
    while (y, m) <= GRID_END {
        out.push((y, m, 1));
        m += 3;
        if m > 12 {
            m -= 12;
            y += 1;
        }
    }
    out
}

/// The checks every data set must pass. Returns the problems, empty when all is well.
pub fn check(k: &Knowledge) -> Vec<String> {
    let mut errs = Vec::new();
    let src_ids: BTreeSet<&str> = k.sources.iter().map(|s| s.id.as_str()).collect();

    // meta
    if k.meta.languages != LANGS {
        errs.push(format!("meta.toml: languages must be {LANGS:?}"));
    }
    for (f, v) in [
        ("report_date", &k.meta.report_date),
        ("current_to", &k.meta.current_to),
        ("modelled_from", &k.meta.modelled_from),
    ] {
        if parse_date(v).is_none() {
            errs.push(format!("meta.toml: {f} '{v}' is not a date"));
        }
    }
    if !src_ids.contains(k.meta.report_source.as_str()) {
        errs.push("meta.toml: report_source is not a known source".into());
    }
    if k.meta.stale_after_days <= 0 {
        errs.push("meta.toml: stale_after_days must be positive".into());
    }
    let current_to = parse_date(&k.meta.current_to);
    if let (Some(c), Some(r)) = (current_to, parse_date(&k.meta.report_date)) {
        if c < r {
            errs.push("meta.toml: current_to is before report_date".into());
        }
    }
    if let Some(c) = current_to {
        for s in &k.sources {
            if parse_date(&s.date).is_some_and(|d| d > c) {
                errs.push(format!(
                    "source '{}': dated {} after meta.current_to {} (move current_to)",
                    s.id, s.date, k.meta.current_to
                ));
            }
        }
    }

    // sources
    let mut seen = BTreeSet::new();
    for s in &k.sources {
        let what = format!("source '{}'", s.id);
        if !is_id(&s.id, false) {
            errs.push(format!("{what}: id must be kebab-case"));
        }
        if !seen.insert(s.id.as_str()) {
            errs.push(format!("{what}: duplicate id"));
        }
        if parse_date(&s.date).is_none() {
            errs.push(format!(
                "{what}: date '{}' is not a YYYY-MM-DD date",
                s.date
            ));
        }
        if !matches!(
            s.date_precision.as_deref(),
            None | Some("day") | Some("month")
        ) {
            errs.push(format!("{what}: date_precision must be day or month"));
        }
        if !matches!(
            s.origin.as_str(),
            "report" | "article" | "beyond-seed" | "later"
        ) {
            errs.push(format!(
                "{what}: origin must be report, article, beyond-seed or later"
            ));
        }
        if let Some(q) = &s.quoted_in {
            if !src_ids.contains(q.as_str()) {
                errs.push(format!("{what}: quoted_in '{q}' is not a known source"));
            }
        }
        if let Some(u) = &s.url {
            if !u.starts_with("https://") && !u.starts_with("http://") {
                errs.push(format!("{what}: url must be http(s)"));
            }
        }
        if s.publisher.trim().is_empty() || s.title.trim().is_empty() {
            errs.push(format!("{what}: publisher and title are required"));
        }
    }

    // statements
    let mut st_ids = BTreeSet::new();
    for (file, s) in &k.statements {
        let what = format!("statements/{file}.toml: statement '{}'", s.id);
        if !is_id(&s.id, true) || !s.id.contains('.') {
            errs.push(format!("{what}: id must be area.name in kebab-case"));
        }
        if !st_ids.insert(s.id.as_str()) {
            errs.push(format!("{what}: duplicate id"));
        }
        if !matches!(s.severity.as_str(), "info" | "caution" | "warning") {
            errs.push(format!("{what}: severity must be info, caution or warning"));
        }
        if !matches!(
            s.origin.as_deref(),
            None | Some("report") | Some("article") | Some("beyond-seed") | Some("later")
        ) {
            errs.push(format!(
                "{what}: origin must be report, article, beyond-seed or later"
            ));
        }
        // A finding marked as coming from a later source must cite one.
        if s.origin.as_deref() == Some("later")
            && !s.sources.iter().any(|c| {
                k.sources
                    .iter()
                    .any(|x| x.id == c.id && x.origin == "later")
            })
        {
            errs.push(format!(
                "{what}: origin is later but it cites no source of origin later"
            ));
        }
        check_cites(&what, &s.sources, &src_ids, &mut errs);
        check_langs(&what, [&s.en, &s.fr, &s.de, &s.ru], &mut errs);
    }

    // texts
    let mut tx_ids = BTreeSet::new();
    for t in &k.texts {
        let what = format!("text '{}'", t.id);
        // Interface strings may mirror API names (ui.st.returnRisk.high, ui.rates.CHF).
        let ok = if let Some(rest) = t.id.strip_prefix("ui.") {
            !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        } else {
            is_id(&t.id, true)
        };
        if !ok {
            errs.push(format!("{what}: id must be kebab-case with dots"));
        }
        if !tx_ids.insert(t.id.as_str()) || st_ids.contains(t.id.as_str()) {
            errs.push(format!("{what}: duplicate id"));
        }
        check_langs(&what, [&t.en, &t.fr, &t.de, &t.ru], &mut errs);
    }

    // values: steps in order, no overlap, a step in force on every grid day
    let modelled = parse_date(&k.meta.modelled_from);
    let mut val_ids = BTreeSet::new();
    for v in &k.values.value {
        let what = format!("value '{}'", v.id);
        if !val_ids.insert(v.id.as_str()) {
            errs.push(format!("{what}: duplicate id"));
        }
        if !matches!(
            v.unit.as_str(),
            "years" | "rub" | "months" | "hours" | "days" | "month-day" | "count"
        ) {
            errs.push(format!("{what}: unknown unit '{}'", v.unit));
        }
        if v.step.is_empty() {
            errs.push(format!("{what}: has no step"));
        }
        let mut prev: Option<(i32, u32, u32)> = None;
        for (i, st) in v.step.iter().enumerate() {
            let sw = format!("{what} step {i}");
            match parse_date(&st.from) {
                None => errs.push(format!("{sw}: from '{}' is not a date", st.from)),
                Some(d) => {
                    if let Some(p) = prev {
                        if d <= p {
                            errs.push(format!(
                                "{sw}: starts on {} — steps overlap or are out of order",
                                st.from
                            ));
                        }
                    }
                    prev = Some(d);
                }
            }
            if !matches!(
                st.from_precision.as_deref(),
                None | Some("day") | Some("month")
            ) {
                errs.push(format!("{sw}: from_precision must be day or month"));
            }
            if let (Some(a), Some(b)) = (st.min, st.max) {
                if a > b {
                    errs.push(format!("{sw}: min {a} is above max {b}"));
                }
            }
            if st.min.is_some_and(|x| x < 0) || st.max.is_some_and(|x| x < 0) {
                errs.push(format!("{sw}: negative amount"));
            }
            // A day of the year written MMDD (401 = 1 April): a real day of a leap year.
            if v.unit == "month-day" {
                for x in [st.min, st.max].into_iter().flatten() {
                    let ok = u32::try_from(x)
                        .ok()
                        .and_then(|x| parse_date(&format!("2024-{:02}-{:02}", x / 100, x % 100)))
                        .is_some();
                    if !ok {
                        errs.push(format!("{sw}: {x} is not a month-day (MMDD)"));
                    }
                }
            }
            check_cites(&sw, &st.sources, &src_ids, &mut errs);
        }
        if let (Some(first), Some(m)) = (v.step.first().and_then(|s| parse_date(&s.from)), modelled)
        {
            if first > m {
                errs.push(format!(
                    "{what}: first step starts after meta.modelled_from"
                ));
            }
        }
        for q in quarter_days() {
            let in_force = v
                .step
                .iter()
                .filter_map(|s| parse_date(&s.from))
                .any(|d| d <= q);
            if !in_force {
                errs.push(format!(
                    "{what}: no step in force on {:04}-{:02}-{:02}",
                    q.0, q.1, q.2
                ));
            }
        }
    }
    let mut currencies = BTreeSet::new();
    for r in &k.values.rate {
        let what = format!("rate {}", r.currency);
        if !matches!(r.currency.as_str(), "CHF" | "EUR") || !currencies.insert(r.currency.as_str())
        {
            errs.push(format!("{what}: currency must be CHF or EUR, once each"));
        }
        if !(r.rub_per.is_finite() && r.rub_per > 0.0) {
            errs.push(format!("{what}: rub_per must be a positive number"));
        }
        if parse_date(&r.date).is_none() {
            errs.push(format!("{what}: date is not a date"));
        }
        check_cites(&what, &r.sources, &src_ids, &mut errs);
    }
    if currencies.len() != 2 {
        errs.push("values.toml: needs one CHF and one EUR rate".into());
    }
    let mut price_ids = BTreeSet::new();
    for p in &k.values.price {
        let what = format!("price '{}'", p.id);
        if !price_ids.insert(p.id.as_str()) {
            errs.push(format!("{what}: duplicate id"));
        }
        if !st_ids.contains(p.statement.as_str()) {
            errs.push(format!(
                "{what}: statement '{}' does not exist",
                p.statement
            ));
        }
        if p.min > p.max || p.min < 0 {
            errs.push(format!("{what}: min/max out of order or negative"));
        }
        check_cites(&what, &p.sources, &src_ids, &mut errs);
    }

    // disagreements
    let mut dis_ids = BTreeSet::new();
    for d in &k.disagreements {
        let what = format!("disagreement '{}'", d.id);
        if !dis_ids.insert(d.id.as_str()) {
            errs.push(format!("{what}: duplicate id"));
        }
        if d.sides.len() < 2 {
            errs.push(format!("{what}: needs at least two sides"));
        }
        for s in &d.sides {
            if !st_ids.contains(s.as_str()) {
                errs.push(format!("{what}: side '{s}' is not a statement"));
            }
        }
        check_langs(&what, [&d.en, &d.fr, &d.de, &d.ru], &mut errs);
    }

    // glossary: terms present, and used consistently where a stem is given
    let mut term_ids = BTreeSet::new();
    for t in &k.glossary {
        let what = format!("glossary term '{}'", t.id);
        if !term_ids.insert(t.id.as_str()) {
            errs.push(format!("{what}: duplicate id"));
        }
        check_langs(&what, [&t.en, &t.fr, &t.de, &t.ru], &mut errs);
        if let Some(stems) = &t.stems {
            for (_, s) in &k.statements {
                if !s.en.to_lowercase().contains(&stems.en.to_lowercase()) {
                    continue;
                }
                for (lang, text, stem) in [
                    ("fr", &s.fr, &stems.fr),
                    ("de", &s.de, &stems.de),
                    ("ru", &s.ru, &stems.ru),
                ] {
                    if !text.to_lowercase().contains(&stem.to_lowercase()) {
                        errs.push(format!(
                            "statement '{}': the English uses the glossary term '{}' but the {lang} text lacks '{stem}'",
                            s.id, t.id
                        ));
                    }
                }
            }
        }
    }
    errs
}

// ---------------------------------------------------------------------------------------
// Code generation
// ---------------------------------------------------------------------------------------

/// `study.deferral-automatic` -> `STUDY_DEFERRAL_AUTOMATIC`
pub fn const_name(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt(s: &Option<String>) -> String {
    match s {
        Some(v) => format!("Some({})", lit(v)),
        None => "None".into(),
    }
}

fn date_expr(s: &str) -> String {
    let (y, m, d) = parse_date(s).expect("checked");
    format!("Date::new_const({y}, {m}, {d})")
}

fn origin_expr(s: Option<&str>) -> &'static str {
    match s {
        Some("article") => "Origin::Article",
        Some("beyond-seed") => "Origin::BeyondSeed",
        Some("later") => "Origin::Later",
        _ => "Origin::Report",
    }
}

/// The citations of the tables: a `Cite` is the source's position in `SOURCES` (u8) and a
/// page's position + 1 in `PAGES` (0: no page), two bytes instead of a pointer and an
/// optional string (12 bytes of mostly incompressible addresses in the wasm's data).
struct Cites<'a> {
    sources: &'a [Source],
    pages: std::cell::RefCell<Vec<String>>,
}

impl Cites<'_> {
    fn expr(&self, c: &[Cite]) -> String {
        let items: Vec<String> = c
            .iter()
            .map(|c| {
                let source = self
                    .sources
                    .iter()
                    .position(|s| s.id == c.id)
                    .expect("checked: every cited source exists");
                let source = u8::try_from(source).expect("at most 256 sources (Cite holds a u8)");
                let page = match &c.page {
                    None => 0,
                    Some(p) => {
                        let mut pages = self.pages.borrow_mut();
                        let at = match pages.iter().position(|x| x == p) {
                            Some(at) => at,
                            None => {
                                pages.push(p.clone());
                                pages.len() - 1
                            }
                        };
                        u8::try_from(at + 1).expect("at most 255 distinct pages (Cite holds a u8)")
                    }
                };
                format!("Cite {{ source: {source}, page: {page} }}")
            })
            .collect();
        format!("&[{}]", items.join(", "))
    }
}

/// The texts of each language, in one list per language with the same order in all four:
/// a statement, text, disagreement or glossary term holds its index in that list (a
/// `Localized`), and each language's list becomes one file (`texts/<lang>.bin`, see
/// [`encode_texts`]) that the wasm module loads when the language is wanted. The module
/// itself carries the indices, not the texts.
#[derive(Default)]
pub struct Blobs {
    parts: std::cell::RefCell<[Vec<String>; 4]>,
}

impl Blobs {
    /// Adds one text in the four languages; returns its `Localized(index)` expression.
    fn add(&self, t: [&str; 4]) -> String {
        let mut parts = self.parts.borrow_mut();
        let index = parts[0].len();
        for (i, text) in t.iter().enumerate() {
            parts[i].push((*text).to_string());
        }
        format!("Localized({index})")
    }

    /// The lists, one per language (in the order of [`LANGS`]).
    pub fn into_lists(self) -> [Vec<String>; 4] {
        self.parts.into_inner()
    }
}

/// The first bytes of a texts file.
pub const TEXTS_MAGIC: &[u8; 4] = b"CCT1";

/// FNV-1a (64 bits) of the four lists, so that a texts file is accepted only by the wasm
/// module built with it (the module holds the same number as `TEXTS_FINGERPRINT`).
pub fn texts_fingerprint(lists: &[Vec<String>; 4]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (lang, list) in LANGS.iter().zip(lists) {
        eat(lang.as_bytes());
        for t in list {
            eat(&(t.len() as u64).to_le_bytes());
            eat(t.as_bytes());
        }
    }
    h
}

/// One language's texts file: `CCT1`, the fingerprint (u64 LE), the language code (2
/// bytes), the number of texts (u32 LE), each text's length in bytes (u16 LE), then the
/// texts' UTF-8, concatenated. Lengths first and text after keep the text in one run, which
/// compresses like the plain text.
pub fn encode_texts(lang: &str, list: &[String], fingerprint: u64) -> Vec<u8> {
    let text_len: usize = list.iter().map(String::len).sum();
    let mut out = Vec::with_capacity(18 + 2 * list.len() + text_len);
    out.extend_from_slice(TEXTS_MAGIC);
    out.extend_from_slice(&fingerprint.to_le_bytes());
    assert_eq!(lang.len(), 2, "language codes have two letters");
    out.extend_from_slice(lang.as_bytes());
    let count = u32::try_from(list.len()).expect("fewer than 2^32 texts");
    out.extend_from_slice(&count.to_le_bytes());
    for t in list {
        let n = u16::try_from(t.len()).unwrap_or_else(|_| {
            panic!(
                "a text of {} bytes: texts files hold at most 65,535 bytes a text",
                t.len()
            )
        });
        out.extend_from_slice(&n.to_le_bytes());
    }
    for t in list {
        out.extend_from_slice(t.as_bytes());
    }
    out
}

/// What the build writes: the Rust source of the tables, and one texts file per language.
pub struct Generated {
    /// `knowledge_data.rs`, included by src/knowledge/mod.rs.
    pub rust: String,
    /// (language code, `texts/<lang>.bin`), in the order of [`LANGS`].
    pub texts: Vec<(&'static str, Vec<u8>)>,
}

fn opt_i64(v: Option<i64>) -> String {
    v.map_or("None".into(), |x| format!("Some({x})"))
}

/// The disagreements a statement is a side of, as bits of their positions in
/// `DISAGREEMENTS` (so the engine finds them without comparing ids for every finding).
fn disagreement_mask(k: &Knowledge, statement: &str) -> u16 {
    assert!(
        k.disagreements.len() <= 16,
        "at most 16 disagreements (Statement::disagreements is a u16 of bits)"
    );
    k.disagreements
        .iter()
        .enumerate()
        .filter(|(_, d)| d.sides.iter().any(|s| s == statement))
        .fold(0, |m, (i, _)| m | 1 << i)
}

/// The Rust source of the static tables (included by src/knowledge/mod.rs) and the texts.
pub fn codegen(k: &Knowledge) -> Generated {
    let mut o = String::new();
    let blobs = Blobs::default();
    let cites = Cites {
        sources: &k.sources,
        pages: Default::default(),
    };
    let w = &mut o;
    writeln!(w, "// Generated by build.rs from data/. Do not edit.").ok();
    writeln!(
        w,
        "/// Sources, one static each.\npub mod src {{\n    use super::*;"
    )
    .ok();
    for s in &k.sources {
        writeln!(
            w,
            "    /// {}\n    pub static {}: Source = Source {{ id: {}, publisher: {}, title: {}, title_descriptive: {}, date: {}, month_only: {}, url: {}, origin: {}, quoted_in: {}, pages: {} }};",
            s.id,
            const_name(&s.id),
            lit(&s.id),
            lit(&s.publisher),
            lit(&s.title),
            s.title_descriptive,
            date_expr(&s.date),
            s.date_precision.as_deref() == Some("month"),
            opt(&s.url),
            origin_expr(Some(&s.origin)),
            opt(&s.quoted_in),
            opt(&s.pages),
        )
        .ok();
    }
    writeln!(w, "}}").ok();
    let names: Vec<String> = k
        .sources
        .iter()
        .map(|s| format!("&src::{}", const_name(&s.id)))
        .collect();
    writeln!(
        w,
        "/// The whole catalogue, in file order.\npub static SOURCES: &[&Source] = &[{}];",
        names.join(", ")
    )
    .ok();

    writeln!(
        w,
        "/// Statements, one static each.\npub mod st {{\n    use super::*;"
    )
    .ok();
    for (_, s) in &k.statements {
        let sev = match s.severity.as_str() {
            "warning" => "Severity::Warning",
            "caution" => "Severity::Caution",
            _ => "Severity::Info",
        };
        writeln!(
            w,
            "    /// {}\n    pub static {}: Statement = Statement {{ id: {}, severity: {}, origin: {}, cites: {}, text: {}, disagreements: {:#x} }};",
            s.id,
            const_name(&s.id),
            lit(&s.id),
            sev,
            origin_expr(s.origin.as_deref()),
            cites.expr(&s.sources),
            blobs.add([&s.en, &s.fr, &s.de, &s.ru]),
            disagreement_mask(k, &s.id),
        )
        .ok();
    }
    writeln!(w, "}}").ok();
    let names: Vec<String> = k
        .statements
        .iter()
        .map(|(_, s)| format!("&st::{}", const_name(&s.id)))
        .collect();
    writeln!(
        w,
        "/// Every statement.\npub static STATEMENTS: &[&Statement] = &[{}];",
        names.join(", ")
    )
    .ok();

    // The page's interface texts (data/texts/ui.toml, ids "ui.…") are checked above but not
    // compiled in: the page loads them itself (scripts/ui-texts.mjs writes dist/ui.<lang>.json).
    let engine_texts: Vec<&Text> = k
        .texts
        .iter()
        .filter(|t| !t.id.starts_with("ui."))
        .collect();
    writeln!(
        w,
        "/// Texts without sources (summaries, labels).\npub mod tx {{\n    use super::*;"
    )
    .ok();
    for t in &engine_texts {
        writeln!(
            w,
            "    /// {}\n    pub static {}: Text = Text {{ text: {} }};",
            t.id,
            const_name(&t.id),
            blobs.add([&t.en, &t.fr, &t.de, &t.ru])
        )
        .ok();
    }
    writeln!(w, "}}").ok();
    let names: Vec<String> = engine_texts
        .iter()
        .map(|t| format!("&tx::{}", const_name(&t.id)))
        .collect();
    writeln!(
        w,
        "/// Every text.\npub static TEXTS: &[&Text] = &[{}];",
        names.join(", ")
    )
    .ok();
    // The ids apart from the texts: nothing in a result shows a text's id, so the wasm
    // module, which never looks a text up by id, leaves them out.
    let ids: Vec<String> = engine_texts.iter().map(|t| lit(&t.id)).collect();
    writeln!(
        w,
        "/// The id of each of `TEXTS`, in the same order.\npub static TEXT_IDS: &[&str] = &[{}];",
        ids.join(", ")
    )
    .ok();

    writeln!(
        w,
        "/// Dated legal values.\npub mod val {{\n    use super::*;"
    )
    .ok();
    for v in &k.values.value {
        let unit = match v.unit.as_str() {
            "years" => "Unit::Years",
            "rub" => "Unit::Rub",
            "months" => "Unit::Months",
            "hours" => "Unit::Hours",
            "month-day" => "Unit::MonthDay",
            "count" => "Unit::Count",
            _ => "Unit::Days",
        };
        let steps: Vec<String> = v
            .step
            .iter()
            .map(|s| {
                format!(
                    "Step {{ from: {}, month_only: {}, min: {}, max: {}, cites: {}, derived: {} }}",
                    date_expr(&s.from),
                    s.from_precision.as_deref() == Some("month"),
                    opt_i64(s.min),
                    opt_i64(s.max),
                    cites.expr(&s.sources),
                    opt(&s.derived)
                )
            })
            .collect();
        writeln!(
            w,
            "    /// {}\n    pub static {}: Value = Value {{ id: {}, unit: {}, steps: &[{}] }};",
            v.id,
            const_name(&v.id),
            lit(&v.id),
            unit,
            steps.join(", ")
        )
        .ok();
    }
    writeln!(w, "}}").ok();
    let names: Vec<String> = k
        .values
        .value
        .iter()
        .map(|v| format!("&val::{}", const_name(&v.id)))
        .collect();
    writeln!(
        w,
        "/// Every value.\npub static VALUES: &[&Value] = &[{}];",
        names.join(", ")
    )
    .ok();

    for r in &k.values.rate {
        writeln!(
            w,
            "/// Default rate for {}.\npub static RATE_{}: Rate = Rate {{ rub_per: {:?}, date: {}, month_only: {}, cites: {} }};",
            r.currency,
            r.currency,
            r.rub_per,
            date_expr(&r.date),
            r.date_precision.as_deref() == Some("month"),
            cites.expr(&r.sources)
        )
        .ok();
    }
    let prices: Vec<String> = k
        .values
        .price
        .iter()
        .map(|p| {
            format!(
                "Price {{ id: {}, statement: &st::{}, min: {}, max: {}, cites: {} }}",
                lit(&p.id),
                const_name(&p.statement),
                p.min,
                p.max,
                cites.expr(&p.sources)
            )
        })
        .collect();
    writeln!(
        w,
        "/// Black-market prices.\npub static PRICES: &[Price] = &[{}];",
        prices.join(", ")
    )
    .ok();

    let dis: Vec<String> = k
        .disagreements
        .iter()
        .map(|d| {
            let sides: Vec<String> = d
                .sides
                .iter()
                .map(|s| format!("&st::{}", const_name(s)))
                .collect();
            format!(
                "Disagreement {{ id: {}, sides: &[{}], text: {} }}",
                lit(&d.id),
                sides.join(", "),
                blobs.add([&d.en, &d.fr, &d.de, &d.ru])
            )
        })
        .collect();
    writeln!(
        w,
        "/// Where sources differ.\npub static DISAGREEMENTS: &[Disagreement] = &[{}];",
        dis.join(", ")
    )
    .ok();

    let terms: Vec<(String, String)> = k
        .glossary
        .iter()
        .map(|t| (lit(&t.id), blobs.add([&t.en, &t.fr, &t.de, &t.ru])))
        .collect();
    // Each language's file also carries the glossary's English terms (knowledge() gives
    // them beside the language's own), so that one file is all a language needs. The English
    // file has them already: there the extra entries are empty and `Term::english` reads
    // `text`.
    let terms: Vec<String> = terms
        .into_iter()
        .zip(&k.glossary)
        .map(|((id, text), t)| {
            format!(
                "Term {{ id: {id}, text: {text}, en: {} }}",
                blobs.add(["", &t.en, &t.en, &t.en])
            )
        })
        .collect();
    writeln!(
        w,
        "/// The glossary.\npub static GLOSSARY: &[Term] = &[{}];",
        terms.join(", ")
    )
    .ok();

    writeln!(
        w,
        "/// About the knowledge base.\npub static META: Meta = Meta {{ version: {}, report_date: {}, report_source: &src::{}, current_to: {}, modelled_from: {}, stale_after_days: {} }};",
        lit(&k.meta.version),
        date_expr(&k.meta.report_date),
        const_name(&k.meta.report_source),
        date_expr(&k.meta.current_to),
        date_expr(&k.meta.modelled_from),
        k.meta.stale_after_days
    )
    .ok();
    let pages: Vec<String> = cites.pages.into_inner().iter().map(|p| lit(p)).collect();
    writeln!(
        w,
        "/// The pages cited, each once (a `Cite` holds its position + 1).\npub static PAGES: &[&str] = &[{}];",
        pages.join(", ")
    )
    .ok();
    let files: Vec<String> = k.files_read.iter().map(|f| lit(f)).collect();
    writeln!(w, "/// The data files compiled in (relative to data/).\npub static EMBEDDED_FILES: &[&str] = &[{}];", files.join(", ")).ok();
    let lists = blobs.into_lists();
    let fingerprint = texts_fingerprint(&lists);
    writeln!(
        w,
        "/// Number of texts in each language's file.\npub const TEXT_COUNT: usize = {};",
        lists[0].len()
    )
    .ok();
    writeln!(
        w,
        "/// The texts files this module accepts (their header holds the same number).\npub const TEXTS_FINGERPRINT: u64 = {fingerprint:#x};"
    )
    .ok();
    let texts = LANGS
        .iter()
        .zip(&lists)
        .map(|(lang, list)| (*lang, encode_texts(lang, list, fingerprint)))
        .collect();
    Generated { rust: o, texts }
}
