/**
 * The compliance coverage matrix in HTML, for the overview page (webview and `rsp-lint report`):
 * per profile a table of its requirements — id and title, citation, met or gap — each row linked
 * to the policy element or claim that meets it (or, for a gap, to the profile's entry in
 * `compliance.profiles`), with what would meet it. The caller passes its `link` (the overview's
 * `vscode://` or `data-path` links). Every value is escaped: document and profile text is
 * untrusted.
 */
import { htmlText as esc } from '../encode';
import type { CoverageView, Place } from '../engine/features/coverage';

export type LinkFn = (at: Place, inner: string, cls: string, title?: string, attrs?: string) => string;

const token = (s: string) => s.replace(/[^a-z0-9-]/gi, '').toLowerCase() || 'x';

export function coverageHtml(cov: CoverageView, link: LinkFn): string {
  const out: string[] = ['<section class="coverage" data-coverage="true"><h3>Compliance coverage</h3>'];
  for (const p of cov.profiles) {
    const name = p.title ?? p.id ?? p.ref;
    const head = `${esc(name)}${p.id && p.title ? ` <span class="mono muted">${esc(p.id)}</span>` : ''}`;
    out.push(`<div class="cprofile" data-profile="${esc(p.id ?? p.ref)}"><h4>${p.at ? link(p.at, head, 'plain', 'the profile\'s entry in compliance.profiles') : head}</h4>`);
    if (p.error) { out.push(`<p class="warntext">${esc(p.error)}</p></div>`); continue; }
    out.push(`<p class="cfacts"><span class="cmet">${p.met} met</span> · <span class="${p.gaps ? 'warntext' : 'muted'}">${p.gaps} gap${p.gaps === 1 ? '' : 's'}</span></p>`);
    out.push('<table class="cmatrix"><thead><tr><th scope="col">Requirement</th><th scope="col">Citation</th><th scope="col">Status</th><th scope="col">Met by / what would meet it</th></tr></thead><tbody>');
    for (const r of cov.rows.filter((x) => x.entry === p.index)) {
      const st = r.status === 'met' ? `<span class="cst cst-met" data-status="met"><span aria-hidden="true">✓</span> met</span>` : `<span class="cst cst-gap cst-${token(r.severity)}" data-status="gap"><span aria-hidden="true">✗</span> gap</span>`;
      const how = r.status === 'met'
        ? `${r.via === 'claim' ? `claim${r.section ? ` (${esc(r.section)})` : ''}` : `check <span class="mono">${esc(r.check)}</span>`}${r.by.length ? `: ${r.by.map((x) => `<span class="mono">${esc(x)}</span>`).join(', ')}` : ''}`
        : esc(r.need ?? '');
      const howCell = r.at ? link(r.at, how, 'plain', r.status === 'met' ? 'open what meets it' : 'open the profile entry') : how;
      out.push(`<tr class="creq creq-${r.status}" data-requirement="${esc(`${r.profile}/${r.requirement}`)}" data-status="${r.status}"><th scope="row"><span class="mono">${esc(r.requirement)}</span> ${esc(r.title)}${r.summary ? `<div class="muted csum">${esc(r.summary)}</div>` : ''}</th><td class="ccite">${esc(r.citation)}</td><td>${st}</td><td>${howCell}</td></tr>`);
    }
    out.push('</tbody></table></div>');
  }
  out.push('<p class="muted cnote">Coverage is a structural check of the policy document against each requirement, not legal advice.</p></section>');
  return out.join('\n');
}

export const COVERAGE_CSS = `
.coverage h4{margin:.8em 0 .2em}
.cmatrix{border-collapse:collapse;width:100%;margin:.3em 0 1em}
.cmatrix th,.cmatrix td{border:1px solid var(--line,#8884);padding:.25em .5em;text-align:left;vertical-align:top}
.cmatrix .csum{font-size:.85em;font-weight:normal}
.cmatrix .ccite{white-space:nowrap}
.cst{font-weight:600;white-space:nowrap}
.cst-met{color:#1a7f37}
.cst-gap{color:#b35900}
.cst-error{color:#cf222e}
@media print{.cmatrix{break-inside:auto}}
`;
