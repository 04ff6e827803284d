//! The knowledge base's invariants, checked on the real data/ and shown to fail on broken
//! copies of it: a statement that cites nothing or an unknown source, a missing language,
//! overlapping or unordered dated values, a gap on the quarterly grid, an amount that is
//! not a whole number, a file nobody reads. (build.rs runs the same checks, so broken data
//! does not even compile; these tests prove the checks themselves work.)
#![allow(
    dead_code,
    missing_docs,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[path = "../src/knowledge/schema.rs"]
mod schema;

use std::path::{Path, PathBuf};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A throwaway copy of data/ with one file edited.
fn broken(file: &str, edit: impl FnOnce(String) -> String) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!(
        "cc-data-{}-{}",
        std::process::id(),
        file.replace('/', "_") + &format!("{:?}", std::time::SystemTime::now())
    ));
    for f in schema::all_files(&data()) {
        let to = dir.join(&f);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(data().join(&f), to).unwrap();
    }
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, edit(text)).unwrap();
    let result = schema::load(&dir);
    std::fs::remove_dir_all(&dir).ok();
    result.err().unwrap_or_default()
}

fn assert_fails(problems: &[String], needle: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected a problem containing {needle:?}, got {problems:#?}"
    );
}

#[test]
fn the_real_data_passes_every_check() {
    let k = schema::load(&data()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(
        k.statements.len() > 100,
        "only {} statements",
        k.statements.len()
    );
    assert!(k.sources.len() >= 20);
}

#[test]
fn every_file_in_data_is_embedded() {
    let k = schema::load(&data()).unwrap();
    for f in schema::all_files(&data()) {
        assert!(
            k.files_read.contains(&f) || schema::DOC_FILES.contains(&f.as_str()),
            "{f} is not read by the build"
        );
    }
    assert_eq!(
        conscription_check::knowledge::EMBEDDED_FILES,
        k.files_read
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        "the compiled tables are stale"
    );
    assert_fails(
        &broken("statements/stray.toml", |_| "[[statement]]\n".into()),
        "statements/stray.toml",
    );
    assert_fails(
        &broken("notes.txt", |_| "hello".into()),
        "notes.txt: not read by the build",
    );
}

#[test]
fn a_statement_must_cite_a_known_source() {
    assert_fails(
        &broken("statements/age.toml", |t| {
            t.replacen("sources = [", "sources = [{ id = \"nobody-2020\" }, ", 1)
        }),
        "cites unknown source 'nobody-2020'",
    );
    let problems = broken("statements/age.toml", |t| {
        let start = t.find("sources = [").unwrap();
        let end = start + t[start..].find(']').unwrap() + 1;
        format!("{}sources = []{}", &t[..start], &t[end..])
    });
    assert_fails(&problems, "cites no source");
}

#[test]
fn every_language_must_be_present() {
    assert_fails(
        &broken("statements/age.toml", |t| {
            let start = t.find("\nde = ").unwrap();
            let end = start + 1 + t[start + 1..].find('\n').unwrap();
            format!("{}\nde = \"\"{}", &t[..start], &t[end..])
        }),
        "the de text is missing or empty",
    );
    assert_fails(
        &broken("statements/age.toml", |t| {
            let start = t.find("\nru = ").unwrap();
            let end = start + 1 + t[start + 1..].find('\n').unwrap();
            format!("{}{}", &t[..start], &t[end..])
        }),
        "missing field `ru`",
    );
}

#[test]
fn placeholders_must_match_across_languages() {
    assert_fails(
        &broken("texts/labels.toml", |t| {
            t.replacen("{months} months", "{monts} months", 1)
        }),
        "placeholders",
    );
}

#[test]
fn dated_values_must_not_overlap_and_must_cover_the_grid() {
    assert_fails(
        &broken("values.toml", |t| {
            t.replacen("from = \"2024-01-01\"", "from = \"2021-06-01\"", 1)
        }),
        "overlap",
    );
    assert_fails(
        &broken("values.toml", |t| {
            t.replacen("from = \"2022-01-01\"", "from = \"2023-01-01\"", 1)
        }),
        "no step in force on 2022-01-01",
    );
}

#[test]
fn amounts_must_be_whole_numbers() {
    assert_fails(
        &broken("values.toml", |t| {
            t.replacen("min = 10000", "min = 10000.5", 1)
        }),
        "invalid type: floating point",
    );
}

#[test]
fn unknown_fields_are_rejected() {
    assert_fails(
        &broken("sources.toml", |t| {
            t.replacen("publisher =", "publsher = \"x\"\npublisher =", 1)
        }),
        "unknown field `publsher`",
    );
}

#[test]
fn disagreements_point_at_statements() {
    assert_fails(
        &broken("disagreements.toml", |t| {
            t.replacen("sides = [", "sides = [\"no.such-statement\", ", 1)
        }),
        "side 'no.such-statement' is not a statement",
    );
}

#[test]
fn coverage_table_maps_every_row_to_known_ids() {
    let k = schema::load(&data()).unwrap();
    let text = std::fs::read_to_string(data().join("COVERAGE.md")).expect("data/COVERAGE.md");
    let known: std::collections::BTreeSet<&str> = k
        .statements
        .iter()
        .map(|(_, s)| s.id.as_str())
        .chain(k.values.value.iter().map(|v| v.id.as_str()))
        .chain(k.disagreements.iter().map(|d| d.id.as_str()))
        .chain(k.values.price.iter().map(|p| p.id.as_str()))
        .collect();
    let mut rows = 0;
    for line in text
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("| ---") && !l.starts_with("|---"))
    {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(ids) = cells.iter().rev().find(|c| !c.is_empty()) else {
            continue;
        };
        if ids.eq_ignore_ascii_case("ids") || ids.eq_ignore_ascii_case("data ids") {
            continue;
        }
        rows += 1;
        let listed: Vec<&str> = ids
            .split([',', ' '])
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        assert!(!listed.is_empty(), "unmapped row: {line}");
        for id in listed {
            assert!(
                known.contains(id),
                "COVERAGE.md names unknown id {id:?} in: {line}"
            );
        }
    }
    assert!(rows >= 30, "COVERAGE.md maps only {rows} statements");
}

