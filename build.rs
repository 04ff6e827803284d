//! Reads data/ (the knowledge base), checks it, and writes the static tables the library
//! compiles in. A broken data set stops the build with every problem listed.
#![allow(
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "src/knowledge/schema.rs"]
mod schema;

use std::path::Path;

fn main() {
    let dir = Path::new("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/knowledge/schema.rs");
    for f in schema::all_files(dir) {
        println!("cargo:rerun-if-changed=data/{f}");
    }
    let k = match schema::load(dir) {
        Ok(k) => k,
        Err(problems) => {
            for p in &problems {
                println!("cargo:warning=data: {p}");
            }
            panic!(
                "the knowledge base in data/ has {} problem(s):\n  {}",
                problems.len(),
                problems.join("\n  ")
            );
        }
    };
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let generated = schema::codegen(&k);
    std::fs::write(Path::new(&out).join("knowledge_data.rs"), generated.rust)
        .expect("write knowledge_data.rs");
    // One file of texts per language: the `embedded-texts` feature compiles them in (native
    // tests, benches); without it (the npm package's wasm) they are files of their own that
    // the JavaScript entry hands to the module (scripts/finish-pkg.mjs copies them to
    // pkg/texts/).
    let texts = Path::new(&out).join("texts");
    std::fs::create_dir_all(&texts).expect("create OUT_DIR/texts");
    for (lang, bytes) in &generated.texts {
        std::fs::write(texts.join(format!("{lang}.bin")), bytes).expect("write a texts file");
    }
}
