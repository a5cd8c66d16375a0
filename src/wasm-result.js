// wasm-result.js: builds the plain JS object that the wasm `annotate`
// returns (SPEC.md's JSON) from the packed form src/wasm.rs hands over.
//
// wasm-bindgen imports it (`module = "/src/wasm-result.js"`) and copies it
// into the package as pkg/snippets/zhibiao-HASH/src/wasm-result.js. Why it
// exists: setting the ~17 fields of 2000 objects one call at a time from
// wasm (serde-wasm-bindgen) costs several ms; here one call gets everything
// and V8 builds objects of one shape from literals.
//
// The packed form (pack in src/wasm.rs writes it; the two must agree):
//   ints     Int32Array view over wasm memory, read front to back:
//              sections count, indicators count, names count,
//              one UTF-16 length per name,
//              per section:   id, level, parent, start, end, marker length, title length
//              per indicator: id, start, end, value_text length, unit, kind,
//                             direction, comparator, status, horizon,
//                             metric length, metric_start, metric_end, section
//            -1 is null; unit, kind, direction, comparator, status and
//            horizon are indices into the names.
//   floats   Float64Array view: per indicator value, value_max, year; NaN is null.
//   strings  Uint16Array view: every string of the result in UTF-16, joined
//            in the order read: the names, then each section's marker and
//            title, then each indicator's value_text and metric (a null one
//            takes no room).
//
// The views are only read during this call: nothing here keeps them or calls
// back into wasm.

// ignoreBOM: a U+FEFF at the start is a character of the first string, not
// a byte order mark to drop.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Builds `{ sections, indicators, layout }` from the packed form (see
 * above); `layout` comes as the object it is (a few numbers and spans). */
export function buildAnnotation(ints, floats, utf16Strings, layout) {
  const strings = utf16.decode(utf16Strings);
  let at = 0;
  let cut = 0;
  const next = () => ints[at++];
  const take = (length) => (length < 0 ? null : strings.slice(cut, (cut += length)));
  const orNull = (n) => (n < 0 ? null : n);
  const finite = (x) => (Number.isFinite(x) ? x : null);

  const sectionCount = next();
  const indicatorCount = next();
  const names = new Array(next());
  for (let k = 0; k < names.length; k++) names[k] = take(next());
  const name = (code) => (code < 0 ? null : names[code]);

  const sections = [];
  for (let k = 0; k < sectionCount; k++) {
    const id = next();
    const level = next();
    const parent = orNull(next());
    const start = next();
    const end = next();
    const marker = take(next());
    const title = take(next());
    // Key order as in the CLI's JSON.
    sections.push({ id, level, marker, title, start, end, parent });
  }

  const indicators = [];
  for (let k = 0, f = 0; k < indicatorCount; k++, f += 3) {
    const id = next();
    const start = next();
    const end = next();
    const value_text = take(next());
    const unit = name(next());
    const kind = name(next());
    const direction = name(next());
    const comparator = name(next());
    const status = name(next());
    const horizon = name(next());
    const metric = take(next());
    const metric_start = orNull(next());
    const metric_end = orNull(next());
    const section = orNull(next());
    indicators.push({
      id,
      start,
      end,
      value_text,
      value: finite(floats[f]),
      value_max: finite(floats[f + 1]),
      unit,
      kind,
      direction,
      comparator,
      status,
      horizon,
      metric,
      metric_start,
      metric_end,
      year: finite(floats[f + 2]),
      section,
    });
  }
  return { sections, indicators, layout };
}
