/** Bytes → text, with the checks a YAML reader needs (YAML is Unicode text, never binary). */

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; message: string; /** byte offset of the problem */ at: number; line: number; column: number };

function lineColOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 0, lineStart = 0;
  for (let i = 0; i < at && i < bytes.length; i++) {
    // \n, \r\n and a lone \r end a line (as in YAML and LSP)
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) { line++; lineStart = i + 1; }
  }
  // The column in UTF-16 units, as editors count, of the text before the bad byte.
  return { line, column: new TextDecoder().decode(bytes.subarray(lineStart, at)).length };
}

/** Offset of the first byte that makes `bytes` invalid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number, min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  // UTF-16 with a byte-order mark is valid YAML; decode it rather than calling it binary.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    try {
      const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
      return { ok: true, text: new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(bytes) };
    } catch {
      return { ok: false, message: 'the file starts with a UTF-16 byte-order mark but is not valid UTF-16', at: 0, line: 0, column: 0 };
    }
  }
  let text: string | undefined;
  let bad = -1;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    bad = Math.max(0, firstInvalidUtf8(bytes));
  }
  // Report whichever comes first: a NUL byte (binary data) or a byte that is not UTF-8.
  const nul = bytes.indexOf(0);
  if (nul !== -1 && (bad === -1 || nul < bad)) {
    const { line, column } = lineColOfByte(bytes, nul);
    return { ok: false, message: 'the file contains binary data (a NUL byte); RSP documents are UTF-8 text', at: nul, line, column };
  }
  if (text !== undefined) return { ok: true, text };
  const { line, column } = lineColOfByte(bytes, bad);
  return { ok: false, message: `invalid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, '0') ?? '??'}); save the file as UTF-8`, at: bad, line, column };
}
