//! `MatrixVersion::from_str` on arbitrary text.
//!
//! Besides not panicking: a parsed version is one this crate knows, displays as its canonical
//! string, and that string parses to the same version; an error keeps the input it refused.

#![no_main]

use libfuzzer_sys::fuzz_target;
use matrix_api::MatrixVersion;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match text.parse::<MatrixVersion>() {
        Ok(version) => {
            assert!(MatrixVersion::ALL.contains(&version));
            let shown = version.to_string();
            assert_eq!(shown, version.as_str());
            assert_eq!(shown.parse::<MatrixVersion>(), Ok(version));
            assert_eq!(
                MatrixVersion::from_minor(version.minor().into()),
                Some(version)
            );
            // Only the two shapes the specification uses read as a version.
            assert!(
                text.starts_with("v1.") || text.starts_with("r0."),
                "{text:?}"
            );
            if text.starts_with("v1.") && version != MatrixVersion::LATEST {
                assert_eq!(shown, text, "a known version reads only from its own name");
            }
        }
        Err(err) => {
            assert_eq!(err.input(), text);
            assert!(err.to_string().contains("is not a Matrix version"));
        }
    }
});
