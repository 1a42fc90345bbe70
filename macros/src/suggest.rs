//! "Did you mean" suggestions for misspelt keys and names.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let input = input.to_ascii_lowercase();
    candidates
        .iter()
        .map(|candidate| {
            (
                edit_distance(&input, &candidate.to_ascii_lowercase()),
                *candidate,
            )
        })
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// A hint sentence for an error message: ` (did you mean `x`?)`, or nothing.
pub fn hint(input: &str, candidates: &[&str]) -> String {
    closest(input, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// A hint for a name written in the wrong case (`; write it in capitals: `GET``), or else
/// [`hint`]'s.
pub fn capitals_or_hint(input: &str, candidates: &[&str]) -> String {
    let upper = input.to_ascii_uppercase();
    if candidates.contains(&upper.as_str()) {
        format!("; write it in capitals: `{upper}`")
    } else {
        hint(input, candidates)
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            let substitution = previous + usize::from(ca != *cb);
            row[j + 1] = substitution.min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let keys = [
            "method",
            "rate_limited",
            "authentication",
            "history",
            "path",
        ];
        assert_eq!(closest("methd", &keys), Some("method"));
        assert_eq!(closest("ratelimited", &keys), Some("rate_limited"));
        assert_eq!(closest("auth", &keys), None);
        assert_eq!(closest("colour", &keys), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
