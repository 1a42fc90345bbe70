//! The query reader against serde_html_form, the reader it replaces: the same values and the
//! same errors for queries built from the pieces that make either differ.

use std::collections::BTreeMap;

use js_int::UInt;
use proptest::prelude::*;
use ruma_common::{MilliSecondsSinceUnixEpoch, OwnedServerName};
use serde::Deserialize;

use super::*;

#[derive(Debug, PartialEq, Deserialize)]
enum Dir {
    #[serde(rename = "b")]
    Backward,
    #[serde(rename = "f")]
    Forward,
    Nested(String),
}

/// One field of each kind the endpoints' query types have, all optional.
#[derive(Debug, PartialEq, Deserialize)]
struct Optional {
    s: Option<String>,
    n: Option<u64>,
    i: Option<i32>,
    u: Option<UInt>,
    b: Option<bool>,
    #[serde(default)]
    flag: bool,
    #[serde(default)]
    list: Vec<String>,
    dir: Option<Dir>,
    f: Option<f64>,
    server: Option<OwnedServerName>,
    ts: Option<MilliSecondsSinceUnixEpoch>,
    c: Option<char>,
    lists: Option<Vec<UInt>>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Required {
    s: String,
    u: UInt,
    b: bool,
    dir: Dir,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Flattened {
    s: Option<String>,
    #[serde(flatten)]
    rest: BTreeMap<String, String>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Newtype(BTreeMap<String, Vec<String>>);

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Strict {
    s: Option<String>,
}

/// Both readers' results, errors as their messages.
fn both<T: DeserializeOwned>(query: &str) -> (Result<T, String>, Result<T, String>) {
    let ours = from_query::<T>(query).map_err(|err| err.to_string());
    let theirs = serde_html_form::from_str::<T>(query).map_err(|err| err.to_string());
    (ours, theirs)
}

fn assert_same<T: DeserializeOwned + std::fmt::Debug>(query: &str) {
    let (ours, theirs) = both::<T>(query);
    // Compared as printed, where a NaN equals a NaN.
    assert_eq!(
        format!("{ours:?}"),
        format!("{theirs:?}"),
        "{query:?} into {}",
        std::any::type_name::<T>()
    );
}

fn assert_same_for_all(query: &str) {
    assert_same::<Optional>(query);
    assert_same::<Required>(query);
    assert_same::<Flattened>(query);
    assert_same::<Newtype>(query);
    assert_same::<Strict>(query);
    assert_same::<BTreeMap<String, String>>(query);
    assert_same::<Vec<(String, String)>>(query);
    assert_same::<()>(query);
}

const NAMES: &[&str] = &[
    "s", "n", "i", "u", "b", "flag", "list", "dir", "f", "server", "ts", "c", "lists", "x", "",
    "l%69st", "s+", "%73",
];

const VALUES: &[&str] = &[
    "",
    "1",
    "-1",
    "abc",
    "true",
    "on",
    "false",
    "f",
    "b",
    "Nested",
    "1.5",
    "example.org",
    "%41",
    "%zz",
    "%FF",
    "a+b",
    "%2B",
    "18446744073709551616",
    "9007199254740992",
    "NaN",
    "é",
    "x=y",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0..NAMES.len(), 0..VALUES.len())
            .prop_map(|(name, value)| format!("{}={}", NAMES[name], VALUES[value])),
        1 => (0..NAMES.len()).prop_map(|name| NAMES[name].to_owned()),
        1 => Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_same_values_and_errors_as_serde_html_form(
        pieces in proptest::collection::vec(piece(), 0..7)
    ) {
        assert_same_for_all(&pieces.join("&"));
    }
}

#[test]
fn the_cases_that_tell_readers_apart() {
    for query in [
        "",
        "&&",
        "s=",
        "n=&i=&u=&b=&f=&c=",
        "u=",
        "b=on&flag=on",
        "b=yes",
        "list=a&list=b&s=x&list=c",
        "s=a&s=b",
        "lists=1&lists=2",
        "lists=1",
        "lists=x&lists=1",
        "dir=b",
        "dir=Nested",
        "dir=sideways",
        "server=example.org&ts=1234",
        "server=not%20a%20server",
        "c=ab",
        "s=x&u=1&b=false&dir=f",
        "s=x&u=1&b=false",
        "s=x&u=1&b=false&dir=f&extra=1",
        "a=1&b=2&a=3",
        "s=a+b%2Bc&%73=t",
        "s=%FF%FE",
        "x=%zz",
    ] {
        assert_same_for_all(query);
    }
}

#[test]
fn distinct_plain_names_are_read_as_they_come() {
    fn streamed(query: &str) -> bool {
        matches!(Params::of(query).source, Source::Stream { .. })
    }
    assert!(streamed(""));
    assert!(streamed("from=t1&dir=b&limit=10&&filter=%7B%7D"));
    let eight: Vec<String> = (0..8).map(|i| format!("k{i}=v")).collect();
    assert!(streamed(&eight.join("&")));
    // Grouped: a name given twice, a name that may decode like another, more than eight.
    assert!(!streamed("dir=b&dir=f"));
    assert!(!streamed("dir=b&%64ir=f"));
    assert!(!streamed("a+b=1"));
    let nine: Vec<String> = (0..9).map(|i| format!("k{i}=v")).collect();
    assert!(!streamed(&nine.join("&")));
}

#[test]
fn hundreds_of_parameters_are_grouped_as_few_are() {
    let mut query: Vec<String> = (0..300).map(|i| format!("k{i}={i}")).collect();
    query.push("k7=again".to_owned());
    query.push("k250=again".to_owned());
    let query = query.join("&");
    assert_same::<BTreeMap<String, Vec<String>>>(&query);
    assert_same::<Vec<(String, String)>>(&query);
    let read: BTreeMap<String, Vec<String>> = from_query(&query).unwrap();
    assert_eq!(read["k7"], ["7", "again"]);
    assert_eq!(read["k250"], ["250", "again"]);
    assert_eq!(read["k299"], ["299"]);
}

#[test]
fn query_errors_name_the_parameter() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Query {
        from: String,
        limit: Option<u32>,
        dir: Option<String>,
        #[serde(default)]
        rooms: Vec<UInt>,
    }
    let parameter = |query: &str| match parse_query::<Query>(query) {
        Err(DeserializationError::Query { parameter, message }) => (parameter, message),
        other => panic!("{query}: {other:?}"),
    };
    // A required parameter before the failing one is not blamed.
    assert_eq!(parameter("from=x&limit=abc").0.as_deref(), Some("limit"));
    assert_eq!(
        parameter("limit=abc&from=x&dir=b").0.as_deref(),
        Some("limit")
    );
    assert_eq!(parameter("limit=5").0.as_deref(), Some("from"));
    assert_eq!(
        parameter("from=x&dir=b&dir=f"),
        (
            Some("dir".to_owned()),
            "given 2 times, but it takes one value".to_owned()
        )
    );
    // A parameter that may repeat keeps the message of the value that failed.
    assert_eq!(
        parameter("from=x&rooms=1&rooms=z"),
        (
            Some("rooms".to_owned()),
            "invalid digit found in string".to_owned()
        )
    );
    assert!(parse_query::<Query>("from=x&limit=7&other=1").is_ok());

    // An error no value makes: found by reading again without each parameter.
    let err = parse_query::<Strict>("s=1&other=2").unwrap_err();
    assert!(
        matches!(&err, DeserializationError::Query { parameter: Some(name), message }
            if name == "other" && message.starts_with("unknown field `other`")),
        "{err:?}"
    );
}
