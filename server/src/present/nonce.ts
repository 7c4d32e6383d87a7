/**
 * Nonces for the pages' Content-Security-Policy: a random one for a webview (a new one for each
 * page), and one derived from the page itself for a file, so that the same input gives the same
 * bytes.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b % 62]).join('');
}

/** A nonce derived from `text` (two 32-bit FNV-style hashes), starting with `prefix`. */
export function contentNonce(text: string, prefix: string): string {
  let a = 0x811c9dc5, b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 7), 0x5bd1e995) >>> 0;
  }
  return `${prefix}${a.toString(36)}${b.toString(36)}`.padEnd(16, '0');
}
