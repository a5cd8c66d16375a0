//! The characters the rules start from ("can a number start here?", "can a
//! cue word start here?"), as a two-level table built at compile time: one
//! load for the 256-character page of the Basic Multilingual Plane, one for
//! the character's bits. `Doc::new` looks up every character once and
//! lists where the marked ones stand (`Doc::marks`), so the passes that
//! look for numbers, years and cue words visit those places only. Before,
//! each pass asked a `match` over twenty ideographs of every character.

use crate::hant;
use crate::lexicon::CUE_WORD_LISTS;

/// Bits of [`class`]: an ASCII digit (after normalising: full-width digits
/// are ASCII by then).
pub const DIGIT: u8 = 1;
/// A Chinese digit (`一` `两` `零` …, see `numbers::cn_digit`).
pub const CN_DIGIT: u8 = 2;
/// A character of a Chinese numeral: a digit or `十百千万亿` and their
/// financial forms.
pub const CN_NUMERAL: u8 = 4;
/// The other characters a figure can start with: `第` `首` `榜` `翻`.
pub const OTHER_START: u8 = 8;
/// An opening or closing quote or title mark: the scan for figures tracks
/// them, since what stands inside is a name.
pub const QUOTE: u8 = 16;
/// The first character of a cue word (`cues`).
pub const CUE: u8 = 32;
/// The characters that tell review from plan in a part's text
/// (`indicators::content_mode`): `了` `要` `将` `力`.
pub const MODE: u8 = 64;
/// A character that normalising changes (`text::normalise`): a
/// traditional character, a full-width form, the ideographic space. Set on
/// input characters; their normalised forms never have it.
pub const CHANGES: u8 = 128;

/// Every bit that can start a figure.
pub const NUMBER_START: u8 = DIGIT | CN_NUMERAL | OTHER_START;

