//! The README's error index lists every diagnostic code the checker can print, with its
//! severity and meaning as the code registry has them.

use chayici::ingest::codes;

#[test]
fn readme_error_index_matches_the_code_registry() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let table = codes::markdown_table();
    for row in table.lines().skip(2) {
        assert!(readme.contains(row), "README lacks the row: {row}");
    }
}
