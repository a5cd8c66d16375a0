//! An annotation as W3C Web Annotations (the Web Annotation Data Model,
//! JSON-LD): one `Annotation` per indicator in an `AnnotationCollection`,
//! so that annotation tools (Hypothesis, Recogito and others that read the
//! model) can import what zhibiao found.
//!
//! Each annotation targets the figure with two selectors: a
//! `TextQuoteSelector` (`exact`, the figure as written, with up to
//! [`AFFIX_CHARS`] characters of `prefix` and `suffix`) and a
//! `TextPositionSelector` (`start`, `end`). The model counts positions in
//! characters; here a character is a Unicode code point, not a UTF-16 unit
//! as in SPEC.md (they differ only after a character outside the Basic
//! Multilingual Plane). Its bodies are `TextualBody`s: a line a person
//! reads (`describing`, `text/plain`), the status (`classifying`), and the
//! indicator's SPEC.md fields as JSON (`describing`, `application/json`),
//! so nothing of the indicator is lost.
//!
//! Identifiers are `urn:uuid:` IRIs made from a hash of the text, so the
//! same text gives the same identifiers on every run and in every tool, and
//! the text itself is the annotations' `source` unless the caller names it
//! (`source`: the file's URL, or the page the report was copied from).

use serde::Serialize;

use crate::{Annotation, Indicator};

/// Characters of text kept before and after the figure in a
/// `TextQuoteSelector` (as Hypothesis keeps).
pub const AFFIX_CHARS: usize = 32;

/// The JSON-LD context of the Web Annotation Data Model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// `AnnotationCollection` with every annotation on its first page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collection {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label: String,
    pub total: usize,
    pub generator: Generator,
    pub first: Page,
}

/// The software that made the annotations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Generator {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
}

/// `AnnotationPage`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(rename = "startIndex")]
    pub start_index: usize,
    pub items: Vec<WebAnnotation>,
}

/// One `Annotation`: an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WebAnnotation {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub motivation: &'static str,
    pub body: Vec<Body>,
    pub target: Target,
}

/// `TextualBody`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Body {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
    pub format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
    pub value: String,
}

/// `SpecificResource`: the source with its selectors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub source: String,
    pub selector: (QuoteSelector, PositionSelector),
}

/// `TextQuoteSelector`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteSelector {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// `TextPositionSelector`, in code points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionSelector {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
}

/// `annotation` of `text` as Web Annotations. `source` is the IRI of the
/// text (a file's `file:` URL, a web page's address); `None` names it by
/// a `urn:uuid:` made from its content. An indicator whose span does not
/// fall on the text (an annotation of another text) is left out.
pub fn web_annotations(text: &str, annotation: &Annotation, source: Option<&str>) -> Collection {
    let digest = fnv128(text.as_bytes());
    let doc_id = uuid(digest, 0);
    let source = source.map_or_else(|| doc_id.clone(), str::to_string);
    let mut cursor = Cursor::new(text);
    let items: Vec<WebAnnotation> = annotation.indicators.iter().filter_map(|i| item(text, &mut cursor, i, digest, &source)).collect();
    let id = uuid(digest, 1);
    Collection {
        context: CONTEXT,
        label: format!("zhibiao: {} indicators", items.len()),
        total: items.len(),
        generator: Generator { kind: "Software", name: format!("zhibiao {}", env!("CARGO_PKG_VERSION")) },
        first: Page { id: format!("{id}#page-1"), kind: "AnnotationPage", start_index: 0, items },
        id,
        kind: "AnnotationCollection",
    }
}

/// `web_annotations` as JSON: indented by two spaces with `pretty`, and a
/// line end after it.
pub fn web_annotations_json(text: &str, annotation: &Annotation, source: Option<&str>, pretty: bool) -> String {
    let c = web_annotations(text, annotation, source);
    let mut s = if pretty { serde_json::to_string_pretty(&c) } else { serde_json::to_string(&c) }.expect("a collection serialises");
    s.push('\n');
    s
}

