//! The input as the rules see it: one normalised character per input
//! character, the lines, and the one place where character indices become
//! UTF-16 offsets.
//!
//! Rules match on `norm`, a copy of the text in which full-width digits and
//! Latin letters are half-width and traditional characters are simplified.
//! The mapping is one character to one character, so an index into `norm` is
//! an index into the input too, and every span the rules find slices the
//! input exactly as written.

use std::cell::Cell;

use crate::charclass;
use crate::hant;

/// How many characters a block has (`Doc::blocks`): its arrays are ~12
/// bytes a character, ~200 KB, well within the cache closest to the core
/// but the first.
///
/// In wasm a block is a million characters (~3 MB of text), so a report is
/// read in one: under V8 the passes run in blocks of 16K characters made
/// the 455 KB report 12 % slower (4.3 against 3.8 ms in Node), and blocks
/// of 64K 6 %, where natively they made it 6 % faster. Why was not found
/// (the same code run in one block is as fast as before; README,
/// Performance).
#[cfg(not(target_arch = "wasm32"))]
pub const BLOCK: usize = 1 << 14;
#[cfg(target_arch = "wasm32")]
pub const BLOCK: usize = 1 << 20;

/// `Doc::warm` reads texts from this length on: the arrays of a shorter
/// one (~1.5 MB) are still in the cache when the passes come to them, and
/// reading them once more cost 1–2 % of the time.
const WARM_FROM: usize = 8 * BLOCK;

/// The text prepared for the rules.
pub struct Doc<'a> {
    /// The input, untouched.
    pub src: &'a str,
    /// One normalised character per input character.
    pub norm: Vec<char>,
    /// `norm` as UTF-8, so that word lookups compare bytes.
    norm_s: String,
    /// `nb[i]` is the byte offset of `norm[i]` in `norm_s`, plus the total.
    nb: Vec<u32>,
    /// Where normalising changed a character's UTF-8 length (`１` is three
    /// bytes, `1` one): (character index, how many bytes longer the input is
    /// than `norm_s` after that character), in order. Usually short or
    /// empty; with `nb` it gives the input's byte offsets.
    shrunk: Vec<(u32, u32)>,
    /// Character indices of the characters outside the BMP, which take two
    /// UTF-16 units: with them a character index becomes a UTF-16 offset.
    astral: Vec<u32>,
    /// Character indices of what the layout layer (`layout`) undoes, in
    /// order: zero-width characters and soft hyphens, a `\r` that ends a
    /// line on its own, form feeds. Empty in most texts.
    pub specials: Vec<u32>,
    /// Character indices of the characters with a class
    /// (`charclass::class`), in order: where the passes that look for
    /// numbers, years and cue words go.
    marks: Vec<u32>,
    /// The class of each of `marks`.
    mark_class: Vec<u8>,
    /// Lines as character ranges, without the `\n` (and without a `\r`
    /// before it).
    pub lines: Vec<Line>,
    /// The last stretch `marked` was asked for and the range of `marks` it
    /// found, `[a, b, lo, hi]`: the passes over a block ask for the same
    /// stretch one after another, and the next block starts where that one
    /// ended. A binary search of all the marks for each was ~20 cache
    /// misses on a large text.
    last_marked: Cell<[usize; 4]>,
}

/// One line of the input.
#[derive(Clone, Copy, Debug)]
pub struct Line {
    /// First character after leading white space.
    pub start: usize,
    /// End of the line, trailing white space and `\r` excluded.
    pub end: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.start >= self.end
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
}

/// The buffers of a [`Doc`] that are as long as its text.
///
/// A `Doc` hands them back when it is dropped and the next `Doc` on the
/// thread takes them, so that annotating one text after another (a batch of
/// reports in the CLI, a page re-annotating as the user types) writes into
/// memory it already has. Freed, a buffer of a few megabytes goes back to
/// the system, and its successor's first touch of every page is a page
/// fault and a page cleared by the kernel: at 25 MB of text that was a
/// quarter of `annotate`'s time, at 1.5 MB a fifth, and it made time grow
/// faster than the text.
#[derive(Default)]
struct Buffers {
    norm: Vec<char>,
    norm_s: String,
    nb: Vec<u32>,
    marks: Vec<u32>,
    mark_class: Vec<u8>,
    lines: Vec<Line>,
}

/// Buffers larger than this in all are freed, not kept: a thread that once
/// read a huge text should not hold its memory for good. 32 MiB is the
/// buffers of a ~8 MB text, thirty times a long report.
const KEEP_AT_MOST: usize = 32 << 20;

