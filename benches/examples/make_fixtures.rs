//! Writes the JSON fixtures of the bigger rows to `benches/fixtures/`, from the deterministic
//! generator in `matrix_api_benches::fixtures` (whose docs say how they are made).
//!
//! Usage: `cargo run --release --example make_fixtures`. The files are committed; running this
//! again writes the same bytes.

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    std::fs::create_dir_all(dir).unwrap();
    for (name, bytes) in matrix_api_benches::fixtures::all() {
        let path = format!("{dir}/{name}");
        std::fs::write(&path, &bytes).unwrap();
        println!("{path}: {} bytes", bytes.len());
    }
}
