//! Files: reading issues and layouts with precise errors, writing them atomically.

use ron::extensions::Extensions;

/// The RON dialect pasteup reads: `Some(..)` may be left out around optional values, and an
/// item is written `Article(id: ..)` rather than `Article((id: ..))`.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn dialect() {
        let g: Grid = ron_options()
            .from_str("Grid(columns: 8, column_width: 13, gutter: 1, depth: 100, kinsoku: None)")
            .unwrap();
        assert_eq!(g.kinsoku, Kinsoku::None);
        let i: Item = ron_options()
            .from_str(r#"Photo(id: "a", caption: "c", credit: Some("x"), file: None, span: 2, height: 18)"#)
            .unwrap();
        let Item::Photo(p) = i else { panic!() };
        assert_eq!((p.height, p.credit.as_deref()), (Some(18), Some("x")));
        let i: Item = ron_options().from_str(r#"Photo(id: "a", caption: "c", height: Some(18))"#).unwrap();
        let Item::Photo(p) = i else { panic!() };
        assert_eq!(p.height, Some(18));
        let e = ron_options().from_str::<Item>(r#"Photo(id: "a", caption: "c", hight: 3)"#).unwrap_err();
        eprintln!("{e}");
        let l: Language = ron_options().from_str(r#""ja""#).unwrap();
        assert_eq!(l, Language::Ja);
    }
}
