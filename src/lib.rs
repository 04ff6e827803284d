//! # conscription-check
//!
//! Where a young Russian man stands with the military call-up — deferral, penalties,
//! restrictions, return risk, deployment risk, and why paying for a deferral is illegal —
//! with every statement cited to its source, in English, French, German and Russian.
//!
//! The knowledge comes from the Swiss Refugee Council's report *Russie : insoumission*
//! (10 October 2025) and the sources it quotes, a Deutsche Welle article on the occupied
//! Ukrainian territories, and a few later or background facts; it lives in `data/` and is
//! compiled in. The core is pure: the date is an argument, nothing is read from the clock
//! or the network. The wasm module (`src/wasm.rs`) exposes it to JavaScript.
//!
//! ```
//! use conscription_check::{assess_json, Lang};
//!
//! let case = r#"{"birthDate": "2003-05-20", "studies": {"current": "university",
//!     "fullTime": true, "afterTechnicalCollege": false, "changedSubject": false},
//!     "health": {"fitness": "a"}, "summonses": []}"#;
//! let options = r#"{"lang": "de", "asOf": "2025-11-01"}"#;
//! let json = assess_json(case, options, None).unwrap();
//! let v: serde_json::Value = serde_json::from_str(&json).unwrap();
//! assert_eq!(v["deferral"]["status"], "likely");
//! assert_eq!(v["lang"], "de");
//! # let _ = Lang::De;
//! ```
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod date;
pub mod input;
pub mod knowledge;
pub mod model;
pub mod rules;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use date::Date;
pub use model::{AssessError, Assessment, CaseInput, Issue, Lang, Options, RubPer};

use knowledge::{RATE_CHF, RATE_EUR};
use model::*;
use rules::Ctx;
use serde::Serialize;
use serde_json::Value;

/// The package version that produced a result.
pub const ENGINE: &str = concat!("conscription-check ", env!("CARGO_PKG_VERSION"));

/// The rates the sources use, in roubles per franc and per euro.
pub fn default_rates() -> RubPer {
    RubPer {
        chf: RATE_CHF.rub_per,
        eur: RATE_EUR.rub_per,
    }
}

/// Assesses a case (already read) for the options.
///
/// # Errors
/// `asOf` before the first day the knowledge base models (2022-01-01), a date in the case
/// after `asOf`, a language whose texts are not loaded (only without `embedded-texts`).
pub fn assess(case: &CaseInput, opts: &Options) -> Result<Assessment, AssessError> {
    language_loaded(opts.lang)?;
    check_dates(case, opts.as_of)?;
    let mut ctx = Ctx::new(case, opts);
    let (age, age_facts) = rules::age::assess(&mut ctx);
    let deferral = rules::deferral::assess(&mut ctx, age_facts);
    let reads = rules::summonses::read_all(&mut ctx);
    let (penalties, restrictions, pen_facts) =
        rules::penalties::assess(&mut ctx, age_facts, reads.as_deref());
    let payment = rules::payment::assess(&mut ctx);
    let return_risk = rules::return_risk::assess(&mut ctx, age_facts, pen_facts);
    let deployment = rules::deployment::assess(&mut ctx, age_facts);
    let warnings = rules::warnings::assess(&mut ctx);
    let missing_facts = ctx.into_missing();

    let mut a = Assessment {
        as_of: opts.as_of.to_string(),
        lang: opts.lang.code(),
        age,
        deferral,
        penalties,
        restrictions,
        payment,
        return_risk,
        deployment,
        missing_facts,
        warnings,
        disagreements: Vec::new(),
        sources: Vec::new(),
        knowledge: KnowledgeRef {
            version: knowledge::META.version,
            report_date: knowledge::META.report_date.to_string(),
            current_to: knowledge::META.current_to.to_string(),
        },
        engine: ENGINE,
        finding_index: None,
    };
    collect_sources_and_disagreements(&mut a, opts.lang, opts.as_of);
    Ok(a)
}

