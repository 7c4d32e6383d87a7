/** Output formats of the CLI: stylish, json, sarif (2.1.0) and GitHub workflow commands. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../engine/rules';
import { docsUrl, ruleDocs } from '../engine/rules/docs';
import type { Finding } from '../engine/types';
import { jsonText, sarifText, terminalText, workflowCommand } from '../encode';

export interface Located { path: string; finding: Finding }

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function render(format: Format, items: Located[], opts: { color: boolean; version: string; cwd: string; checked?: number; quiet?: boolean }): string {
  switch (format) {
    case 'json': return json(items);
    case 'sarif': return sarif(items, opts.version, opts.cwd);
    case 'github': return github(items);
    default: return stylish(items, opts.color, opts.checked, opts.quiet);
  }
}

function json(items: Located[]): string {
  return jsonText(items.map(({ path: p, finding: f }) => ({
    path: p, rule: f.rule, severity: f.severity, message: f.message,
    range: { start: { line: f.range.start.line, character: f.range.start.character }, end: { line: f.range.end.line, character: f.range.end.character } },
  })), 2) + '\n';
}

const COLORS: Record<Finding['severity'], string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m' };

function stylish(items: Located[], color: boolean, checked?: number, quiet?: boolean): string {
  const c = (code: string, s: string) => (color ? `${code}${s}\x1b[0m` : s);
  const lines = items.map(({ path: p, finding: f }) =>
    `${c('\x1b[4m', `${terminalText(p)}:${f.range.start.line + 1}:${f.range.start.character + 1}`)} ${c(COLORS[f.severity], f.severity)} ${terminalText(f.message)} ${c('\x1b[90m', f.rule)}`);
  if (items.length === 0) {
    if (checked === undefined) return '';
    return `${checked} RSP document${checked === 1 ? '' : 's'} checked: no ${quiet ? 'errors' : 'problems'}\n`;
  }
  const n = (s: Finding['severity']) => items.filter((i) => i.finding.severity === s).length;
  const parts = [`${n('error')} error${n('error') === 1 ? '' : 's'}`, `${n('warning')} warning${n('warning') === 1 ? '' : 's'}`];
  const info = n('information') + n('hint');
  if (info) parts.push(`${info} info${info === 1 ? '' : 's'}`);
  const files = new Set(items.map((i) => i.path)).size;
  lines.push('', c(n('error') ? COLORS.error : COLORS.warning, `${items.length} problem${items.length === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} file${files === 1 ? '' : 's'}`));
  return lines.join('\n') + '\n';
}

/** GitHub workflow commands, one line per finding: nothing a document says can end or start one. */
function github(items: Located[]): string {
  return items.map(({ path: p, finding: f }) => {
    const cmd = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const r = f.range;
    return workflowCommand(cmd, [['file', p.split(path.sep).join('/')], ['line', r.start.line + 1], ['endLine', r.end.line + 1],
      ['col', r.start.character + 1], ['endColumn', r.end.character + 1], ['title', `rsp-lint(${f.rule})`]], f.message);
  }).join('');
}

function sarifLevel(s: Finding['severity']): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

function sarif(items: Located[], version: string, cwd: string): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const base = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'rsp-lint',
          version,
          semanticVersion: version,
          informationUri: 'https://github.com/rsp-tools/rsp-lint',
          rules: RULES.map((r) => ({
            id: r.id,
            name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
            shortDescription: { text: r.description },
            fullDescription: { text: r.description },
            helpUri: docsUrl(r.id),
            help: { text: r.description, markdown: ruleDocs(r.id) ?? r.description },
            defaultConfiguration: { level: sarifLevel(r.severity) },
            properties: { tags: ['rsp', ...r.appliesTo] },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: base } },
      results: items.map(({ path: p, finding: f }) => {
        const abs = path.resolve(cwd, p);
        const rel = path.relative(cwd, abs);
        const inside = rel && !rel.startsWith('..') && !path.isAbsolute(rel);
        const artifactLocation = inside
          ? { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
          : { uri: pathToFileURL(abs).href };
        return {
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) ?? -1,
          level: sarifLevel(f.severity),
          message: { text: sarifText(f.message) },
          locations: [{
            physicalLocation: {
              artifactLocation,
              region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
            },
          }],
        };
      }),
      columnKind: 'utf16CodeUnits',
    }],
  };
  return jsonText(log, 2) + '\n';
}
