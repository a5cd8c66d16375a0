//! The input as the rules see it: one normalised character per input
//! character, the lines, and the one place where character indices become
//! UTF-16 offsets.
//!
//! Rules match on `norm`, a copy of the text in which full-width digits and
//! Latin letters are half-width and traditional characters are simplified.
//! The mapping is one character to one character, so an index into `norm` is
//! an index into the input too, and every span the rules find slices the
//! input exactly as written.

use crate::charclass;
use crate::hant;

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
    /// Character indices of the characters with a class
    /// (`charclass::class`), in order: where the passes that look for
    /// numbers, years and cue words go.
    marks: Vec<u32>,
    /// The class of each of `marks`.
    mark_class: Vec<u8>,
    /// Lines as character ranges, without the `\n` (and without a `\r`
    /// before it).
    pub lines: Vec<Line>,
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

impl<'a> Doc<'a> {
    /// Prepares `src` in one pass. Linear in its length.
    ///
    /// This is the one step that touches every character, so it does as
    /// little per character as it can: one decode, one normalise, two
    /// pushes. `norm_s` is copied from the input in runs and only the
    /// characters that normalising changes are written one by one; the
    /// UTF-16 and input byte offsets, needed only at the few places where a
    /// result starts or ends, come from the short `astral` and `shrunk`
    /// lists instead of two more arrays as long as the text.
    pub fn new(src: &'a str) -> Doc<'a> {
        let bytes = src.as_bytes();
        // one slot per character: counting them first (std counts a word of
        // bytes at a time) lets the loop below write without growing
        let n = src.chars().count();
        let mut norm = vec!['\0'; n];
        let mut nb = vec![0u32; n + 1];
        let mut norm_s = String::with_capacity(src.len());
        let mut shrunk = Vec::new();
        let mut astral = Vec::new();
        let mut marks = Vec::with_capacity(n / 8);
        let mut mark_class = Vec::with_capacity(n / 8);
        let mut breaks = Vec::with_capacity(n / 64 + 1);
        let mut copied = 0; // input bytes before this are in norm_s
        let mut delta = 0u32; // input bytes minus norm_s bytes so far
        let mut b = 0; // byte offset of character k
        for (k, (slot, offset)) in norm.iter_mut().zip(nb.iter_mut()).enumerate() {
            *offset = (b - delta as usize) as u32;
            // UTF-8 decoded by hand: `src` is valid, and the common widths
            // (one byte, three for CJK) go first
            let x = bytes[b];
            let (c, width) = if x < 0x80 {
                if x == b'\n' {
                    breaks.push(k);
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
            *slot = n;
            if class != 0 {
                marks.push(k as u32);
                mark_class.push(class);
            }
            b += width;
        }
        norm_s.push_str(&src[copied..]);
        nb[n] = norm_s.len() as u32;
        let lines = lines(&norm, &breaks);
        Doc { src, norm, norm_s, nb, shrunk, astral, marks, mark_class, lines }
    }

    /// The character indices in `a..b`, in order, of the characters whose
    /// class (`charclass::class`) has any of `bits`.
    pub fn marked(&self, bits: u8, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let lo = self.marks.partition_point(|&k| (k as usize) < a);
        let hi = lo + self.marks[lo..].partition_point(|&k| (k as usize) < b);
        self.marks[lo..hi].iter().zip(&self.mark_class[lo..hi]).filter(move |&(_, &c)| c & bits != 0).map(|(&k, _)| k as usize)
    }

    /// UTF-16 offset of character index `i` (`i` may equal `len()`).
    pub fn u16(&self, i: usize) -> usize {
        let i = i.min(self.norm.len());
        i + self.astral.partition_point(|&k| (k as usize) < i)
    }

    /// Byte offset in the input of character index `i` (`i` may equal
    /// `len()`).
    fn byte(&self, i: usize) -> usize {
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

/// Full-width ASCII to half-width for digits, letters and the signs that
/// take part in numbers; traditional to simplified. Chinese punctuation
/// (`，` `：` `；` `（` `）`) stays as it is: it is not the ASCII sign.
fn normalise(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '．' | '％' | '＋' | '／' | '－' | '＜' | '＞' | '＝' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' | '\u{00A0}' => ' ',
        '\u{2236}' => ':',
        c => hant::to_simplified(c),
    }
}

/// The lines between the `\n` at `breaks`, each trimmed of white space
/// and a `\r` at its end.
fn lines(norm: &[char], breaks: &[usize]) -> Vec<Line> {
    let ends = breaks.iter().copied().chain([norm.len()]);
    let mut a = 0;
    let mut lines = Vec::with_capacity(breaks.len() + 1);
    for b in ends {
        let mut s = a;
        while s < b && is_space(norm[s]) {
            s += 1;
        }
        let mut e = b;
        while e > s && (is_space(norm[e - 1]) || norm[e - 1] == '\r') {
            e -= 1;
        }
        lines.push(Line { start: s, end: e });
        a = b + 1;
    }
    lines
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
    fn traditional_reads_as_simplified() {
        let d = Doc::new("增長8萬億");
        assert_eq!(d.norm, ['增', '长', '8', '万', '亿']);
    }
}
