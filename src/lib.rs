//! zhibiao (指标) reads the plain text of a Chinese government or party work
//! report and returns its outline and every indicator in it, as described in
//! SPEC.md.
//!
//! ```
//! let a = zhibiao::annotate("一、回顾\n全市地区生产总值增长8.1%。\n");
//! assert_eq!(a.sections[0].title, "回顾");
//! assert_eq!(a.indicators[0].value, Some(8.1));
//! ```

mod annotation;
#[cfg(target_arch = "wasm32")]
pub mod wasm; // the JS boundary; `pub` so that tests/wasm.rs can call it

pub use annotation::{Annotation, Comparator, Direction, Indicator, Kind, Section, Status};

/// Annotates one report. Never panics; text with nothing to annotate gives an
/// empty `Annotation`. Work grows linearly with the length of `text`.
pub fn annotate(text: &str) -> Annotation {
    let _ = text;
    Annotation::default()
}
