//! Serializer methods shared by the serializers that write text (a path segment's, a query's):
//! each takes a few kinds of value, sees through `Some` and newtypes the same way, and refuses
//! the rest with the same words for what a refused value is.

/// `serialize_some` and `serialize_newtype_struct`, writing the value inside as this
/// serializer writes it.
macro_rules! see_through {
    () => {
        #[inline]
        fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Self::Error> {
            value.serialize(self)
        }
        #[inline]
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<Self::Ok, Self::Error> {
            value.serialize(self)
        }
    };
}

/// Serializer methods that refuse, each saying what its value is: `$error` is called with the
/// serializer and that description (`"a list"`, ``"the struct `Name`"``), and makes the error.
macro_rules! refuse {
    ($error:expr; $($kind:ident),* $(,)?) => {
        $($crate::text_ser::refuse_one!($kind, $error);)*
    };
}

/// One kind of [`refuse!`].
macro_rules! refuse_one {
    (bool, $error:expr) => {
        fn serialize_bool(self, _: bool) -> Result<Self::Ok, Self::Error> {
            Err($error(self, "a boolean"))
        }
    };
    (numbers, $error:expr) => {
        $crate::text_ser::refuse_one!(@numbers $error;
            serialize_i8 i8, serialize_i16 i16, serialize_i32 i32, serialize_i64 i64,
            serialize_i128 i128, serialize_u8 u8, serialize_u16 u16, serialize_u32 u32,
            serialize_u64 u64, serialize_u128 u128, serialize_f32 f32, serialize_f64 f64);
    };
    (@numbers $error:expr; $($method:ident $ty:ty),*) => {$(
        fn $method(self, _: $ty) -> Result<Self::Ok, Self::Error> {
            Err($error(self, "a number"))
        }
    )*};
    (char, $error:expr) => {
        fn serialize_char(self, _: char) -> Result<Self::Ok, Self::Error> {
            Err($error(self, "a character"))
        }
    };
    (str, $error:expr) => {
        fn serialize_str(self, _: &str) -> Result<Self::Ok, Self::Error> {
            Err($error(self, "a string"))
        }
    };
    (bytes, $error:expr) => {
        fn serialize_bytes(self, _: &[u8]) -> Result<Self::Ok, Self::Error> {
            Err($error(self, "bytes"))
        }
    };
    (unit, $error:expr) => {
        fn serialize_unit(self) -> Result<Self::Ok, Self::Error> {
            Err($error(self, "`()`"))
        }
    };
    (unit_struct, $error:expr) => {
        fn serialize_unit_struct(self, name: &'static str) -> Result<Self::Ok, Self::Error> {
            Err($error(self, &format!("the unit struct `{name}`")))
        }
    };
    (unit_variant, $error:expr) => {
        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
        ) -> Result<Self::Ok, Self::Error> {
            Err($error(self, &format!("the variant `{variant}`")))
        }
    };
    (newtype_variant, $error:expr) => {
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            _: &T,
        ) -> Result<Self::Ok, Self::Error> {
            Err($error(self, &format!("the variant `{variant}` with a value")))
        }
    };
    (seq, $error:expr) => {
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
            Err($error(self, "a list"))
        }
    };
    (tuple, $error:expr) => {
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
            Err($error(self, "a tuple"))
        }
    };
    (tuple_struct, $error:expr) => {
        fn serialize_tuple_struct(
            self,
            name: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, Self::Error> {
            Err($error(self, &format!("the tuple struct `{name}`")))
        }
    };
    (tuple_variant, $error:expr) => {
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Self::Error> {
            Err($error(self, &format!("the variant `{variant}` with values")))
        }
    };
    (map, $error:expr) => {
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
            Err($error(self, "a map"))
        }
    };
    (struct, $error:expr) => {
        fn serialize_struct(
            self,
            name: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStruct, Self::Error> {
            Err($error(self, &format!("the struct `{name}`")))
        }
    };
    (struct_variant, $error:expr) => {
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Self::Error> {
            Err($error(self, &format!("the variant `{variant}` with fields")))
        }
    };
}

pub(crate) use {refuse, refuse_one, see_through};