/// Refuses a language whose texts are not loaded (issue 15: the npm package's wasm loads them
/// per language), rather than answer with empty texts or in another language.
fn language_loaded(lang: Lang) -> Result<(), AssessError> {
    if knowledge::texts::is_loaded(lang) {
        return Ok(());
    }
    Err(AssessError::one(
        "options.lang",
        "language-not-loaded",
        format!(
            "the texts of \"{}\" are not loaded; call loadLanguage(\"{}\") first",
            lang.code(),
            lang.code()
        ),
    ))
}

fn check_dates(case: &CaseInput, as_of: Date) -> Result<(), AssessError> {
    let first = knowledge::META.modelled_from;
    if as_of < first {
        return Err(AssessError::one(
            "options.asOf",
            "out-of-range",
            format!("the knowledge base models the law from {first}; asOf {as_of} is earlier"),
        ));
    }
    let mut issues = Vec::new();
    let mut later_campaigns = Vec::new();
    let mut after = |path: String, d: Option<Date>| {
        if let Some(d) = d {
            if d > as_of {
                issues.push(Issue {
                    path,
                    code: "after-as-of",
                    message: format!("{d} is after asOf ({as_of})"),
                    suggestion: None,
                });
            }
        }
    };
    after("birthDate".into(), case.birth_date);
    if let Some(y) = case.birth_year.filter(|y| *y > as_of.year()) {
        after("birthYear".into(), Date::new(y, 1, 1));
    }
    for (i, s) in case.summonses.iter().flatten().enumerate() {
        after(format!("summonses[{i}].date"), s.date);
        // A campaign of a later year than asOf's cannot have happened yet.
        let year = s.campaign.map(|c| match c {
            Campaign::Half { year, .. } | Campaign::Year(year) => year,
        });
        if let Some(y) = year.filter(|y| *y > as_of.year()) {
            later_campaigns.push(Issue {
                path: format!("summonses[{i}].campaign"),
                code: "after-as-of",
                message: format!("the {y} call-up is after asOf ({as_of})"),
                suggestion: None,
            });
        }
    }
    after(
        "abroad.since".into(),
        case.abroad.as_ref().and_then(|a| a.since),
    );
    after(
        "citizenship.since".into(),
        case.citizenship.as_ref().and_then(|c| c.since),
    );
    after(
        "service.start".into(),
        case.service.as_ref().and_then(|s| s.start),
    );
    issues.extend(later_campaigns);
    if issues.is_empty() {
        Ok(())
    } else {
        Err(AssessError { issues })
    }
}

fn collect_sources_and_disagreements(a: &mut Assessment, lang: Lang, as_of: Date) {
    let mut ids: Vec<&'static str> = Vec::new();
    let mut push = |id: &'static str| {
        if !ids.contains(&id) {
            ids.push(id);
        }
    };
    let mut finding_ids: Vec<&'static str> = Vec::new();
    let mut visit = |fs: &[Finding], push: &mut dyn FnMut(&'static str)| {
        for f in fs {
            finding_ids.push(f.id);
            for c in &f.sources {
                push(c.id);
            }
        }
    };
    visit(&a.age.findings, &mut push);
    visit(&a.deferral.findings, &mut push);
    for p in &a.penalties {
        visit(&p.findings, &mut push);
    }
    visit(&a.restrictions.findings, &mut push);
    visit(&a.payment.findings, &mut push);
    for p in &a.payment.prices {
        for c in &p.sources {
            push(c.id);
        }
    }
    visit(&a.return_risk.findings, &mut push);
    visit(&a.deployment.findings, &mut push);
    visit(&a.warnings, &mut push);
    a.sources = ids
        .iter()
        .filter_map(|id| knowledge::source(id))
        .map(source_out)
        .collect();
    a.disagreements = knowledge::DISAGREEMENTS
        .iter()
        .filter(|d| {
            rules::disagreement_known(d, as_of)
                && d.sides.iter().any(|s| finding_ids.contains(&s.id))
        })
        .map(|d| DisagreementOut {
            id: d.id,
            text: d.text.get(lang).to_string(),
            sides: d.sides.iter().map(|s| s.id).collect(),
        })
        .collect();
}

