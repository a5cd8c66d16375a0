// text-file.js: reads a dropped or opened .txt file into a string: UTF-8
// (with or without BOM), UTF-16 with a BOM, otherwise GB18030 (which covers
// GBK and GB2312). Binary files and files over the size limit are refused
// with an error the page can show.

/** Largest file or text the page will annotate: 5 MiB. */
export const MAX_BYTES = 5 * 1024 * 1024;
/** The same limit for pasted text, in UTF-16 code units (annotator.js). */
export { MAX_CHARS } from './annotator.js';

export class TextFileError extends Error {
  /** `code`: 'too-large' | 'binary' | 'read'. */
  constructor(code, message) {
    super(message);
    this.name = 'TextFileError';
    this.code = code;
  }
}

/** Decodes file bytes; returns `{ text, encoding }`. */
export function decodeBytes(bytes) {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  }
  if (bytes.includes(0)) throw new TextFileError('binary', 'the file contains NUL bytes');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

/** Reads a File (or Blob) as report text. */
export async function readTextFile(file) {
  if (file.size > MAX_BYTES) throw new TextFileError('too-large', `the file is ${file.size} bytes`);
  let buffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (error) {
    throw new TextFileError('read', error?.message || String(error));
  }
  return decodeBytes(new Uint8Array(buffer));
}
