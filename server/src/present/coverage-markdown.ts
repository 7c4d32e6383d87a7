/**
 * Compliance coverage as GitHub-flavoured Markdown (`rsp-lint coverage --format markdown`, and
 * the coverage section of `rsp-lint report --format markdown`): per policy and profile, a
 * matrix of requirements — citation, title, met or gap, and what meets it or would. Every piece
 * of document or profile text goes through `mdText`.
 */
import { mdText } from '../encode';
import type { CoverageView } from '../engine/features/coverage';

const md = mdText;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

export const COVERAGE_NOTE = 'Coverage is a structural check of the policy document against each requirement, not legal advice.';

/** The coverage section of one policy (heading level given), or nothing when it lists no profile. */
export function coverageMarkdown(c: CoverageView, level = 3): string[] {
  if (!c.profiles.length) return [];
  const out: string[] = [];
  const h = '#'.repeat(level);
  for (const p of c.profiles) {
    const name = p.title ?? p.id ?? p.ref;
    out.push(`${h} Compliance: ${md(name)}${p.id && p.title ? ` (${md(p.id)})` : ''}`, '');
    if (p.error) { out.push(`⚠️ ${md(p.error)}`, ''); continue; }
    out.push(`${md(c.path)} · **${p.met} met**, **${p.gaps} gap${p.gaps === 1 ? '' : 's'}**`, '');
    out.push(row(['requirement', 'citation', 'status', 'met by / what would meet it']), row(['---', '---', '---', '---']));
    for (const r of c.rows.filter((x) => x.entry === p.index)) {
      const status = r.status === 'met' ? '✅ met' : r.severity === 'error' ? '❌ **gap**' : '🟠 **gap**';
      const how = r.status === 'met'
        ? `${r.via === 'claim' ? `claim${r.section ? ` (${md(r.section)})` : ''}` : `check ${md(r.check)}`}${r.by.length ? `: ${r.by.map(md).join(', ')}` : ''}${r.at ? ` (line ${r.at.line + 1})` : ''}`
        : md(r.need ?? '');
      out.push(row([`**${md(r.requirement)}** ${md(r.title)}`, md(r.citation), status, how]));
    }
    out.push('');
  }
  out.push(`_${COVERAGE_NOTE}_`);
  return out;
}

/** `rsp-lint coverage --format markdown`: every policy's coverage. */
export function renderCoverageMarkdown(views: CoverageView[]): string {
  const out: string[] = ['## Compliance coverage', ''];
  const shown = views.filter((v) => v.profiles.length);
  if (!shown.length) out.push('_No policy lists a compliance profile._');
  for (const v of shown) out.push(`### ${md(v.path)}`, '', ...coverageMarkdown(v, 4), '');
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
