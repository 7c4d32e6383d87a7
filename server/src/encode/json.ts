/**
 * JSON and SARIF: valid for any input. `JSON.stringify` already writes lone surrogates and
 * controls as `\u` escapes; U+2028 and U+2029 are escaped too, so the text can also be
 * embedded in JavaScript or HTML, and keys such as `__proto__` are data like any other.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/**
 * A SARIF `message.text`: plain text in which `[` and `]` start embedded links (SARIF 2.1.0
 * §3.11.6), so document text escapes them, and the backslash that escapes.
 */
export function sarifText(s: unknown): string {
  return String(s ?? '').replace(/[\\[\]]/g, '\\$&');
}
