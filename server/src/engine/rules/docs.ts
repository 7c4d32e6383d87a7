/** Where each rule's documentation lives: the page text (bundled) and a link for diagnostics. */
import pages from 'virtual:rule-docs';

export const REPOSITORY = 'https://github.com/rsp-tools/rsp-lint';

export function docsUrl(rule: string): string {
  return `${REPOSITORY}/blob/main/docs/rules/${rule}.md`;
}

/** The Markdown page of a rule, as shipped in docs/rules/. */
export function ruleDocs(rule: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(pages, rule) ? pages[rule] : undefined;
}