fn source_out(s: &'static knowledge::Source) -> SourceOut {
    SourceOut {
        id: s.id,
        publisher: s.publisher,
        title: s.title,
        date: s.date.to_string(),
        date_precision: if s.month_only { "month" } else { "day" },
        url: s.url,
        origin: s.origin.as_str(),
        quoted_in: s.quoted_in,
    }
}

/// Reads JSON text into a value (a problem there is one `invalid-json` issue at `path`).
///
/// # Errors
/// Text that is not JSON, a number outside the `f64` range, nesting deeper than 127.
pub fn parse_json(text: &str, path: &str) -> Result<Value, AssessError> {
    serde_json::from_str(text)
        .map_err(|e| AssessError::one(path, "invalid-json", format!("not valid JSON: {e}")))
}

/// A value as JSON text (an `internal` issue if serde_json refuses it, which the output
/// types, with finite numbers and string keys only, never give it cause to).
///
/// # Errors
/// Only a serde_json failure.
pub fn to_json<T: Serialize + ?Sized>(v: &T) -> Result<String, AssessError> {
    serde_json::to_string(v)
        .map_err(|e| AssessError::one("", "internal", format!("cannot write the result: {e}")))
}

/// The whole pipeline on JSON text: reads the case and options, assesses, writes JSON.
/// `today` is the default `asOf` (the wasm module passes the browser's date; natively an
/// absent `asOf` is an error, since the core never reads the clock).
///
/// # Errors
/// Every invalid value, with its JSON path.
pub fn assess_json(case: &str, options: &str, today: Option<Date>) -> Result<String, AssessError> {
    let (a, output) = assess_text(case, options, today)?;
    match output {
        Output::Full => to_json(&a),
        Output::Compact => to_json(&a.compact()),
    }
}

/// [`assess_json`] written in the compact form whatever `output` says: what the wasm module
/// hands the package's entry, which expands it (the same JSON as in full, with less to write,
/// copy and parse; see [`model::CompactAssessment`]).
///
/// # Errors
/// As [`assess_json`].
pub fn assess_json_compact(
    case: &str,
    options: &str,
    today: Option<Date>,
) -> Result<String, AssessError> {
    to_json(&assess_text(case, options, today)?.0.compact())
}

fn assess_text(
    case: &str,
    options: &str,
    today: Option<Date>,
) -> Result<(Assessment, Output), AssessError> {
    let case_v = parse_json(case, "")?;
    let opts_v = if options.trim().is_empty() {
        Value::Null
    } else {
        parse_json(options, "options")?
    };
    let (case, raw) = match (input::parse_case(&case_v), input::parse_options(&opts_v)) {
        (Ok(c), Ok(o)) => (c, o),
        (c, o) => {
            let mut issues = Vec::new();
            if let Err(e) = c {
                issues.extend(e.issues);
            }
            if let Err(e) = o {
                issues.extend(e.issues);
            }
            return Err(AssessError { issues });
        }
    };
    let as_of = raw.as_of.or(today).ok_or_else(|| {
        AssessError::one(
            "options.asOf",
            "missing-field",
            "asOf is required outside the browser",
        )
    })?;
    let d = default_rates();
    let opts = Options {
        lang: raw.lang.unwrap_or(Lang::En),
        as_of,
        rub_per: RubPer {
            chf: raw.chf.unwrap_or(d.chf),
            eur: raw.eur.unwrap_or(d.eur),
        },
    };
    Ok((assess(&case, &opts)?, raw.output.unwrap_or(Output::Full)))
}