const WORDS: [(&[&str], u8); 8 + CUE_WORD_LISTS.len()] = {
    let own: [(&[&str], u8); 8] = [
        (&["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], DIGIT),
        (
            &["零", "〇", "○", "一", "壹", "二", "两", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆", "七", "柒", "八", "捌", "九", "玖"],
            CN_DIGIT | CN_NUMERAL,
        ),
        (&["十", "拾", "百", "佰", "千", "仟", "万", "亿"], CN_NUMERAL),
        (&["第", "首", "榜", "翻"], OTHER_START),
        (&["“", "「", "『", "《", "〈", "﹃", "”", "」", "』", "》", "〉", "﹄"], QUOTE),
        (&["了", "要", "将", "力"], MODE),
        (&["\u{3000}", "\u{00A0}", "\u{2236}", "．", "％", "＋", "／", "－", "＜", "＞", "＝"], CHANGES),
        // invisible characters read as a space (`text::normalise`), so
        // that `Doc::new` finds them on the path of changed characters
        (
            &["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{2061}", "\u{2062}", "\u{2063}", "\u{2064}", "\u{FEFF}"],
            CHANGES,
        ),
    ];
    let mut all: [(&[&str], u8); 8 + CUE_WORD_LISTS.len()] = [(&[], 0); 8 + CUE_WORD_LISTS.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < own.len() { own[i] } else { (CUE_WORD_LISTS[i - own.len()], CUE) };
        i += 1;
    }
    all
};

const MARKS_SOURCE: Source =
    Source { words: &WORDS, ranges: &[('０', '９', CHANGES), ('Ａ', 'Ｚ', CHANGES), ('ａ', 'ｚ', CHANGES)], pairs: &hant::TABLE, pairs_bit: CHANGES };
static MARKS: ClassTable<{ pages(&MARKS_SOURCE) }> = ClassTable::new(&MARKS_SOURCE);

/// The bits of `c`: 0 for most characters.
#[inline]
pub fn class(c: char) -> u8 {
    MARKS.get(c)
}

/// A character's membership in up to eight sets, one bit each.
pub struct ClassTable<const PAGES: usize> {
    /// One bit per BMP character: whether it is in any set. Most characters
    /// are in none, and this 8 KB stays in the first-level cache where the
    /// leaves (a quarter of a kilobyte per page) do not.
    any: [u64; 1024],
    /// Leaf of each 256-character page of the BMP; leaf 0 is all zero, for
    /// the pages with no character in any set.
    page: [u8; 256],
    /// The bits of every character of each page that has any.
    leaves: [[u8; 256]; PAGES],
}

/// What a table holds: the first character of each word of `words` (a
/// one-character word enters itself), every code point of `ranges`, and
/// the first of each pair of `pairs` (a mapping table such as
/// `hant::TABLE`), each with its bit.
pub struct Source<'a> {
    pub words: &'a [(&'a [&'a str], u8)],
    pub ranges: &'a [(char, char, u8)],
    pub pairs: &'a [(u16, u16)],
    pub pairs_bit: u8,
}

/// Visits every (code point, bit) of a `Source` in a `const fn` (which
/// cannot take a closure).
macro_rules! for_each_point {
    ($src:expr, |$cp:ident, $bit:ident| $body:block) => {{
        let src = $src;
        let mut s = 0;
        while s < src.words.len() {
            let (words, $bit) = src.words[s];
            let mut w = 0;
            while w < words.len() {
                if let Some($cp) = first_char(words[w]) $body
                w += 1;
            }
            s += 1;
        }
        let mut r = 0;
        while r < src.ranges.len() {
            let (lo, hi, $bit) = src.ranges[r];
            let mut $cp = lo as u32;
            while $cp <= hi as u32 {
                $body
                $cp += 1;
            }
            r += 1;
        }
        let mut p = 0;
        while p < src.pairs.len() {
            let $cp = src.pairs[p].0 as u32;
            let $bit = src.pairs_bit;
            $body
            p += 1;
        }
    }};
}

impl<const PAGES: usize> ClassTable<PAGES> {
    /// The bits of `c` (0 for characters outside the BMP).
    #[inline]
    pub fn get(&self, c: char) -> u8 {
        let cp = c as u32;
        if cp > 0xFFFF || self.any[(cp >> 6) as usize] & (1 << (cp & 63)) == 0 {
            return 0;
        }
        self.leaves[self.page[(cp >> 8) as usize] as usize][(cp & 0xFF) as usize]
    }

    /// Builds the table of `src`. `PAGES` must be [`pages`]`(src)`: a
    /// mismatch fails the build.
    pub const fn new(src: &Source) -> ClassTable<PAGES> {
        let mut any = [0u64; 1024];
        let mut page = [0u8; 256];
        let mut leaves = [[0u8; 256]; PAGES];
        let mut used = 1; // leaf 0 stays empty
        for_each_point!(src, |cp, bit| {
            if cp <= 0xFFFF {
                any[(cp >> 6) as usize] |= 1 << (cp & 63);
                let hi = (cp >> 8) as usize;
                if page[hi] == 0 {
                    assert!(used < PAGES, "PAGES is too small");
                    page[hi] = used as u8;
                    used += 1;
                }
                leaves[page[hi] as usize][(cp & 0xFF) as usize] |= bit;
            }
        });
        assert!(used == PAGES, "PAGES is too large");
        ClassTable { any, page, leaves }
    }
}

/// How many leaves the table of `src` needs: one per page that holds any
/// of its characters, and the empty one.
pub const fn pages(src: &Source) -> usize {
    let mut seen = [false; 256];
    let mut n = 1;
    for_each_point!(src, |cp, bit| {
        let _ = bit;
        if cp <= 0xFFFF && !seen[(cp >> 8) as usize] {
            seen[(cp >> 8) as usize] = true;
            n += 1;
        }
    });
    assert!(n <= 256, "a page index is one byte");
    n
}

/// The code point of the first character of `s` (UTF-8 decoded by hand:
/// `chars()` is not available in a `const fn`).
const fn first_char(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    let x = b[0] as u32;
    Some(if x < 0x80 {
        x
    } else if x < 0xE0 {
        (x & 0x1F) << 6 | (b[1] as u32 & 0x3F)
    } else if x < 0xF0 {
        (x & 0x0F) << 12 | (b[1] as u32 & 0x3F) << 6 | (b[2] as u32 & 0x3F)
    } else {
        (x & 0x07) << 18 | (b[1] as u32 & 0x3F) << 12 | (b[2] as u32 & 0x3F) << 6 | (b[3] as u32 & 0x3F)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: Source =
        Source {
            words: &[(&["增长", "下降", "a"], 1), (&["增速", "😀", ""], 2)], ranges: &[('Ａ', 'Ｃ', 4)], pairs: &[(0x842C, 0x4E07)], pairs_bit: 8
        };
    static T: ClassTable<{ pages(&SRC) }> = ClassTable::new(&SRC);

    #[test]
    fn entries_carry_their_bits() {
        assert_eq!(T.get('增'), 3);
        assert_eq!(T.get('下'), 1);
        assert_eq!(T.get('a'), 1);
        assert_eq!(T.get('Ｂ'), 4);
        assert_eq!(T.get('萬'), 8);
        for c in ['长', '降', 'b', '速', '😀', '\0', '\u{FFFF}', 'Ｄ', '万'] {
            assert_eq!(T.get(c), 0, "{c}");
        }
    }

    #[test]
    fn first_char_decodes_every_width() {
        for s in ["a", "é", "增", "😀x"] {
            assert_eq!(first_char(s), s.chars().next().map(|c| c as u32));
        }
        assert_eq!(first_char(""), None);
    }
}