thread_local! {
    static SPARE: Cell<Buffers> = const {
        Cell::new(Buffers { norm: Vec::new(), norm_s: String::new(), nb: Vec::new(), marks: Vec::new(), mark_class: Vec::new(), lines: Vec::new() })
    };
}

impl Buffers {
    /// The thread's spare buffers, empty, or new ones.
    fn take() -> Buffers {
        // `try_with` fails only while the thread is being torn down
        SPARE.try_with(Cell::take).unwrap_or_default()
    }

    /// Keeps these buffers for the next `Doc` on this thread.
    fn keep(mut self) {
        let bytes = self.norm.capacity() * 4
            + self.norm_s.capacity()
            + self.nb.capacity() * 4
            + self.marks.capacity() * 4
            + self.mark_class.capacity()
            + self.lines.capacity() * std::mem::size_of::<Line>();
        if bytes <= KEEP_AT_MOST {
            self.norm.clear();
            self.norm_s.clear();
            self.nb.clear();
            self.marks.clear();
            self.mark_class.clear();
            self.lines.clear();
            let _ = SPARE.try_with(|s| s.set(self));
        }
    }
}

impl Drop for Doc<'_> {
    fn drop(&mut self) {
        Buffers {
            norm: std::mem::take(&mut self.norm),
            norm_s: std::mem::take(&mut self.norm_s),
            nb: std::mem::take(&mut self.nb),
            marks: std::mem::take(&mut self.marks),
            mark_class: std::mem::take(&mut self.mark_class),
            lines: std::mem::take(&mut self.lines),
        }
        .keep();
    }
}