fn item(text: &str, cursor: &mut Cursor, i: &Indicator, digest: u128, source: &str) -> Option<WebAnnotation> {
    let (a, ca) = cursor.seek(i.start)?;
    let (b, cb) = cursor.seek(i.end)?;
    if a >= b {
        return None;
    }
    // walked back from the figure: counting from the start of the text
    // made the export quadratic
    let mut prefix: Vec<char> = text[..a].chars().rev().take(AFFIX_CHARS).collect();
    prefix.reverse();
    let prefix: String = prefix.into_iter().collect();
    let suffix: String = text[b..].chars().take(AFFIX_CHARS).collect();
    let metric = i.metric.as_deref().unwrap_or("");
    let summary = [metric, &i.value_text, i.status.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ");
    Some(WebAnnotation {
        id: uuid(digest, 2 + i.id as u128),
        kind: "Annotation",
        motivation: "describing",
        body: vec![
            Body { kind: "TextualBody", purpose: "describing", format: "text/plain", language: Some("zh"), value: summary },
            Body { kind: "TextualBody", purpose: "classifying", format: "text/plain", language: None, value: i.status.as_str().to_string() },
            Body { kind: "TextualBody", purpose: "describing", format: "application/json", language: None, value: indicator_json(i) },
        ],
        target: Target {
            source: source.to_string(),
            selector: (
                QuoteSelector { kind: "TextQuoteSelector", exact: text[a..b].to_string(), prefix, suffix },
                PositionSelector { kind: "TextPositionSelector", start: ca, end: cb },
            ),
        },
    })
}

/// The indicator's SPEC.md fields as one JSON object, in SPEC.md's order.
/// Written here rather than by serde_json, which the wasm build does not
/// carry (nor the English glossary: 33 KiB of the gzipped .wasm).
fn indicator_json(i: &Indicator) -> String {
    enum J<'a> {
        Null,
        Num(f64),
        Int(i64),
        Str(&'a str),
    }
    let num = |v: Option<f64>| v.filter(|v| v.is_finite()).map_or(J::Null, J::Num);
    let int = |v: Option<usize>| v.map_or(J::Null, |v| J::Int(v as i64));
    fn text(v: Option<&str>) -> J<'_> {
        v.map_or(J::Null, J::Str)
    }
    let fields = [
        ("id", int(Some(i.id))),
        ("start", int(Some(i.start))),
        ("end", int(Some(i.end))),
        ("value_text", J::Str(&i.value_text)),
        ("value", num(i.value)),
        ("value_max", num(i.value_max)),
        ("unit", text(i.unit.as_deref())),
        ("kind", J::Str(i.kind.as_str())),
        ("direction", text(i.direction.map(|d| d.as_str()))),
        ("comparator", J::Str(i.comparator.as_str())),
        ("status", J::Str(i.status.as_str())),
        ("horizon", J::Str(i.horizon.as_str())),
        ("metric", text(i.metric.as_deref())),
        ("metric_start", int(i.metric_start)),
        ("metric_end", int(i.metric_end)),
        ("year", i.year.map_or(J::Null, |y| J::Int(y.into()))),
        ("section", int(i.section)),
    ];
    let mut out = String::from("{");
    for (n, (name, value)) in fields.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        json_string(&mut out, name);
        out.push(':');
        match value {
            J::Null => out.push_str("null"),
            J::Num(v) => out.push_str(&super::format_number(*v)),
            J::Int(v) => out.push_str(&v.to_string()),
            J::Str(s) => json_string(&mut out, s),
        }
    }
    out.push('}');
    out
}

/// Appends `s` as a JSON string.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A walk along a text that gives the byte offset and code-point index of
/// a UTF-16 offset. Indicators come in document order, so the walk goes
/// forward once over the text; an offset behind it starts it again.
struct Cursor<'t> {
    text: &'t str,
    byte: usize,
    utf16: usize,
    code_point: usize,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Self {
        Cursor { text, byte: 0, utf16: 0, code_point: 0 }
    }

    /// (byte offset, code-point index) of UTF-16 offset `u`; None if it
    /// falls inside a character or past the end.
    fn seek(&mut self, u: usize) -> Option<(usize, usize)> {
        if u < self.utf16 {
            *self = Cursor::new(self.text);
        }
        while self.utf16 < u {
            let c = self.text[self.byte..].chars().next()?;
            self.byte += c.len_utf8();
            self.utf16 += c.len_utf16();
            self.code_point += 1;
        }
        (self.utf16 == u).then_some((self.byte, self.code_point))
    }
}

/// FNV-1a, 128 bits: a stable name for a text (not a security measure).
fn fnv128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    bytes.iter().fold(OFFSET, |h, &b| (h ^ b as u128).wrapping_mul(PRIME))
}

/// A `urn:uuid:` IRI (RFC 9562 version 8, vendor-specific) for the text
/// with digest `digest` and the thing numbered `n` in it.
fn uuid(digest: u128, n: u128) -> String {
    let mut h = fnv128(&(digest ^ n.wrapping_mul(0x9E3779B97F4A7C15F39CC0605CEDC835)).to_le_bytes());
    h = (h & !(0xF << 76)) | (0x8 << 76); // version 8
    h = (h & !(0x3 << 62)) | (0x2 << 62); // variant 10
    let x = format!("{h:032x}");
    format!("urn:uuid:{}-{}-{}-{}-{}", &x[..8], &x[8..12], &x[12..16], &x[16..20], &x[20..])
}
