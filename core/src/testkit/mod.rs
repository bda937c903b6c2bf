//! What the tests and benches share, built only with the `testkit` feature: the proptest
//! [`strategies`] that draw paragraphs, articles and kinsoku settings.

pub mod strategies;