impl<'a> Doc<'a> {
    /// Prepares `src` in one pass. Linear in its length.
    ///
    /// This is the one step that touches every character, so it does as
    /// little per character as it can: one decode, one normalise, two
    /// pushes into buffers sized beforehand (and kept from the thread's last
    /// `Doc`: [`Buffers`]). `norm_s` is copied from the input in runs and only the
    /// characters that normalising changes are written one by one; the
    /// UTF-16 and input byte offsets, needed only at the few places where a
    /// result starts or ends, come from the short `astral` and `shrunk`
    /// lists instead of two more arrays as long as the text.
    #[inline(never)]
    pub fn new(src: &'a str) -> Doc<'a> {
        let bytes = src.as_bytes();
        // one slot per character: counting them first (std counts a word of
        // bytes at a time) lets the loop below push without growing
        let n = src.chars().count();
        let Buffers { mut norm, mut norm_s, mut nb, mut marks, mut mark_class, mut lines } = Buffers::take();
        norm.reserve_exact(n);
        nb.reserve_exact(n + 1);
        norm_s.reserve_exact(src.len());
        marks.reserve(n / 8);
        mark_class.reserve(n / 8);
        lines.reserve(n / 64 + 1);
        let mut shrunk = Vec::new();
        let mut astral = Vec::new();
        let mut specials = Vec::new();
        let mut copied = 0; // input bytes before this are in norm_s
        let mut delta = 0u32; // input bytes minus norm_s bytes so far
        let mut b = 0; // byte offset of character k
        let mut line = 0; // first character of the line
        for k in 0..n {
            nb.push((b - delta as usize) as u32);
            // UTF-8 decoded by hand: `src` is valid, and the common widths
            // (one byte, three for CJK) go first
            let x = bytes[b];
            let (c, width) = if x < 0x80 {
                if x <= b'\r' {
                    if x == b'\n' {
                        lines.push(Line { start: line, end: k });
                        line = k + 1;
                    } else if x == 0x0C || (x == b'\r' && bytes.get(b + 1) != Some(&b'\n')) {
                        specials.push(k as u32);
                    }
                }
                (x as char, 1)
            } else if (0xE0..0xF0).contains(&x) {
                let cp = (x as u32 & 0x0F) << 12 | (bytes[b + 1] as u32 & 0x3F) << 6 | (bytes[b + 2] as u32 & 0x3F);
                (char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER), 3)
            } else {
                let c = src[b..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                if (c as u32) >= 0x10000 {
                    astral.push(k as u32);
                }
                (c, c.len_utf8())
            };
            let mut class = charclass::class(c);
            let mut n = c;
            if class & charclass::CHANGES != 0 {
                // a BOM at the very start is the file's, not the text's
                if (is_invisible(c as u32) || c == '\u{AD}') && !(k == 0 && c == '\u{FEFF}') {
                    specials.push(k as u32);
                }
                n = normalise(c);
                class = charclass::class(n);
                norm_s.push_str(&src[copied..b]);
                norm_s.push(n);
                copied = b + width;
                let d = (width - n.len_utf8()) as u32;
                if d != 0 {
                    delta += d;
                    shrunk.push((k as u32, delta));
                }
            }
            norm.push(n);
            if class != 0 {
                marks.push(k as u32);
                mark_class.push(class);
            }
            b += width;
        }
        norm_s.push_str(&src[copied..]);
        nb.push(norm_s.len() as u32);
        lines.push(Line { start: line, end: n });
        trim(&norm, &mut lines);
        Doc { src, norm, norm_s, nb, shrunk, astral, specials, marks, mark_class, lines, last_marked: Cell::new([0; 4]) }
    }

    /// The character indices in `a..b`, in order, of the characters whose
    /// class (`charclass::class`) has any of `bits`.
    pub fn marked(&self, bits: u8, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let (lo, hi) = self.marks_of(a, b);
        self.marks[lo..hi].iter().zip(&self.mark_class[lo..hi]).filter(move |&(_, &c)| c & bits != 0).map(|(&k, _)| k as usize)
    }

    /// The range of `marks` that stand in `a..b`.
    fn marks_of(&self, a: usize, b: usize) -> (usize, usize) {
        let b = b.max(a);
        let [pa, pb, plo, phi] = self.last_marked.get();
        let (lo, hi) = if (a, b) == (pa, pb) {
            (plo, phi)
        } else {
            let lo = if a == pb {
                phi
            } else if a > pb {
                gallop(&self.marks, phi, a)
            } else {
                self.marks.partition_point(|&k| (k as usize) < a)
            };
            (lo, gallop(&self.marks, lo, b))
        };
        self.last_marked.set([a, b, lo, hi]);
        (lo, hi)
    }

    /// The text in consecutive blocks of `size` characters (`BLOCK` but in
    /// tests; at least 1), as ranges of character indices: the passes that
    /// read around every mark run a block at a time (`indicators::Finder`).
    pub fn blocks(&self, size: usize) -> impl Iterator<Item = (usize, usize)> {
        let (n, size) = (self.norm.len(), size.max(1));
        (0..n).step_by(size).map(move |a| (a, a.saturating_add(size).min(n)))
    }

    /// Reads the arrays of characters `a..b` once in order, a cache line
    /// at a time, so that the passes over them that follow find them in
    /// the cache. A pass that reads a few characters at each mark misses
    /// the cache once per line of 64 bytes, one miss after another; an
    /// in-order read is streamed from memory by the processor's
    /// prefetcher (docs/performance.md).
    pub fn warm(&self, a: usize, b: usize) {
        let b = b.min(self.norm.len());
        if a >= b || self.norm.len() < WARM_FROM {
            return;
        }
        let mut h = 0u32;
        for k in (a..b).step_by(64 / std::mem::size_of::<char>()) {
            h = h.wrapping_add(self.norm[k] as u32).wrapping_add(self.nb[k]);
        }
        let norm_s = &self.norm_s.as_bytes()[self.nb[a] as usize..self.nb[b] as usize];
        for k in (0..norm_s.len()).step_by(64) {
            h = h.wrapping_add(norm_s[k] as u32);
        }
        // the input, which the indicators' texts are copied from
        let src = &self.src.as_bytes()[self.byte(a)..self.byte(b)];
        for k in (0..src.len()).step_by(64) {
            h = h.wrapping_add(src[k] as u32);
        }
        std::hint::black_box(h);
    }

    /// UTF-16 offset of character index `i` (`i` may equal `len()`).
    pub fn u16(&self, i: usize) -> usize {
        let i = i.min(self.norm.len());
        i + self.astral.partition_point(|&k| (k as usize) < i)
    }

    /// Byte offset in the input of character index `i` (`i` may equal
    /// `len()`).
    pub fn byte(&self, i: usize) -> usize {
        let i = i.min(self.norm.len());
        let k = self.shrunk.partition_point(|&(at, _)| (at as usize) < i);
        let delta = if k == 0 { 0 } else { self.shrunk[k - 1].1 };
        (self.nb[i] + delta) as usize
    }

    /// The input text of characters `a..b`, as written.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.src[self.byte(a)..self.byte(b.max(a))]
    }
    /// Normalised character at `i`, or `'\n'` outside the text: callers
    /// look around a match without bounds checks and see a line end.
    #[inline]
    pub fn at(&self, i: usize) -> char {
        self.norm.get(i).copied().unwrap_or('\n')
    }

    /// Character before `i`, or `'\n'` at the start.
    #[inline]
    pub fn before(&self, i: usize) -> char {
        if i == 0 {
            '\n'
        } else {
            self.at(i - 1)
        }
    }

