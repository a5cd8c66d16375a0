//! The characters the rules start from ("can a number start here?", "can a
//! cue word start here?"), as a two-level table built at compile time: one
//! load for the 256-character page of the Basic Multilingual Plane, one for
//! the character's bits. `Doc::new` looks up every character once and
//! lists where the marked ones stand (`Doc::marks`), so the passes that
//! look for numbers, years and cue words visit those places only. Before,
//! each pass asked a `match` over twenty ideographs of every character.

use crate::cues::CUE_WORD_LISTS;

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
/// The line break.
pub const LINE: u8 = 128;

/// Every bit that can start a figure.
pub const NUMBER_START: u8 = DIGIT | CN_NUMERAL | OTHER_START;

const fn cue_sets() -> [(&'static [&'static str], u8); CUE_WORD_LISTS.len()] {
    let mut sets: [(&[&str], u8); CUE_WORD_LISTS.len()] = [(&[], CUE); CUE_WORD_LISTS.len()];
    let mut i = 0;
    while i < sets.len() {
        sets[i].0 = CUE_WORD_LISTS[i];
        i += 1;
    }
    sets
}
const CUE_SETS: [(&[&str], u8); CUE_WORD_LISTS.len()] = cue_sets();

const OWN_SETS: Sets = &[
    (&["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], DIGIT),
    (&["零", "〇", "○", "一", "壹", "二", "两", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆", "七", "柒", "八", "捌", "九", "玖"], CN_DIGIT | CN_NUMERAL),
    (&["十", "拾", "百", "佰", "千", "仟", "万", "亿"], CN_NUMERAL),
    (&["第", "首", "榜", "翻"], OTHER_START),
    (&["“", "「", "『", "《", "〈", "﹃", "”", "」", "』", "》", "〉", "﹄"], QUOTE),
    (&["了", "要", "将", "力"], MODE),
    (&["\n"], LINE),
];

const fn concat<const N: usize>(a: Sets<'static>, b: &[(&'static [&'static str], u8)]) -> [(&'static [&'static str], u8); N] {
    let mut out: [(&[&str], u8); N] = [(&[], 0); N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    while i < N {
        out[i] = b[i - a.len()];
        i += 1;
    }
    out
}
const ALL_SETS: [(&[&str], u8); OWN_SETS.len() + CUE_SETS.len()] = concat(OWN_SETS, &CUE_SETS);
static MARKS: ClassTable<{ pages(&ALL_SETS) }> = ClassTable::new(&ALL_SETS);

/// The bits of `c` (normalised): 0 for most characters.
#[inline]
pub fn class(c: char) -> u8 {
    MARKS.get(c)
}

/// A character's membership in up to eight sets, one bit each.
pub struct ClassTable<const PAGES: usize> {
    /// Leaf index (1-based; 0: no character of this page is in any set) of
    /// each 256-character page of the BMP.
    page: [u8; 256],
    /// The bits of every character of each page that has any.
    leaves: [[u8; 256]; PAGES],
}

/// The sets of a table: (words, bit). Only the first character of each word
/// is entered; a one-character word enters itself.
pub type Sets<'a> = &'a [(&'a [&'a str], u8)];

impl<const PAGES: usize> ClassTable<PAGES> {
    /// The bits of `c` (0 for characters outside the BMP).
    #[inline]
    pub fn get(&self, c: char) -> u8 {
        let cp = c as u32;
        if cp > 0xFFFF {
            return 0;
        }
        match self.page[(cp >> 8) as usize] {
            0 => 0,
            leaf => self.leaves[leaf as usize - 1][(cp & 0xFF) as usize],
        }
    }

    /// Builds the table of `sets`. `PAGES` must be [`pages`]`(sets)`: a
    /// mismatch fails the build.
    pub const fn new(sets: Sets) -> ClassTable<PAGES> {
        let mut page = [0u8; 256];
        let mut leaves = [[0u8; 256]; PAGES];
        let mut used = 0;
        let mut s = 0;
        while s < sets.len() {
            let (words, bit) = sets[s];
            let mut w = 0;
            while w < words.len() {
                if let Some(cp) = first_char(words[w]) {
                    if cp <= 0xFFFF {
                        let hi = (cp >> 8) as usize;
                        if page[hi] == 0 {
                            used += 1;
                            assert!(used <= PAGES && used < 256, "PAGES is too small");
                            page[hi] = used as u8;
                        }
                        leaves[page[hi] as usize - 1][(cp & 0xFF) as usize] |= bit;
                    }
                }
                w += 1;
            }
            s += 1;
        }
        assert!(used == PAGES, "PAGES is too large");
        ClassTable { page, leaves }
    }
}

/// How many pages the table of `sets` needs.
pub const fn pages(sets: Sets) -> usize {
    let mut seen = [false; 256];
    let mut n = 0;
    let mut s = 0;
    while s < sets.len() {
        let mut w = 0;
        while w < sets[s].0.len() {
            if let Some(cp) = first_char(sets[s].0[w]) {
                if cp <= 0xFFFF && !seen[(cp >> 8) as usize] {
                    seen[(cp >> 8) as usize] = true;
                    n += 1;
                }
            }
            w += 1;
        }
        s += 1;
    }
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

    const SETS: Sets = &[(&["增长", "下降", "a"], 1), (&["增速", "😀", ""], 2)];
    static T: ClassTable<{ pages(SETS) }> = ClassTable::new(SETS);

    #[test]
    fn first_characters_carry_their_bits() {
        assert_eq!(T.get('增'), 3);
        assert_eq!(T.get('下'), 1);
        assert_eq!(T.get('a'), 1);
        for c in ['长', '降', 'b', '速', '😀', '\0', '\u{FFFF}'] {
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