/// Converts roubles to `currency` ("RUB", "CHF" or "EUR") at the given or default rates,
/// rounded to a whole unit.
///
/// ```
/// use conscription_check::convert;
/// assert_eq!(convert(10_000.0, "CHF", None, None), Ok(102));
/// assert_eq!(convert(30_000.0, "EUR", None, None), Ok(277));
/// assert_eq!(convert(30_000.0, "EUR", None, Some(100.0)), Ok(300));
/// assert!(convert(1.0, "USD", None, None).is_err());
/// ```
///
/// # Errors
/// An unknown currency, an amount that is not a finite number of at most 10^15, a rate
/// that is not positive.
pub fn convert(
    amount_rub: f64,
    currency: &str,
    chf: Option<f64>,
    eur: Option<f64>,
) -> Result<i64, AssessError> {
    if !amount_rub.is_finite() || amount_rub.abs() > 1e15 {
        return Err(AssessError::one(
            "amountRub",
            "invalid-amount",
            "expected a finite number of roubles",
        ));
    }
    for (path, r) in [("options.rubPer.CHF", chf), ("options.rubPer.EUR", eur)] {
        if let Some(r) = r {
            if !(input::MIN_RATE..input::MAX_RATE).contains(&r) {
                return Err(AssessError::one(
                    path,
                    "invalid-rate",
                    "expected a positive number of roubles",
                ));
            }
        }
    }
    let d = default_rates();
    let rate = match currency {
        "RUB" => 1.0,
        "CHF" => chf.unwrap_or(d.chf),
        "EUR" => eur.unwrap_or(d.eur),
        other => {
            return Err(AssessError::one(
                "currency",
                "invalid-value",
                format!(
                    "\"{}\" is not one of \"RUB\", \"CHF\", \"EUR\"",
                    other.chars().take(20).collect::<String>()
                ),
            ))
        }
    };
    #[allow(clippy::cast_possible_truncation)]
    let v = (amount_rub / rate).round() as i64;
    Ok(v)
}

/// The source catalogue as JSON: every source, as `knowledge().sources` lists them, in any
/// language (no texts needed). The package's entry expands a compact result's source ids
/// with it.
///
/// # Errors
/// Only a serde_json failure.
pub fn sources_json() -> Result<String, AssessError> {
    let all: Vec<SourceOut> = knowledge::SOURCES.iter().map(|s| source_out(s)).collect();
    to_json(&all)
}

/// Knowledge info (API `KnowledgeInfo`) as JSON: version, report date, languages, default
/// rates with their dates, the source catalogue, and the glossary in `lang`.
///
/// # Errors
/// A language whose texts are not loaded (only without `embedded-texts`).
pub fn knowledge_json(lang: Lang) -> Result<String, AssessError> {
    language_loaded(lang)?;
    let info = KnowledgeInfo {
        version: knowledge::META.version,
        report_date: knowledge::META.report_date.to_string(),
        current_to: knowledge::META.current_to.to_string(),
        // The first day the knowledge is flagged as old (the staleness warning's rule), and
        // the first day of year-round conscription (the page's campaign choices follow it).
        stale_from: knowledge::META
            .current_to
            .add_days(knowledge::META.stale_after_days + 1)
            .map(|d| d.to_string()),
        year_round_from: knowledge::val::CALLUP_CAMPAIGNS_PER_YEAR
            .steps
            .iter()
            .find(|s| s.max == Some(1))
            .map(|s| s.from.to_string()),
        modelled_from: knowledge::META.modelled_from.to_string(),
        languages: Lang::ALL.map(Lang::code),
        rub_per: DefaultRates {
            chf: RATE_CHF.rub_per,
            eur: RATE_EUR.rub_per,
            chf_date: RATE_CHF.date.to_string(),
            eur_date: RATE_EUR.date.to_string(),
        },
        sources: knowledge::SOURCES.iter().map(|s| source_out(s)).collect(),
        glossary: knowledge::GLOSSARY
            .iter()
            .map(|t| Term {
                id: t.id,
                term: t.text.get(lang),
                en: t.english(lang),
            })
            .collect(),
        lang: lang.code(),
    };
    to_json(&info)
}
