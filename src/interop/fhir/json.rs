//! A compact JSON writer for serde, for [`Bundle::to_json`](super::Bundle::to_json):
//! the same bytes as `serde_json::to_string` (numbers, and strings that need an
//! escape, are written by serde_json itself), but strings that need none (ids, URLs,
//! codes, most texts) are found by a branch-free scan over 16-byte chunks and copied
//! as they are. It writes whatever the serde model of the bundle says: there is no
//! second description of the bundle here. `tests/fhir.rs` checks the bytes against
//! serde_json.

use std::fmt::{self, Display, Write as _};

use serde::ser::{self, Impossible, Serialize};

/// What went wrong while writing (a map key that is not a string, or a byte array;
/// the bundle has neither).
#[derive(Debug)]
pub(super) struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The name of the newtype that marks a string as needing no JSON escape (ids,
/// references, narratives whose builder checked them): the writer copies it without
/// looking for one. serde_json, like any other serializer, ignores the name and writes
/// the string as usual, so the bytes are the same.
pub(super) const NO_ESCAPE: &str = "$ketamine_therapy::interop::fhir::NoEscape";

/// Appends `value` as compact JSON.
pub(super) fn write<T: Serialize + ?Sized>(out: &mut String, value: &T) -> Result<(), Error> {
    value.serialize(&mut Json {
        out,
        clean_keys: [(0, 0); 64],
        scratch: Vec::new(),
        no_escape: false,
    })
}

/// Whether a JSON string of `bytes` needs an escape (a quote, a backslash or a
/// control character): eight bytes at a time, with the classic SWAR tests for a zero
/// byte and for a byte below a bound.
pub(super) fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    // Below 0x20 (x - 0x20.. borrows into the high bit of a byte < 0x20, for bytes
    // < 0x80), or equal to a quote or a backslash.
    let found = |x: u64| {
        (x.wrapping_sub(ONES * 0x20) & !x & HIGH)
            | zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            != 0
    };
    // Words read straight from the slice (an overlapping last word for the tail):
    // copying a short tail into a buffer first stalls the wide load that follows.
    let word = |i: usize| {
        bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let n = bytes.len();
    if n < 8 {
        return bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
    }
    let mut i = 0;
    while i + 8 <= n {
        if found(word(i)) {
            return true;
        }
        i += 8;
    }
    i < n && found(word(n - 8))
}

struct Json<'o> {
    out: &'o mut String,
    /// The field names (static strings, by address and length) already found to need
    /// no escape: a struct's keys are written thousands of times, from a few dozen
    /// names.
    clean_keys: [(usize, usize); 64],
    /// Where numbers are formatted.
    scratch: Vec<u8>,
    /// Set while writing the string inside a [`NO_ESCAPE`] newtype.
    no_escape: bool,
}

impl Json<'_> {
    fn str(&mut self, s: &str) -> Result<(), Error> {
        if !std::mem::take(&mut self.no_escape) && needs_escape(s.as_bytes()) {
            let escaped = serde_json::to_string(s).map_err(ser::Error::custom)?;
            self.out.push_str(&escaped);
        } else {
            self.out.reserve(s.len() + 2);
            self.out.push('"');
            self.out.push_str(s);
            self.out.push('"');
        }
        Ok(())
    }

    /// `"key":` for a struct field name.
    fn key(&mut self, key: &'static str) -> Result<(), Error> {
        let id = (key.as_ptr() as usize, key.len());
        let slot = (id.0 >> 3) & 63;
        if self.clean_keys.get(slot) == Some(&id) {
            self.out.reserve(key.len() + 3);
            self.out.push('"');
            self.out.push_str(key);
            self.out.push_str("\":");
            return Ok(());
        }
        self.str(key)?;
        self.out.push(':');
        if !needs_escape(key.as_bytes()) {
            if let Some(cached) = self.clean_keys.get_mut(slot) {
                *cached = id;
            }
        }
        Ok(())
    }

    /// Writes a number (or anything else) exactly as serde_json does, through a
    /// reused buffer.
    fn via_serde_json<T: Serialize>(&mut self, v: T) -> Result<(), Error> {
        self.scratch.clear();
        serde_json::to_writer(&mut self.scratch, &v).map_err(ser::Error::custom)?;
        let json = std::str::from_utf8(&self.scratch).map_err(ser::Error::custom)?;
        self.out.push_str(json);
        Ok(())
    }
}