#[test]
fn every_statement_can_be_shown() {
    // A statement no rule refers to (directly, as a disagreement's side, or as a price) is
    // knowledge nobody ever sees.
    let k = schema::load(&data()).unwrap();
    let mut rules = String::new();
    for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"))
        .unwrap()
        .flatten()
    {
        rules.push_str(&std::fs::read_to_string(e.path()).unwrap());
    }
    let sides: Vec<&str> = k
        .disagreements
        .iter()
        .flat_map(|d| d.sides.iter().map(String::as_str))
        .collect();
    let prices: Vec<&str> = k
        .values
        .price
        .iter()
        .map(|p| p.statement.as_str())
        .collect();
    let unused: Vec<&str> = k
        .statements
        .iter()
        .map(|(_, s)| s.id.as_str())
        .filter(|id| {
            let c = format!("st::{}", schema::const_name(id));
            let used = rules.match_indices(&c).any(|(i, _)| {
                !rules[i + c.len()..]
                    .starts_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '_')
            });
            !used && !sides.contains(id) && !prices.contains(id)
        })
        .collect();
    assert!(unused.is_empty(), "statements no rule shows: {unused:?}");
}

/// Average words per sentence of a set of texts (a sentence ends with . ! ? or …).
fn average_sentence_words(texts: &[&str]) -> f64 {
    let mut sentences = 0usize;
    let mut words = 0usize;
    for t in texts {
        let mut current = 0usize;
        for w in t.split_whitespace() {
            current += 1;
            if w.ends_with(['.', '!', '?', '…']) {
                sentences += 1;
                words += current;
                current = 0;
            }
        }
        if current > 0 {
            sentences += 1;
            words += current;
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let avg = words as f64 / sentences.max(1) as f64;
    avg
}

#[test]
fn summaries_average_at_most_20_words_a_sentence_in_every_language() {
    let k = schema::load(&data()).unwrap();
    let summaries: Vec<&schema::Text> = k
        .texts
        .iter()
        .filter(|t| t.id.starts_with("summary."))
        .collect();
    assert!(summaries.len() >= 18, "{} summaries", summaries.len());
    for (lang, pick) in [
        (
            "en",
            (|t: &schema::Text| t.en.as_str()) as fn(&schema::Text) -> &str,
        ),
        ("fr", |t| t.fr.as_str()),
        ("de", |t| t.de.as_str()),
        ("ru", |t| t.ru.as_str()),
    ] {
        let texts: Vec<&str> = summaries.iter().map(|t| pick(t)).collect();
        let avg = average_sentence_words(&texts);
        assert!(
            avg <= 20.0,
            "summaries in {lang}: {avg:.1} words a sentence on average"
        );
    }
    // The measure itself: one long sentence is long, two short ones are short.
    assert!(average_sentence_words(&["one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one."]) > 20.0);
    assert!(average_sentence_words(&["One two three. Four five six."]) < 4.0);
}

#[test]
fn every_status_word_has_a_definition() {
    let k = schema::load(&data()).unwrap();
    let ids: Vec<&str> = k.texts.iter().map(|t| t.id.as_str()).collect();
    let words: Vec<&str> = ids
        .iter()
        .filter_map(|id| id.strip_prefix("ui.st."))
        .collect();
    assert!(words.len() >= 25, "{} status words", words.len());
    let missing: Vec<&&str> = words
        .iter()
        .filter(|w| !ids.contains(&format!("ui.def.{w}").as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "status words without a definition: {missing:?}"
    );
}

#[test]
fn later_knowledge_is_dated_and_marked() {
    // No source may be dated after the latest date the knowledge covers.
    assert_fails(
        &broken("meta.toml", |t| {
            t.replace("current_to = \"2026-03-05\"", "current_to = \"2026-03-01\"")
        }),
        "after meta.current_to",
    );
    // A finding marked as coming from a later source must cite one.
    assert_fails(
        &broken("statements/later.toml", |t| {
            t.replacen(
                "sources = [{ id = \"consultantplus-412fz-digest\" }, { id = \"consultant-53fz-art25\" }]",
                "sources = [{ id = \"consultant-53fz-art25\" }]",
                1,
            )
        }),
        "origin is later but it cites no source of origin later",
    );
    // A month-day value must be a real day of the year (MMDD).
    assert_fails(
        &broken("values.toml", |t| t.replacen("max = 715", "max = 1345", 1)),
        "is not a month-day",
    );
    assert_fails(
        &broken("sources.toml", |t| {
            t.replacen("origin = \"later\"", "origin = \"latter\"", 1)
        }),
        "origin must be report, article, beyond-seed or later",
    );
}

#[test]
fn every_status_has_an_at_a_glance_sentence_without_article_numbers() {
    // Issue 13: "at a glance" restates each section's status in one plain sentence,
    // ui.glance.<section>.<status> (penalties: ui.glance.penalties.<exposure>).
    let k = schema::load(&data()).unwrap();
    let ids: Vec<&str> = k.texts.iter().map(|t| t.id.as_str()).collect();
    let mut wanted = Vec::new();
    for id in &ids {
        for section in [
            "deferral",
            "restrictions",
            "return-risk",
            "deployment",
            "payment",
        ] {
            if let Some(status) = id.strip_prefix(&format!("ui.st.{section}.")) {
                wanted.push(format!("ui.glance.{section}.{status}"));
            }
        }
        if let Some(status) = id.strip_prefix("ui.st.exposure.") {
            wanted.push(format!("ui.glance.penalties.{status}"));
        }
    }
    assert!(wanted.len() >= 24, "{} statuses", wanted.len());
    let missing: Vec<&String> = wanted
        .iter()
        .filter(|w| !ids.contains(&w.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "statuses without a glance sentence: {missing:?}"
    );
    for t in k.texts.iter().filter(|t| wanted.contains(&t.id)) {
        for s in [&t.en, &t.fr, &t.de, &t.ru] {
            assert!(
                !s.chars().any(|c| c.is_ascii_digit()),
                "{}: no article number (no digits) in \"{s}\"",
                t.id
            );
            assert!(
                s.split_whitespace().count() <= 16,
                "{}: at most 16 words in \"{s}\"",
                t.id
            );
        }
    }
}
