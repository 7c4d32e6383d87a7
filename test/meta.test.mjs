// The documentation and schemas that users and other tools read: complete and consistent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, rspLint } from './lib/cli.mjs';
import { undescribed } from './lib/schema-walk.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;

const sarif = JSON.parse(rspLint(['--format', 'sarif', 'examples/example-labs']).stdout);
const RULES = sarif.runs[0].tool.driver.rules;
const SPEC_RULES = ['yaml-syntax', 'schema', 'kind-mismatch', 'duplicate-id', 'unknown-reference', 'threshold-without-safeguards',
  'threshold-without-evaluation', 'asl-not-defined', 'risk-report-cadence', 'goal-without-owner', 'goal-without-due-date',
  'goal-overdue', 'goal-unlinked', 'roadmap-area-empty', 'dependency-cycle', 'threshold-not-assessed',
  'crossed-without-safeguards', 'report-stale', 'config', 'unused-suppression'];

test('every rule of spec §5 is registered with its default severity', () => {
  const ids = RULES.map((r) => r.id);
  for (const id of SPEC_RULES) assert.ok(ids.includes(id), id);
  const level = Object.fromEntries(RULES.map((r) => [r.id, r.defaultConfiguration.level]));
  for (const id of ['threshold-without-evaluation', 'asl-not-defined', 'risk-report-cadence', 'goal-overdue', 'roadmap-area-empty', 'threshold-not-assessed', 'report-stale', 'unused-suppression']) assert.equal(level[id], 'warning', id);
  assert.equal(level['goal-unlinked'], 'note');
  for (const id of SPEC_RULES.filter((x) => !['warning', 'note'].includes(level[x]))) assert.equal(level[id], 'error', id);
});

test('every rule has a docs page with the standard sections, listed in the index', () => {
  const index = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
  for (const r of RULES) {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8');
    assert.ok(page.startsWith(`# \`${r.id}\``), r.id);
    for (const h of ['## What it flags', '## Why it matters', '## Avoid', '## Prefer', '## Configuration']) assert.ok(page.includes(h), `${r.id}: ${h}`);
    assert.ok(index.includes(`(${r.id}.md)`), `index links ${r.id}`);
  }
});

for (const name of ['policy', 'roadmap', 'risk-report', 'rsp-lint-config', 'policy.v2', 'roadmap.v2', 'risk-report.v2', 'profile.v2']) {
  test(`schemas/${name}.schema.json compiles standalone and describes every property`, () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    ajv.compile(schema);
    assert.deepEqual(undescribed(schema), []);
  });
}

test('schema $ids are the raw URLs of the files; schemas/catalog.json (SchemaStore format) lists each with the fileMatch the extension uses', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const raw = (f) => `https://raw.githubusercontent.com/rsp-tools/rsp-lint/main/schemas/${f}`;
  assert.equal(pkg.repository.url, 'https://github.com/rsp-tools/rsp-lint');
  const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'catalog.json'), 'utf8'));
  assert.equal(catalog.$schema, 'https://json.schemastore.org/schema-catalog.json');
  const files = fs.readdirSync(path.join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
  assert.deepEqual(catalog.schemas.map((s) => s.url.split('/').pop()).sort(), files);
  for (const f of files) {
    assert.equal(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', f), 'utf8')).$id, raw(f), f);
    const entry = catalog.schemas.find((s) => s.url === raw(f));
    assert.ok(entry.name && entry.description && !entry.description.endsWith('.'), f);
    const contributed = pkg.contributes.yamlValidation.find((v) => v.url === `./schemas/${f}`);
    // A schema chosen by its content, not its file name (rsp/v2, while the v1 schemas own the suffixes), has neither a fileMatch nor a contribution.
    if (!entry.fileMatch) { assert.equal(contributed, undefined, f); continue; }
    assert.deepEqual(entry.fileMatch, contributed.fileMatch, f);
  }
});

test('docs/schemas.md: the yaml-language-server modeline example names a schema that exists', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'schemas.md'), 'utf8');
  const lines = [...doc.matchAll(/^# yaml-language-server: \$schema=(\S+)$/gm)].map((m) => m[1]);
  assert.ok(lines.length >= 1);
  for (const u of lines) {
    const m = /^https:\/\/raw\.githubusercontent\.com\/rsp-tools\/rsp-lint\/main\/(schemas\/[a-z-]+\.schema\.json)$/.exec(u);
    assert.ok(m && fs.existsSync(path.join(ROOT, m[1])), u);
  }
});

test('snippets: each document template, expanded with its defaults, is a valid document; the block snippets fit into one', async () => {
  const { expandSnippet } = await import('./lib/snippets.mjs');
  const { tempTree } = await import('./lib/docs.mjs');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const byLang = Object.fromEntries(pkg.contributes.snippets.map((s) => [s.language, JSON.parse(fs.readFileSync(path.join(ROOT, s.path), 'utf8'))]));
  assert.deepEqual(Object.keys(byLang).sort(), ['rsp-policy', 'rsp-risk-report', 'rsp-roadmap']);
  const names = Object.values(byLang).flatMap((s) => Object.keys(s));
  for (const n of ['RSP policy document', 'RSP roadmap document', 'RSP risk report document', 'ASL standard', 'Capability threshold', 'Goal', 'Threshold assessment']) assert.ok(names.includes(n), n);
  const doc = (lang) => expandSnippet(Object.values(byLang[lang]).find((s) => s.isFileTemplate).body);
  const block = (lang, name, indent) => expandSnippet(byLang[lang][name].body).split('\n').map((l) => (l ? indent + l : l)).join('\n');
  const policy = doc('rsp-policy');
  // The policy template leaves one thing to do, which the walkthrough shows as its first finding.
  const dir = tempTree({
    'example.rsp.yaml': policy,
    'example.roadmap.yaml': doc('rsp-roadmap'),
    'q.risk-report.yaml': doc('rsp-risk-report'),
  });
  const r = JSON.parse(rspLint(['--format', 'json', '--today', '2026-11-23', '.'], { cwd: dir }).stdout);
  assert.deepEqual(r.map((f) => `${f.path} ${f.rule}`), ['example.rsp.yaml threshold-without-evaluation']);
  // Blocks appended to their lists: still no error.
  const more = tempTree({
    'example.rsp.yaml': policy.replace('\nthresholds:\n', `\n${block('rsp-policy', 'ASL standard', '  ').replace('ASL-3', 'ASL-4').replaceAll('asl3', 'asl4')}\nthresholds:\n${block('rsp-policy', 'Capability threshold', '  ')}\n`),
    'example.roadmap.yaml': doc('rsp-roadmap').trimEnd() + '\n' + block('rsp-roadmap', 'Goal', '  ') + '\n',
    'q.risk-report.yaml': doc('rsp-risk-report').replace('\nsafeguards_status:\n', `\n${block('rsp-risk-report', 'Threshold assessment', '  ').replace('CBRN-3', 'CYBER-3')}\nsafeguards_status:\n`),
  });
  const m = JSON.parse(rspLint(['--format', 'json', '--today', '2026-11-23', '.'], { cwd: more }).stdout);
  assert.deepEqual(m.filter((f) => f.severity === 'error').map((f) => `${f.path} ${f.rule} ${f.message}`), []);
});