    /// Whether the normalised text at `i` starts with `word`. Compares
    /// UTF-8 bytes: a whole word matched from a character boundary ends on
    /// one.
    #[inline]
    pub fn starts_with(&self, i: usize, word: &str) -> bool {
        let Some(&b) = self.nb.get(i) else { return false };
        let rest = &self.norm_s.as_bytes()[b as usize..];
        let w = word.as_bytes();
        // a byte loop, not `<[u8]>::starts_with`: the words are a few bytes
        // and a call to `memcmp` for each cost more than the comparison
        !w.is_empty() && rest.len() >= w.len() && rest.iter().zip(w).all(|(x, y)| x == y)
    }

    /// The normalised text of characters `a..b`.
    pub fn norm_str(&self, a: usize, b: usize) -> &str {
        let n = self.norm.len();
        let (a, b) = (a.min(n), b.min(n));
        if a >= b {
            return "";
        }
        &self.norm_s[self.nb[a] as usize..self.nb[b] as usize]
    }

    /// Whether the normalised text of characters `a..b` contains `word`
    /// (a substring search over bytes, not a comparison at every place).
    pub fn contains(&self, a: usize, b: usize, word: &str) -> bool {
        let n = self.norm.len();
        let (a, b) = (a.min(n), b.min(n));
        a < b && self.norm_s[self.nb[a] as usize..self.nb[b] as usize].contains(word)
    }

    /// Whether the normalised text just before `i` ends with `word`.
    #[inline]
    pub fn ends_with(&self, i: usize, word: &str) -> bool {
        let Some(&b) = self.nb.get(i) else { return false };
        let head = &self.norm_s.as_bytes()[..b as usize];
        let w = word.as_bytes();
        // from the back: the last byte of a character tells most apart
        !w.is_empty() && head.len() >= w.len() && head.iter().rev().zip(w.iter().rev()).all(|(x, y)| x == y)
    }
}

/// The first index from `from` on of a value not below `x` in `v`, sorted,
/// where all before `from` are below it: found in doubling steps from
/// `from`, then by bisection, so O(log d) for an answer `d` places on.
fn gallop(v: &[u32], from: usize, x: usize) -> usize {
    let below = |k: usize| (v[k] as usize) < x;
    let (mut lo, mut step) = (from.min(v.len()), 1);
    while lo + step <= v.len() && below(lo + step - 1) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(v.len());
    lo + v[lo..hi].partition_point(|&k| (k as usize) < x)
}

/// Full-width ASCII to half-width for digits, letters and the signs that
/// take part in numbers; traditional to simplified. Chinese punctuation
/// (`，` `：` `；` `（` `）`) stays as it is: it is not the ASCII sign.
fn normalise(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '．' | '％' | '＋' | '／' | '－' | '＜' | '＞' | '＝' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' | '\u{00A0}' => ' ',
        // invisible: a space to the rules; `layout` reads them as nothing
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => ' ',
        '\u{2236}' => ':',
        c => hant::to_simplified(c),
    }
}

/// Trims each line of white space and of a `\r` at its end.
fn trim(norm: &[char], lines: &mut [Line]) {
    for line in lines {
        let (mut s, mut e) = (line.start, line.end);
        while s < e && is_space(norm[s]) {
            s += 1;
        }
        while e > s && (is_space(norm[e - 1]) || norm[e - 1] == '\r') {
            e -= 1;
        }
        *line = Line { start: s, end: e };
    }
}

/// A character that takes no room: zero-width space, non-joiner and
/// joiner, the directional marks, word joiner, BOM. Soft hyphens (U+00AD)
/// are listed with them in `Doc::specials` (but for a BOM at the very
/// start, the file's and not the text's); all read as a space.
#[inline]
pub fn is_invisible(cp: u32) -> bool {
    matches!(cp, 0x200B..=0x200F | 0x2060..=0x2064 | 0xFEFF)
}

/// White space, including the full-width space (already normalised to ' ').
#[inline]
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{FEFF}' | '\u{200B}') || (c.is_whitespace() && c != '\n')
}

