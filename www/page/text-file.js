// text-file.js: reads a dropped or opened .txt file into a string by the
// CLI's rules (src/encoding.rs, through the engine's sniffEncoding): UTF-8,
// UTF-16 with a byte-order mark, GB18030 (GBK, GB2312) or Big5; refused with
// the reason otherwise (a NUL byte anywhere, CESU-8, malformed bytes,
// another script's encoding). One limit for files and pasted text alike:
// MAX_CHARS characters (UTF-16 code units) of text.

import { MAX_CHARS } from '../engine/annotator.js';

export { MAX_CHARS };

/**
 * A file larger than this cannot decode to MAX_CHARS characters or fewer
 * (no encoding read here takes more than 4 bytes per UTF-16 code unit:
 * GB18030 writes some BMP characters in 4 bytes; UTF-8 takes at most 3), so
 * it is refused before it is read. It was 3 times MAX_CHARS, which refused a
 * GB18030 file of such characters that was within the limit, with a message
 * that said it had too many characters.
 */
export const MAX_FILE_BYTES = 4 * MAX_CHARS;

export class TextFileError extends Error {
  /** `code`: 'too-large' | 'binary' | 'cesu8' | 'malformed' | 'other-script' | 'read'. */
  constructor(code, message) {
    super(message);
    this.name = 'TextFileError';
    this.code = code;
  }
}

/**
 * Decodes file bytes; returns `{ text, encoding }`. `sniff(bytes)` is the
 * engine's `sniffEncoding` (a label, or it throws `CODE: reason`).
 */
export async function decodeBytes(bytes, sniff) {
  let label;
  try {
    label = await sniff(bytes);
  } catch (error) {
    const message = String(error?.message ?? error);
    const code = message.split(':', 1)[0];
    throw new TextFileError(['binary', 'cesu8', 'malformed', 'other-script'].includes(code) ? code : 'read', message);
  }
  let text;
  try {
    // UTF-8 is known valid but for a character cut at the end, which ends
    // in U+FFFD as in the CLI; the others are decoded strictly.
    text = new TextDecoder(label, { fatal: label !== 'UTF-8' }).decode(bytes);
  } catch {
    throw new TextFileError('malformed', `not valid ${label}`);
  }
  if (text.length > MAX_CHARS) throw new TextFileError('too-large', `${text.length} characters`);
  return { text, encoding: label };
}

/** Reads a File (or Blob) as report text; see decodeBytes. */
export async function readTextFile(file, sniff) {
  if (file.size > MAX_FILE_BYTES) throw new TextFileError('too-large', `the file is ${file.size} bytes`);
  let buffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (error) {
    throw new TextFileError('read', error?.message || String(error));
  }
  return decodeBytes(new Uint8Array(buffer), sniff);
}

/** The message key for a failed read (i18n.js). */
export function messageKey(error) {
  const keys = {
    'too-large': 'input.file.tooLarge',
    binary: 'input.file.binary',
    cesu8: 'input.file.cesu8',
    malformed: 'input.file.malformed',
    'other-script': 'input.file.otherScript',
  };
  return (error instanceof TextFileError && keys[error.code]) || 'input.file.readError';
}
