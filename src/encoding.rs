//! Bytes as text: which encoding a file is in, by one set of rules for the
//! CLI and the page, so that both read a file alike or refuse it alike.
//!
//! UTF-8 (a byte-order mark dropped; cut inside its last character it ends
//! in U+FFFD, as a browser decodes it), UTF-16 with a byte-order mark, and
//! otherwise what Firefox's detector (`chardetng`) makes of the bytes when
//! that is a Chinese encoding: GB18030 (which covers GBK and GB2312) or
//! Big5. Anything else is refused with what it looks like: a NUL byte
//! anywhere (a binary file, or UTF-16 without a byte-order mark), UTF-8
//! that writes characters outside the BMP as two surrogates (CESU-8, as
//! some Java and database exports do), bytes malformed in the encoding
//! they look like, or a text in another script's encoding (windows-1252,
//! Shift_JIS, EUC-KR …), which no Chinese report is.

/// An encoding zhibiao reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gb18030,
    Big5,
}

impl Encoding {
    /// The WHATWG label, which `TextDecoder` takes.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
            Encoding::Big5 => "Big5",
        }
    }
}

/// Why bytes are not read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// A NUL byte: a binary file, or UTF-16 without a byte-order mark.
    Binary,
    /// UTF-8 with surrogates written as three bytes each (CESU-8).
    Cesu8,
    /// Bytes that are not valid in the encoding they look like.
    Malformed(Encoding),
    /// Text in the encoding of another script (the detector's guess).
    OtherScript(&'static str),
}

impl NotText {
    /// A short code for the page's messages: `binary`, `cesu8`,
    /// `malformed`, `other-script`.
    pub fn code(&self) -> &'static str {
        match self {
            NotText::Binary => "binary",
            NotText::Cesu8 => "cesu8",
            NotText::Malformed(_) => "malformed",
            NotText::OtherScript(_) => "other-script",
        }
    }
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Binary => write!(f, "not text: it has NUL bytes (a binary file, or UTF-16 without a byte-order mark)"),
            NotText::Cesu8 => write!(f, "not UTF-8: characters outside the BMP are written as surrogate pairs (CESU-8); save it as UTF-8"),
            NotText::Malformed(e) => write!(f, "not text: it looks like {} but is not valid {}", e.label(), e.label()),
            NotText::OtherScript(name) => write!(f, "not Chinese text: it looks like {name}; zhibiao reads UTF-8, UTF-16, GB18030 (GBK) and Big5"),
        }
    }
}

/// The encoding `bytes` are read in, or why they are not read. Checks every
/// byte for NUL; the detector reads at most the first megabyte. The bytes
/// are known valid in the encoding returned for UTF-8 only (but for a
/// character cut at the end): decode the others strictly.
pub fn sniff(bytes: &[u8]) -> Result<Encoding, NotText> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return utf8(&bytes[3..]),
        [0xFF, 0xFE, ..] => return Ok(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => return Ok(Encoding::Utf16Be),
        _ => {}
    }
    if bytes.contains(&0) {
        return Err(NotText::Binary);
    }
    match utf8(bytes) {
        Ok(e) => return Ok(e),
        Err(NotText::Cesu8) => return Err(NotText::Cesu8),
        Err(_) => {}
    }
    double_byte(bytes)
}

/// GB18030 or Big5, told apart by the bytes' structure. Both write an
/// ideograph in two bytes, lead 0x81..=0xFE; Big5's second byte is
/// 0x40..=0x7E for about two characters in five of a traditional text,
/// where a simplified text in GBK almost never has one (its ideographs
/// are GB2312's, both bytes 0xA1..=0xFE); GB18030 alone has four-byte
/// sequences (second byte a digit). A text valid in neither is refused.
///
/// No detector crate: Firefox's (`chardetng`) made the .wasm 155 KiB
/// (gzipped) larger, and the page must apply these same rules.
fn double_byte(bytes: &[u8]) -> Result<Encoding, NotText> {
    let (mut gb_ok, mut big5_ok) = (true, true);
    let (mut pairs, mut low_trail, mut four) = (0usize, 0usize, 0usize);
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if b < 0x80 {
            k += 1;
            continue;
        }
        let (t, u, v) = (bytes.get(k + 1).copied(), bytes.get(k + 2).copied(), bytes.get(k + 3).copied());
        if !(0x81..=0xFE).contains(&b) {
            // 0x80 and 0xFF lead nothing in either
            return Err(NotText::OtherScript("a single-byte encoding such as windows-1252"));
        }
        match t {
            Some(t @ 0x30..=0x39) => {
                // GB18030's four bytes: lead, digit, lead, digit
                big5_ok = false;
                let ok = u.is_some_and(|u| (0x81..=0xFE).contains(&u)) && v.is_some_and(|v| v.is_ascii_digit());
                gb_ok &= ok;
                let _ = t;
                four += 1;
                k += 4;
            }
            Some(t) => {
                gb_ok &= (0x40..=0xFE).contains(&t) && t != 0x7F;
                big5_ok &= (0x40..=0x7E).contains(&t) || (0xA1..=0xFE).contains(&t);
                pairs += 1;
                low_trail += (t < 0x80) as usize;
                k += 2;
            }
            None => {
                gb_ok = false;
                big5_ok = false;
                k += 1;
            }
        }
        if !gb_ok && !big5_ok {
            break;
        }
    }
    match (gb_ok, big5_ok) {
        (false, false) => Err(NotText::OtherScript("neither UTF-8, GB18030 nor Big5")),
        (true, false) => Ok(Encoding::Gb18030),
        (false, true) => Ok(Encoding::Big5),
        // valid in both: Big5 when its second bytes below 0x80 are common
        (true, true) if four == 0 && pairs >= 8 && low_trail * 10 >= pairs => Ok(Encoding::Big5),
        (true, true) => Ok(Encoding::Gb18030),
    }
}

/// UTF-8, valid or cut inside its last character; CESU-8 told apart.
fn utf8(bytes: &[u8]) -> Result<Encoding, NotText> {
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(Encoding::Utf8),
        Err(e) if e.error_len().is_none() => Ok(Encoding::Utf8),
        Err(e) => {
            let at = e.valid_up_to();
            // a surrogate: ED A0..BF xx
            if bytes[at] == 0xED && bytes.get(at + 1).is_some_and(|b| (0xA0..=0xBF).contains(b)) {
                Err(NotText::Cesu8)
            } else {
                Err(NotText::Malformed(Encoding::Utf8))
            }
        }
    }
}