/// A CJK ideograph (the unified blocks and the common extensions).
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units() {
        let d = Doc::new("a𠀀b\r\n　１２％");
        assert_eq!(d.norm.len(), 9);
        assert_eq!(d.u16(1), 1);
        assert_eq!(d.u16(2), 3); // after the astral character
        assert_eq!(d.u16(9), 10);
        assert_eq!(d.slice(2, 3), "b");
        assert_eq!(d.norm[6..9], ['1', '2', '%']);
    }

    #[test]
    fn lines_trim_space_and_cr() {
        let d = Doc::new("　一、回顾\r\n\n正文");
        assert_eq!(d.lines.len(), 3);
        assert_eq!(d.slice(d.lines[0].start, d.lines[0].end), "一、回顾");
        assert!(d.lines[1].is_blank());
        assert_eq!(d.slice(d.lines[2].start, d.lines[2].end), "正文");
    }

    #[test]
    fn word_lookups_see_normalised_text() {
        // full-width forms change the UTF-8 length; traditional ones do not
        for text in ["增長８．５％個百分點", "增長8.5%個百分點"] {
            let d = Doc::new(text);
            assert!(d.starts_with(0, "增长"), "{text}");
            assert!(d.starts_with(2, "8.5%"), "{text}");
            assert!(d.ends_with(d.norm.len(), "个百分点"), "{text}");
            assert!(d.ends_with(6, "%") && !d.starts_with(6, "%"), "{text}");
            assert!(d.contains(1, 6, "长8.5") && !d.contains(2, 6, "长") && !d.contains(4, 2, "5"), "{text}");
        }
    }

    #[test]
    fn the_changes_bit_marks_exactly_what_normalising_changes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let changes = charclass::class(c) & charclass::CHANGES != 0;
            assert_eq!(changes, normalise(c) != c, "{c:?}");
            assert_eq!(charclass::class(normalise(c)) & charclass::CHANGES, 0, "{c:?}");
        }
    }

    #[test]
    fn marked_finds_the_same_marks_in_any_order_of_stretches() {
        let text = "全市增长8.1%，“预计”要将1.95万亿元。\n二〇一六年\n".repeat(40);
        let d = Doc::new(&text);
        let n = d.norm.len();
        let scan = |bits: u8, a: usize, b: usize| -> Vec<usize> { (a..b.min(n)).filter(|&k| charclass::class(d.norm[k]) & bits != 0).collect() };
        // consecutive blocks (as `Finder` asks), the same stretch again,
        // overlapping, backwards, empty and past the end
        let mut stretches: Vec<(usize, usize)> = (0..n).step_by(37).map(|a| (a, a + 37)).collect();
        stretches.extend([(5, 500), (5, 500), (400, 450), (10, 20), (0, 0), (300, 200), (200, 250), (n, n + 5), (0, usize::MAX), (n - 3, n)]);
        let mut seed = 7u64;
        for _ in 0..300 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let a = (seed >> 33) as usize % (n + 10);
            stretches.push((a, a + (seed >> 20) as usize % 90));
        }
        for (a, b) in stretches {
            for bits in [u8::MAX, charclass::DIGIT, charclass::CUE | charclass::QUOTE] {
                assert_eq!(d.marked(bits, a, b).collect::<Vec<_>>(), scan(bits, a, b), "{a}..{b}, bits {bits:#b}");
            }
        }
    }

    #[test]
    fn galloping_finds_the_partition_point() {
        let v: Vec<u32> = [1u32, 3, 3, 3, 7, 8, 20, 21, 21, 40].to_vec();
        for x in 0..45 {
            let want = v.partition_point(|&k| (k as usize) < x);
            for from in 0..=want {
                assert_eq!(gallop(&v, from, x), want, "x {x} from {from}");
            }
        }
    }

    #[test]
    fn a_doc_reuses_the_buffers_of_the_last_and_nothing_of_its_text() {
        let long = "一、回顧\r\n全市地區生產總值增長８．１％。\n".repeat(50);
        let first = Doc::new(&long);
        let size = first.norm.len();
        drop(first);
        let d = Doc::new("　增長8萬億\n");
        assert!(d.norm.capacity() >= size, "the buffers are kept on the thread");
        assert_eq!(d.norm, [' ', '增', '长', '8', '万', '亿', '\n']);
        assert_eq!(d.lines.len(), 2);
        assert_eq!(d.slice(d.lines[0].start, d.lines[0].end), "增長8萬億");
        assert!(d.starts_with(3, "8万亿") && d.ends_with(6, "万亿") && !d.contains(0, 7, "回"));
        let classed = d.norm.iter().filter(|&&c| charclass::class(c) != 0).count();
        assert_eq!(d.marked(u8::MAX, 0, usize::MAX).count(), classed);
        assert_eq!((d.u16(7), d.slice(0, 7)), (7, "　增長8萬億\n"));
    }

    #[test]
    fn traditional_reads_as_simplified() {
        let d = Doc::new("增長8萬億");
        assert_eq!(d.norm, ['增', '长', '8', '万', '亿']);
    }
}
