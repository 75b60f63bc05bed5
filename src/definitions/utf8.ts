/**
 * Decoding definition files as UTF-8, strictly: an invalid byte is located and shown, never
 * replaced by U+FFFD (which would turn "Facturación" saved as Latin-1 into a rename). Pure.
 */

/** The decoded text (a UTF-8 BOM removed), or where the first invalid byte is. */
export type Utf8Outcome = { text: string } | { line: number; column: number; byte: number };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes `bytes` as UTF-8. A leading BOM is accepted and dropped. On an invalid sequence, returns
 * the 1-based line and column of its first byte (the column counts UTF-16 code units of the line's
 * valid text before it, as every other location does) and that byte.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Outcome {
  try {
    // ignoreBOM: false makes the decoder drop a leading BOM itself.
    return { text: fatal.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const start = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const bomAt = start === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(start + bomAt, offset));
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
    return { line, column: before.length + 1, byte: bytes[offset] ?? 0 };
  }
}

/**
 * Offset of the first byte of the first invalid UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF, no sequence cut short by the end), or -1 when all is valid.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf]
      : b === 0xed ? [3, 0x80, 0x9f]
      : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
      : b === 0xf0 ? [4, 0x90, 0xbf]
      : b === 0xf4 ? [4, 0x80, 0x8f]
      : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}
