//! Enums of strings from a set the specification lets grow (memberships, visibilities, receipt
//! types, …): each known value is a variant, and any other value is kept verbatim so that a
//! message from a newer server re-serialises unchanged.
//!
//! The value a variant does not name is held by a hidden variant with a private type, as Ruma
//! does, so that matching on it is impossible: a value that a later version of this crate
//! names moves to its own variant without breaking anyone's `match`. Code reads it with
//! `as_str()`.

/// A string this crate has no variant for, kept as it came. Its field is private: see the
/// module documentation.
#[doc(hidden)]
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownValue(Box<str>);

impl UnknownValue {
    /// For the enums `string_enum!` declares in the crates of the endpoint groups, and no other
    /// code.
    #[doc(hidden)]
    pub fn new(value: Box<str>) -> Self {
        UnknownValue(value)
    }

    /// The value, as it came.
    #[doc(hidden)]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Declares an open string enum:
///
/// ```text
/// string_enum! {
///     /// A room's visibility in the directory.
///     pub enum Visibility {
///         /// Listed.
///         Public => "public",
///         /// Not listed.
///         Private => "private",
///     }
/// }
/// ```
///
/// The enum gets `as_str`, `From<&str>`, `From<String>`, `Display`, `Debug` (the string),
/// `AsRef<str>`, and serde as a JSON string; it is `#[non_exhaustive]`.
#[macro_export]
#[doc(hidden)]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident => $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
            #[doc(hidden)]
            _Unknown($crate::string_enum::UnknownValue),
        }

        impl $name {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )+
                    Self::_Unknown(value) => value.as_str(),
                }
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $value => Self::$variant, )+
                    _ => Self::_Unknown($crate::string_enum::UnknownValue::new(value.into())),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    $( $value => Self::$variant, )+
                    _ => Self::_Unknown($crate::string_enum::UnknownValue::new(value.into())),
                }
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(self.as_str(), f)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = $crate::string_enum::deserialize_string(deserializer)?;
                Ok(match value {
                    ::std::borrow::Cow::Borrowed(value) => Self::from(value),
                    ::std::borrow::Cow::Owned(value) => Self::from(value),
                })
            }
        }
    };
}

pub use crate::string_enum;

/// Reads a string, borrowed when the input allows: one reader for every string enum.
pub fn deserialize_string<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<std::borrow::Cow<'de, str>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = std::borrow::Cow<'de, str>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Self::Value, E> {
            Ok(std::borrow::Cow::Borrowed(value))
        }

        fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
            Ok(std::borrow::Cow::Owned(value.to_owned()))
        }

        fn visit_string<E>(self, value: String) -> Result<Self::Value, E> {
            Ok(std::borrow::Cow::Owned(value))
        }
    }
    deserializer.deserialize_str(Visitor)
}

#[cfg(test)]
mod tests {
    string_enum! {
        /// A test enum.
        pub enum Colour {
            /// Red.
            Red => "red",
            /// A namespaced value.
            Blue => "org.example.blue",
        }
    }

    #[test]
    fn known_values_are_variants_and_others_are_kept() {
        assert_eq!(Colour::from("red"), Colour::Red);
        assert_eq!(Colour::from("org.example.blue".to_owned()), Colour::Blue);
        let green = Colour::from("green");
        assert_eq!(green.as_str(), "green");
        assert_ne!(green, Colour::Red);
        assert_eq!(format!("{green} {green:?}"), "green \"green\"");
    }

    #[test]
    fn serde_is_the_string() {
        let values: Vec<Colour> =
            serde_json::from_str(r#"["red","org.example.blue","x"]"#).unwrap();
        assert_eq!(values[..2], [Colour::Red, Colour::Blue]);
        assert_eq!(
            serde_json::to_string(&values).unwrap(),
            r#"["red","org.example.blue","x"]"#
        );
        let err = serde_json::from_str::<Colour>("1").unwrap_err();
        assert!(err.to_string().contains("a string"), "{err}");
        // Through the query string too, where strings are not borrowed from JSON.
        let query: std::collections::BTreeMap<String, Colour> =
            serde_html_form::from_str("a=red&b=x%20y").unwrap();
        assert_eq!(query["a"], Colour::Red);
        assert_eq!(query["b"].as_str(), "x y");
    }
}
