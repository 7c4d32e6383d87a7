/**
 * HTML (the report, the overview webview, rendered documents): text and attribute escaping
 * with hidden characters made visible, and URLs from documents only through `safeUrl`.
 * Pages carry a CSP with `default-src 'none'` and scripts and styles only by nonce.
 */
import { visible, wellFormed } from './text';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Document text inside an element or a quoted attribute value. */
export function htmlText(s: unknown): string {
  return wellFormed(visible(s)).replace(/[&<>"'`]/g, (c) => ENTITY[c]!);
}

/** Same as `htmlText`; named for attribute values (always double-quoted by the renderers). */
export const htmlAttr = htmlText;

/**
 * A URL from a document, if it may become an `href`: absolute, with an allowed scheme (https
 * and http by default), no credentials, no whitespace or control characters; escaped for an
 * attribute. Anything else gives undefined: show it as text instead.
 */
export function safeUrl(url: unknown, schemes: readonly string[] = ['https:', 'http:']): string | undefined {
  if (typeof url !== 'string' || url.length > 2048 || /[\s\u0000-\u001f\u007f-\u009f]/.test(url)) return undefined;
  let u: URL;
  try { u = new URL(url); } catch { return undefined; }
  if (!schemes.includes(u.protocol) || u.username || u.password) return undefined;
  return htmlAttr(u.href);
}

/** A Content-Security-Policy for a self-contained page: nothing loads, styles and scripts by nonce. */
export function contentSecurityPolicy(nonce: string, opts: { script?: boolean; images?: 'none' | 'data' } = {}): string {
  const parts = [`default-src 'none'`, `style-src 'nonce-${nonce}'`];
  if (opts.script) parts.push(`script-src 'nonce-${nonce}'`);
  if (opts.images === 'data') parts.push('img-src data:');
  parts.push(`base-uri 'none'`, `form-action 'none'`);
  return parts.join('; ');
}