macro_rules! numbers {
    ($($method:ident($ty:ty)),+ $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<(), Error> {
            self.via_serde_json(v)
        }
    )+};
}

impl<'a, 'o> ser::Serializer for &'a mut Json<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    numbers!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bool(bool),
        serialize_char(char),
    );

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.str(v)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error(String::from("byte arrays are not written")))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.no_escape = name == NO_ESCAPE;
        let written = v.serialize(&mut *self);
        self.no_escape = false;
        written
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.out.push('{');
        self.str(variant)?;
        self.out.push(':');
        v.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
        self.out.push('[');
        Ok(Compound {
            json: self,
            first: true,
            close: "]",
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        self.out.push('{');
        self.str(variant)?;
        self.out.push_str(":[");
        Ok(Compound {
            json: self,
            first: true,
            close: "]}",
        })
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
        self.out.push('{');
        Ok(Compound {
            json: self,
            first: true,
            close: "}",
        })
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        self.out.push('{');
        self.str(variant)?;
        self.out.push_str(":{");
        Ok(Compound {
            json: self,
            first: true,
            close: "}}",
        })
    }

    fn collect_str<T: Display + ?Sized>(self, v: &T) -> Result<(), Error> {
        // Formatted straight into the output; escaped afterwards in the rare case
        // that the text needs it.
        let start = self.out.len();
        self.out.push('"');
        let _ = write!(self.out, "{v}");
        let written = self.out.as_bytes().get(start + 1..).unwrap_or_default();
        if needs_escape(written) {
            let text = self.out.split_off(start + 1);
            self.out.truncate(start);
            return self.str(&text);
        }
        self.out.push('"');
        Ok(())
    }
}

/// An array or object being written.
pub(super) struct Compound<'a, 'o> {
    json: &'a mut Json<'o>,
    first: bool,
    close: &'static str,
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.json.out.push(',');
        }
        self.first = false;
    }

    fn end(self) -> Result<(), Error> {
        self.json.out.push_str(self.close);
        Ok(())
    }

    fn entry<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.comma();
        self.json.key(key)?;
        value.serialize(&mut *self.json)
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.comma();
        v.serialize(&mut *self.json)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        key.serialize(KeySerializer(&mut *self.json))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.json.out.push(':');
        v.serialize(&mut *self.json)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.entry(key, v)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.entry(key, v)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// Map keys: strings only (every key of the bundle is one).
struct KeySerializer<'a, 'o>(&'a mut Json<'o>);

macro_rules! not_a_key {
    ($($method:ident($($arg:ty),*)),+ $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), Error> {
            Err(Error(String::from("a map key must be a string")))
        }
    )+};
}

impl ser::Serializer for KeySerializer<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.str(v)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.str(variant)
    }

    not_a_key!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(Error(String::from("a map key must be a string")))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(Error(String::from("a map key must be a string")))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Error(String::from("a map key must be a string")))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Error(String::from("a map key must be a string")))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Error(String::from("a map key must be a string")))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error(String::from("a map key must be a string")))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error(String::from("a map key must be a string")))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(Error(String::from("a map key must be a string")))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error(String::from("a map key must be a string")))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn needs_escape_finds_every_byte_that_needs_one() {
        for b in 0u8..=255 {
            let want = b < 0x20 || b == b'"' || b == b'\\';
            for len in 1..=20 {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(
                        super::needs_escape(&bytes),
                        want,
                        "byte {b:#x} at {at} of {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_no_escape_string_is_copied_and_serde_json_writes_it_the_same() {
        struct Marked(&'static str);
        impl serde::Serialize for Marked {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_newtype_struct(super::NO_ESCAPE, self.0)
            }
        }
        let mut out = String::new();
        super::write(&mut out, &[Marked("Citation/cit-LI-2010"), Marked("x")]).unwrap();
        assert_eq!(out, r#"["Citation/cit-LI-2010","x"]"#);
        assert_eq!(
            out,
            serde_json::to_string(&[Marked("Citation/cit-LI-2010"), Marked("x")]).unwrap()
        );
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let value = json!({
            "a": [1, -2, 2.5, 1e-7, true, null, "plain", "quote \" back \\ tab \t", "é 漢"],
            "b": {"c": {}, "d": []},
        });
        let mut out = String::new();
        super::write(&mut out, &value).unwrap();
        assert_eq!(out, serde_json::to_string(&value).unwrap());
    }
}
