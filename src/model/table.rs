//! The record table behind each identity enum.
//!
//! The loader stores one record per variant in a fixed-size array, filled in the order
//! of `ALL`; `pick` borrows the slot of a variant by its discriminant, with a fallback
//! that cannot be taken, so a getter such as
//! [`KnowledgeBase::route`](crate::KnowledgeBase::route) never panics. A compile-time
//! check proves that `ALL` lists the variants in declaration order, so the slot the
//! loader fills is the slot `pick` reads.

macro_rules! record_table {
    ($enum:ident { $($variant:ident => $id:literal),+ $(,)? }) => {
        impl $enum {
            /// The stable snake-case id of the variant, as written in `data/` files.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use ketamine_therapy::", stringify!($enum), ";")]
            #[doc = concat!("for v in ", stringify!($enum), "::ALL {")]
            #[doc = concat!("    assert_eq!(v.id().parse::<", stringify!($enum), ">().ok(), Some(v));")]
            #[doc = "}"]
            /// ```
            pub const fn id(self) -> &'static str {
                match self {
                    $($enum::$variant => $id,)+
                }
            }

            /// Every variant, in declaration order.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use ketamine_therapy::", stringify!($enum), ";")]
            #[doc = concat!("assert_eq!(", stringify!($enum), "::ALL.len(), <", stringify!($enum), " as strum::EnumCount>::COUNT);")]
            /// ```
            pub const ALL: [$enum; <$enum as strum::EnumCount>::COUNT] =
                [$($enum::$variant),+];

            /// The slot of `self` in a table filled in the order of [`Self::ALL`].
            pub(crate) fn pick<T>(self, table: &[T; <$enum as strum::EnumCount>::COUNT]) -> &T {
                // `self as usize` is always in range, so the optimiser removes the
                // `None` arm: this is one multiply and one load, with no branch.
                let [first, ..] = table;
                table.get(self as usize).unwrap_or(first)
            }
        }

        // `pick` indexes by discriminant, so `ALL` (the order the loader fills the
        // table in) must be the declaration order; checked at compile time.
        const _: () = {
            let mut expected = 0usize;
            $(
                assert!($enum::$variant as usize == expected, "record_table! lists the variants out of declaration order");
                expected += 1;
            )+
            let _ = expected;
        };
    };
}

pub(crate) use record_table;
