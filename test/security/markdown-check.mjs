// Renders Markdown the way its readers do and checks it is inert: GitHub-flavoured Markdown
// (micromark with the GFM extensions: tables, autolink literals, strike-through) for pull-request
// comments and reports, and marked (what VS Code renders hovers with).
import assert from 'node:assert/strict';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { marked } from 'marked';

/** HTML elements a renderer may produce from the tool's own Markdown. */
const ALLOWED_TAGS = new Set(['p', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr', 'a']);

/**
 * Asserts that rendering `markdown` gives no element beyond the tool's own structure: no image,
 * no raw HTML, and links only to `allowedLinks` (the tool's docs, file positions).
 */
export async function assertInertMarkdown(markdown, { allowedLinks = [] } = {}) {
  const renders = {
    gfm: micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true }),
    marked: await marked.parse(markdown, { gfm: true }),
  };
  for (const [name, html] of Object.entries(renders)) {
    for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
      assert.ok(ALLOWED_TAGS.has(m[1].toLowerCase()), `${name}: element <${m[1]}> from document text: ${m[0]}`);
      if (m[1].toLowerCase() === 'a') {
        const href = /href="([^"]*)"/.exec(m[2])?.[1] ?? '';
        assert.ok(allowedLinks.some((p) => (typeof p === 'string' ? href === p : p.test(href))), `${name}: a link from document text: ${m[0]}`);
      }
      assert.doesNotMatch(m[2], /\son[a-z]+=|\ssrc=|\sstyle=/i, `${name}: ${m[0]}`);
    }
  }
  return renders;
}
