// The rsp/v2 schemas and the v2 examples, checked without the engine: the schemas compile
// the way the engine compiles schemas (ajv, draft-07, strict, the date format) and describe
// every property; every v2 example validates against the schema of its kind; and a small
// reference check and a preview of the §6 rules, written here because the engine's v2 rules
// do not exist yet, keep the examples' ids and findings honest.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { undescribed } from './lib/schema-walk.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const YAML = require('yaml');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KINDS = ['policy', 'roadmap', 'risk-report', 'profile'];
const SUFFIX = { policy: /\.rsp\.ya?ml$/, roadmap: /\.roadmap\.ya?ml$/, 'risk-report': /\.risk-report\.ya?ml$/, profile: /\.profile\.ya?ml$/ };
const readSchema = (kind) => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${kind}.v2.schema.json`), 'utf8'));

// As server/src/engine/model/schema.ts builds its validator.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true });
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
addFormats(ajv, ['date']);
const validators = Object.fromEntries(KINDS.map((k) => [k, ajv.compile(readSchema(k))]));
const errorsOf = (kind, doc) => (validators[kind](doc) ? [] : validators[kind].errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`));

// ------------------------------------------------------------------------------------------
// The schemas themselves
// ------------------------------------------------------------------------------------------

describe('the v2 schemas', () => {
  for (const kind of KINDS) {
    test(`${kind}.v2: valid draft-07, compiles strict as the engine does, $id is its raw URL, every property described, objects closed`, () => {
      const schema = readSchema(kind);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.equal(schema.$id, `https://raw.githubusercontent.com/rsp-tools/rsp-lint/main/schemas/${kind}.v2.schema.json`);
      // Valid against the draft-07 meta-schema (ajv's own, not a download).
      const meta = new Ajv({ strict: false });
      addFormats(meta);
      meta.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
      assert.equal(meta.validateSchema(schema), true, JSON.stringify(meta.errors));
      assert.deepEqual(undescribed(schema), []);
      assert.equal(schema.required[0], 'format');
      assert.equal(schema.properties.format.const, 'rsp/v2');
      assert.equal(schema.properties.kind.const, kind);
    });
  }

  test('schemas/catalog.json lists every v2 schema; the v1 schema files are still there', () => {
    const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'catalog.json'), 'utf8'));
    for (const kind of KINDS) assert.ok(catalog.schemas.some((s) => s.url.endsWith(`/schemas/${kind}.v2.schema.json`)), kind);
    for (const f of ['policy', 'roadmap', 'risk-report']) assert.equal(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${f}.schema.json`), 'utf8')).properties.format.const, 'rsp/v1');
  });
});

// Minimal valid documents, to probe the schemas one change at a time.
const MIN = {
  policy: () => ({
    format: 'rsp/v2', kind: 'policy',
    policy: { id: 'p', title: 'Policy', organization: 'Org', version: '1', effective: '2026-01-01' },
    standards: [{ id: 'S-1', summary: 'Baseline.' }],
    thresholds: [{ id: 'T-1', title: 'A threshold', requires: 'S-1' }],
  }),
  roadmap: () => ({
    format: 'rsp/v2', kind: 'roadmap',
    roadmap: { id: 'r', title: 'Roadmap', policy: 'p.rsp.yaml', published: '2026-01-01' },
    goals: [{ id: 'G-1', area: 'security', title: 'A goal' }],
  }),
  'risk-report': () => ({
    format: 'rsp/v2', kind: 'risk-report',
    report: { id: '2026-q1', policy: 'p.rsp.yaml', models: ['M-1'], published: '2026-03-01' },
    assessments: [{ threshold: 'T-1', determination: 'below' }],
  }),
  profile: () => ({
    format: 'rsp/v2', kind: 'profile',
    profile: { id: 'acme', title: 'Acme standard' },
    requirements: [{ id: 'IR-1', citation: 'Acme §4.2', title: 'Incidents reported within 3 days', check: 'incident-reporting', params: { max_days: 3 } }],
  }),
};

describe('what the v2 schemas accept and reject', () => {
  for (const kind of KINDS) {
    test(`${kind}: the minimal document is valid; an unknown key, a v1 key and format rsp/v1 are not`, () => {
      assert.deepEqual(errorsOf(kind, MIN[kind]()), []);
      const unknown = MIN[kind]();
      unknown.colour = 'blue';
      assert.ok(errorsOf(kind, unknown).some((e) => e.includes('(colour)')), 'unknown top-level key');
      const v1 = MIN[kind]();
      v1.asl_standards = [{ level: 'ASL-3', summary: 'x' }];
      assert.ok(errorsOf(kind, v1).some((e) => e.includes('(asl_standards)')), 'asl_standards is a v1 name');
      assert.ok(errorsOf(kind, { ...MIN[kind](), format: 'rsp/v1' }).length > 0);
    });
  }

  test('policy: the other v1 names are out (a standard\'s level), the v2 ones in; an unknown nested key is out', () => {
    const p = MIN.policy();
    p.standards[0].level = 'ASL-3';
    assert.ok(errorsOf('policy', p).some((e) => e.includes('(level)')));
    const q = MIN.policy();
    q.thresholds[0].reqires = 'S-1';
    assert.ok(errorsOf('policy', q).some((e) => e.startsWith('/thresholds/0 ') && e.includes('(reqires)')));
    // v1 documents are not v2 documents.
    const v1 = YAML.parse(fs.readFileSync(path.join(ROOT, 'examples', 'example-labs-v1', 'example-labs.rsp.yaml'), 'utf8'));
    assert.ok(errorsOf('policy', { ...v1, format: 'rsp/v2' }).some((e) => e.includes('(asl_standards)')));
  });

  test('policy: requires is one standard id or a list of them; nothing else', () => {
    for (const requires of ['S-1', ['S-1'], ['S-1', 'S-2']]) {
      const p = MIN.policy();
      p.thresholds[0].requires = requires;
      assert.deepEqual(errorsOf('policy', p), [], JSON.stringify(requires));
    }
    for (const requires of [[], 3, 'not an id', ['S-1', 'S-1'], { id: 'S-1' }]) {
      const p = MIN.policy();
      p.thresholds[0].requires = requires;
      assert.ok(errorsOf('policy', p).length > 0, JSON.stringify(requires));
    }
  });

  test('policy: domains are the known ones or any other identifier; roles, levels and fields a rule asks for', () => {
    const p = MIN.policy();
    for (const domain of ['cbrn', 'harmful-manipulation', 'instrumental-reasoning', 'election-integrity']) {
      p.thresholds[0].domain = domain;
      assert.deepEqual(errorsOf('policy', p), [], domain);
    }
    p.thresholds[0].domain = 'bio chem';
    assert.ok(errorsOf('policy', p).length > 0);
    delete p.thresholds[0].domain; // optional in v2 (§2: "everything else shown is optional")
    assert.deepEqual(errorsOf('policy', p), []);
    // An alert without warns is rule alert-without-target's finding, not a schema error.
    p.thresholds.push({ id: 'T-0', title: 'Early warning', role: 'alert' });
    assert.deepEqual(errorsOf('policy', p), []);
    p.thresholds[1].role = 'watch';
    assert.ok(errorsOf('policy', p).some((e) => e.includes('allowed values')));
  });

  test('policy: a claim needs by ids or a statement; v1 governance strings stay valid', () => {
    const p = MIN.policy();
    p.compliance = { profiles: ['ca-sb53', './acme.profile.yaml'], claims: [{ requirement: 'ca-sb53/internal-use', by: ['T-1'] }] };
    assert.deepEqual(errorsOf('policy', p), []);
    p.compliance.claims.push({ requirement: 'ca-sb53/x' });
    assert.ok(errorsOf('policy', p).some((e) => e.includes("'statement'")));
    p.compliance.claims[1].statement = 'We do.';
    p.compliance.profiles.push('not-a-profile');
    assert.ok(errorsOf('policy', p).length > 0, 'an unknown built-in profile id');
    const q = MIN.policy();
    q.governance = { responsible_scaling_officer: 'A. Person', approvers: ['CEO'], noncompliance_reporting: 'Anonymous line', compliance_review: 'Yearly' };
    assert.deepEqual(errorsOf('policy', q), []);
    q.governance.noncompliance_reporting = { channel: 'Anonymous line', anonymous: true };
    assert.deepEqual(errorsOf('policy', q), []);
  });

  test('risk report: models is a list or one string; model and asl_applied are v1 names', () => {
    const r = MIN['risk-report']();
    r.report.models = 'M-1';
    assert.deepEqual(errorsOf('risk-report', r), []);
    r.report.models = [];
    assert.ok(errorsOf('risk-report', r).length > 0);
    const v1 = MIN['risk-report']();
    delete v1.report.models;
    v1.report.model = 'M-1';
    assert.ok(errorsOf('risk-report', v1).some((e) => e.includes('(model)')));
    const a = MIN['risk-report']();
    a.assessments[0].asl_applied = 'ASL-3';
    assert.ok(errorsOf('risk-report', a).some((e) => e.includes('(asl_applied)')));
    a.assessments[0] = { threshold: 'T-1', determination: 'near', standard_applied: 'S-1', evidence: ['a string', { evaluation: 'E-1', result: 'r', source: 's' }] };
    assert.deepEqual(errorsOf('risk-report', a), []);
    a.assessments[0].evidence.push({ evaluaton: 'E-1' });
    assert.ok(errorsOf('risk-report', a).length > 0);
  });

  test('roadmap: owner and due are left to the rules; done/dropped fields are optional', () => {
    const r = MIN.roadmap();
    assert.deepEqual(errorsOf('roadmap', r), []);
    Object.assign(r.goals[0], { status: 'done', completed: '2026-05-01', success_criteria: ['x'], evidence: ['https://example.org'], reason: 'n/a' });
    assert.deepEqual(errorsOf('roadmap', r), []);
    r.goals[0].completed = '1 May 2026';
    assert.ok(errorsOf('roadmap', r).length > 0);
  });

  test('profile: a check gets the parameters it needs', () => {
    const p = MIN.profile();
    delete p.requirements[0].params;
    assert.ok(errorsOf('profile', p).some((e) => e.includes("'params'")));
    p.requirements[0].params = { max_hours: 72, imminent_max_hours: 24 };
    assert.deepEqual(errorsOf('profile', p), []);
    p.requirements.push({ id: 'REV', citation: 'x', title: 'Yearly review', check: 'framework-review', params: {} });
    assert.ok(errorsOf('profile', p).some((e) => e.includes("'max_months'")));
    p.requirements[1].params.max_months = 12;
    p.requirements.push({ id: 'C', citation: 'y', title: 'Claimed', check: 'claim', severity: 'error' });
    assert.deepEqual(errorsOf('profile', p), []);
  });
});

// ------------------------------------------------------------------------------------------
// The examples
// ------------------------------------------------------------------------------------------

const V2_DIRS = ['anthropic-rsp-v3', 'openai-preparedness-v2', 'gdm-fsf-v3', 'example-labs'];

/** Every rsp/v2 document under examples/ (with-problems is left out: it is broken on purpose), parsed (YAML 1.2 core: dates stay strings). */
function loadExamples() {
  const out = [];
  for (const dir of fs.readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'with-problems') continue;
    for (const f of fs.readdirSync(path.join(ROOT, 'examples', dir.name)).sort()) {
      const kind = KINDS.find((k) => SUFFIX[k].test(f));
      if (!kind) continue;
      const file = path.join(ROOT, 'examples', dir.name, f);
      const text = fs.readFileSync(file, 'utf8');
      const lines = new YAML.LineCounter();
      const doc = YAML.parseDocument(text, { lineCounter: lines });
      assert.deepEqual(doc.errors, [], file);
      const data = doc.toJS();
      if (data?.format !== 'rsp/v2') continue;
      out.push({ dir: dir.name, name: f, file, kind, text, doc, lines, data });
    }
  }
  return out;
}
const EXAMPLES = loadExamples();

const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * A preview of rsp-lint's rules on one folder of v2 documents: unknown references (every id
 * the contract says is a reference), duplicate ids, and the rules of v2 §6 plus the v1 rules
 * by role. Returns findings as "file rule id". Honors `# rsp-lint-disable-next-line` comments.
 */
function lintPreview(dir, today) {
  const docs = EXAMPLES.filter((e) => e.dir === dir);
  const findings = [];
  const suppressed = (d, pathInDoc, rule) => {
    const node = d.doc.getIn(pathInDoc, true);
    if (!node?.range) return false;
    const line = d.lines.linePos(node.range[0]).line; // 1-based
    const prev = d.text.split('\n')[line - 2] ?? '';
    const m = /#\s*rsp-lint-disable-next-line\s+(.*)$/.exec(prev);
    return !!m && m[1].split(',').map((s) => s.trim()).includes(rule);
  };
  const report = (d, rule, id, at) => { if (!(at && suppressed(d, at, rule))) findings.push(`${d.name} ${rule} ${id}`); };
  const byPath = (from, rel) => docs.find((x) => x.file === path.resolve(path.dirname(from.file), rel));

  const policies = new Map();
  for (const d of docs.filter((x) => x.kind === 'policy')) {
    const p = d.data;
    const ids = new Map();
    const define = (id, what) => { if (ids.has(id)) report(d, 'duplicate-id', id); ids.set(id, what); };
    for (const s of list(p.scales)) define(s.id, 'scale');
    const safeguards = new Map();
    for (const s of list(p.standards)) {
      define(s.id, 'standard');
      for (const g of [...list(s.deployment), ...list(s.security)]) { define(g.id, 'safeguard'); safeguards.set(g.id, s.id); }
    }
    const evaluations = new Set();
    for (const t of list(p.thresholds)) {
      define(t.id, 'threshold');
      for (const e of list(t.evaluations)) { define(e.id, 'evaluation'); evaluations.add(e.id); }
    }
    for (const c of list(p.commitments)) define(c.id, 'commitment');
    const roles = new Set(list(p.governance?.roles).map((r) => r.id));
    for (const r of list(p.governance?.roles)) define(r.id, 'role');
    for (const x of list(p.governance?.decisions)) define(x.id, 'decision');
    const standards = new Map(list(p.standards).map((s) => [s.id, s]));
    const thresholds = new Map(list(p.thresholds).map((t) => [t.id, t]));
    const scales = new Map(list(p.scales ?? [{ id: 'asl', applies_to: 'safeguards', levels: ['ASL-1', 'ASL-2', 'ASL-3', 'ASL-4'] }]).map((s) => [s.id, s]));
    const capabilityLevels = new Set([...scales.values()].filter((s) => s.applies_to === 'capability').flatMap((s) => s.levels));
    const ref = (ok, id, at) => { if (!ok) report(d, 'unknown-reference', id, at); };
    const roleRef = (id) => { if (roles.size) ref(roles.has(id), id); };

    list(p.standards).forEach((s, i) => {
      if (s.scale) {
        ref(scales.has(s.scale), s.scale);
        if (scales.has(s.scale) && !scales.get(s.scale).levels.includes(s.id)) report(d, 'level-not-in-scale', s.id);
      }
    });
    list(p.thresholds).forEach((t, i) => {
      const role = t.role ?? 'threshold';
      const req = list(t.requires);
      req.forEach((r) => ref(standards.has(r), r));
      list(t.safeguards).forEach((g) => ref(safeguards.has(g), g));
      if (t.level !== undefined && !capabilityLevels.has(t.level)) report(d, 'level-not-in-scale', t.id);
      if (role === 'alert' && (!t.warns || (thresholds.get(t.warns)?.role ?? 'threshold') !== 'threshold' || !thresholds.has(t.warns))) {
        if (t.warns && !thresholds.has(t.warns)) ref(false, t.warns); else report(d, 'alert-without-target', t.id);
      }
      if (role === 'threshold') {
        const named = req.flatMap((r) => [...list(standards.get(r)?.deployment), ...list(standards.get(r)?.security)]);
        if (!named.length && !list(t.safeguards).length) report(d, 'threshold-without-safeguards', t.id);
      }
      if (!list(t.evaluations).length) report(d, 'threshold-without-evaluation', t.id, ['thresholds', i, 'id']);
      req.forEach((r, j) => {
        const st = standards.get(r)?.status ?? 'defined';
        if (st !== 'defined') report(d, 'asl-not-defined', `${t.id}->${r}`, Array.isArray(t.requires) ? ['thresholds', i, 'requires', j] : ['thresholds', i, 'requires']);
      });
    });
    for (const c of list(p.commitments)) list(c.applies_to).forEach((x) => ref(standards.has(x) || thresholds.has(x), x));
    for (const x of list(p.governance?.decisions)) [...list(x.by), ...list(x.advised_by)].forEach(roleRef);
    for (const part of ['review', 'incident_response']) if (p.governance?.[part]?.owner) roleRef(p.governance[part].owner);
    for (const c of list(p.changes)) for (const it of list(c.items)) {
      if (it.change !== 'removed' && !it.ref.includes('.')) ref(ids.has(it.ref), it.ref);
      if (it.change === 'renamed') assert.ok(it.from, `${d.name}: renamed ${it.ref} without from`);
    }
    const cadence = p.risk_reports?.cadence_months;
    if (cadence !== undefined && (cadence < 3 || cadence > 6)) report(d, 'risk-report-cadence', String(cadence));
    if (p.policy.supersedes && !list(p.changes).some((c) => c.version === p.policy.version)) report(d, 'change-unlogged', p.policy.version);
    policies.set(d.file, { d, ids, roles, standards, thresholds, safeguards, evaluations, scales });
  }

  const roadmaps = new Map();
  for (const d of docs.filter((x) => x.kind === 'roadmap')) {
    const pol = policies.get(byPath(d, d.data.roadmap.policy)?.file);
    if (!pol) report(d, 'unknown-reference', d.data.roadmap.policy);
    const goals = new Set();
    for (const g of d.data.goals) {
      if (goals.has(g.id)) report(d, 'duplicate-id', g.id);
      goals.add(g.id);
    }
    const areas = new Set();
    for (const g of d.data.goals) {
      areas.add(g.area);
      list(g.supports).forEach((x) => { if (pol && !pol.ids.has(x)) report(d, 'unknown-reference', x); });
      list(g.depends_on).forEach((x) => { if (!goals.has(x)) report(d, 'unknown-reference', x); });
      if (!g.owner || /^(tbd|todo|\?|none|n\/a)$/i.test(String(g.owner).trim())) report(d, 'goal-without-owner', g.id);
      if (!g.due) report(d, 'goal-without-due-date', g.id);
      if (g.due && g.due < today && !['done', 'dropped'].includes(g.status)) report(d, 'goal-overdue', g.id);
      if (g.status === 'done' && !g.completed) report(d, 'goal-done-without-date', g.id);
      if (g.status === 'dropped' && !g.reason) report(d, 'goal-dropped-without-reason', g.id);
      if (!list(g.supports).length) report(d, 'goal-unlinked', g.id);
    }
    for (const a of ['security', 'alignment', 'safeguards', 'policy']) if (!areas.has(a)) report(d, 'roadmap-area-empty', a);
    roadmaps.set(d.file, d);
  }

  for (const d of docs.filter((x) => x.kind === 'risk-report')) {
    const r = d.data;
    const pol = policies.get(byPath(d, r.report.policy)?.file);
    assert.ok(pol, `${d.name}: report.policy ${r.report.policy} is a v2 policy in the same folder`);
    const ref = (ok, id) => { if (!ok) report(d, 'unknown-reference', id); };
    const roleRef = (id) => { if (pol.roles.size) ref(pol.roles.has(id), id); };
    const roadmap = r.report.roadmap ? roadmaps.get(byPath(d, r.report.roadmap)?.file) : undefined;
    if (r.report.roadmap) ref(roadmap, r.report.roadmap);
    if (r.report.previous) ref(docs.some((x) => x.kind === 'risk-report' && x.file === path.resolve(path.dirname(d.file), r.report.previous)), r.report.previous);
    const tms = new Set();
    for (const tm of list(r.threat_models)) {
      if (tms.has(tm.id)) report(d, 'duplicate-id', tm.id);
      tms.add(tm.id);
      list(tm.thresholds).forEach((t) => ref(pol.thresholds.has(t), t));
    }
    const status = new Map(list(r.safeguards_status).map((s) => [s.safeguard, s.status]));
    list(r.safeguards_status).forEach((s) => ref(pol.safeguards.has(s.safeguard), s.safeguard));
    const assessed = new Set();
    for (const a of r.assessments) {
      assessed.add(a.threshold);
      const t = pol.thresholds.get(a.threshold);
      ref(t, a.threshold);
      if (a.standard_applied) ref(pol.standards.has(a.standard_applied), a.standard_applied);
      for (const e of list(a.evidence)) if (typeof e === 'object' && e.evaluation) ref(pol.evaluations.has(e.evaluation), e.evaluation);
      if (!t || !['near', 'crossed'].includes(a.determination)) continue;
      const req = list(t.requires);
      if ((t.role ?? 'threshold') === 'threshold') {
        const need = [...req.flatMap((x) => [...list(pol.standards.get(x)?.deployment), ...list(pol.standards.get(x)?.security)].map((g) => g.id)), ...list(t.safeguards)];
        for (const g of need) if (status.get(g) !== 'implemented') report(d, 'crossed-without-safeguards', `${a.threshold}:${g}`);
      }
      const applied = pol.standards.get(a.standard_applied);
      for (const x of req) {
        const s = pol.standards.get(x);
        if (applied && s?.scale && applied.scale === s.scale) {
          const levels = pol.scales.get(s.scale).levels;
          if (levels.indexOf(applied.id) < levels.indexOf(s.id)) report(d, 'standard-below-required', a.threshold);
        }
      }
    }
    for (const e of list(r.safeguards_status).flatMap((s) => list(s.evidence))) if (typeof e === 'object' && e.evaluation) ref(pol.evaluations.has(e.evaluation), e.evaluation);
    for (const [id, t] of pol.thresholds) if (['threshold', 'alert'].includes(t.role ?? 'threshold') && !assessed.has(id)) report(d, 'threshold-not-assessed', id);
    list(r.report.approved_by).forEach(roleRef);
    list(r.decision?.by).forEach(roleRef);
    if (!r.decision) report(d, 'report-without-decision', r.report.id);
    if (!list(r.report.approved_by).length) report(d, 'report-not-approved', r.report.id);
    if (list(r.report.redactions).length && !r.report.external_review) report(d, 'redacted-without-review', r.report.id);
    const er = r.report.external_review;
    if (er?.received && er?.published && (Date.parse(er.published) - Date.parse(er.received)) / 86_400_000 > 30) report(d, 'review-late', r.report.id);
    const cadence = pol.d.data.risk_reports?.cadence_months;
    if (cadence) {
      const stale = new Date(r.report.published);
      stale.setUTCMonth(stale.getUTCMonth() + cadence);
      if (stale.toISOString().slice(0, 10) < today) report(d, 'report-stale', r.report.id);
    }
    const reviewed = new Set(list(r.roadmap_review).map((x) => x.goal));
    if (roadmap) {
      const goals = new Set(roadmap.data.goals.map((g) => g.id));
      for (const x of reviewed) ref(goals.has(x), x);
      const prev = r.report.previous ? docs.find((x) => x.file === path.resolve(path.dirname(d.file), r.report.previous))?.data.report.published : undefined;
      const from = r.report.period?.from ?? prev;
      const to = r.report.period?.to ?? r.report.published;
      if (from) for (const g of roadmap.data.goals) if (g.due && g.due >= from && g.due <= to && !reviewed.has(g.id)) report(d, 'goal-unreviewed', g.id);
    } else {
      assert.equal(reviewed.size, 0, `${d.name}: roadmap_review without report.roadmap`);
    }
  }
  return findings.sort();
}

// What each example is expected to show, at the date its README names. Warnings only where
// they are true of the real framework (see each folder's README).
const EXPECTED = {
  'anthropic-rsp-v3': {
    today: '2026-04-15',
    findings: [
      // ASL-4 is still to be defined (v2.x: "in a future update").
      'anthropic-rsp-v3.rsp.yaml asl-not-defined AI-RND-5->ASL-4',
      'anthropic-rsp-v3.rsp.yaml asl-not-defined CBRN-4->ASL-4',
    ],
  },
  'openai-preparedness-v2': {
    today: '2025-06-01',
    findings: [
      // Safeguards meeting a Critical standard are still to be specified.
      'openai-preparedness-v2.rsp.yaml asl-not-defined bio-chem-critical->critical-safeguards',
      'openai-preparedness-v2.rsp.yaml asl-not-defined cyber-critical->critical-safeguards',
      'openai-preparedness-v2.rsp.yaml asl-not-defined self-improvement-critical->critical-safeguards',
      // Research Categories are watched while threat models and evaluations are developed.
      'openai-preparedness-v2.rsp.yaml threshold-without-evaluation autonomous-replication',
      'openai-preparedness-v2.rsp.yaml threshold-without-evaluation long-range-autonomy',
      'openai-preparedness-v2.rsp.yaml threshold-without-evaluation nuclear-radiological',
      'openai-preparedness-v2.rsp.yaml threshold-without-evaluation sandbagging',
      'openai-preparedness-v2.rsp.yaml threshold-without-evaluation undermining-safeguards',
    ],
  },
  'gdm-fsf-v3': {
    today: '2025-10-01',
    findings: [
      // The misalignment approach is exploratory and may not suffice for future models.
      'gdm-fsf-v3.rsp.yaml asl-not-defined instrumental-reasoning-1->misalignment-mitigations',
      'gdm-fsf-v3.rsp.yaml asl-not-defined instrumental-reasoning-2->misalignment-mitigations',
    ],
  },
  'example-labs': { today: '2026-11-23', findings: [] },
};

describe('the v2 examples', () => {
  test('each real-framework folder and example-labs holds v2 documents, with a README naming its source', () => {
    for (const dir of V2_DIRS) {
      const docs = EXAMPLES.filter((e) => e.dir === dir);
      assert.ok(docs.some((e) => e.kind === 'policy'), `${dir} has a v2 policy`);
      const readme = fs.readFileSync(path.join(ROOT, 'examples', dir, 'README.md'), 'utf8');
      assert.match(readme, /[Ss]ource/, dir);
      for (const e of docs) if (dir !== 'example-labs') assert.match(e.text.slice(0, 1500), /illustrative/i, `${e.name}: the header says it is an illustrative encoding`);
    }
    for (const dir of ['anthropic-rsp-v3', 'example-labs']) {
      for (const kind of ['roadmap', 'risk-report']) assert.ok(EXAMPLES.some((e) => e.dir === dir && e.kind === kind), `${dir} has a ${kind}`);
    }
  });

  for (const e of EXAMPLES) {
    test(`${e.dir}/${e.name} is a valid ${e.kind} (rsp/v2 schema)`, () => {
      assert.equal(e.data.kind, e.kind);
      assert.deepEqual(errorsOf(e.kind, e.data), []);
    });
  }

  for (const dir of V2_DIRS) {
    test(`${dir}: every id it references exists; the rules show only what is true of it`, () => {
      assert.deepEqual(lintPreview(dir, EXPECTED[dir].today), EXPECTED[dir].findings);
    });
  }

  test('the preview itself catches what it checks (a broken copy of example-labs)', () => {
    const saved = EXAMPLES.filter((e) => e.dir === 'example-labs').map((e) => [e, e.data]);
    try {
      for (const [e] of saved) {
        e.data = structuredClone(e.data);
        if (e.kind === 'policy') {
          e.data.thresholds[0].requires = [e.data.thresholds[0].requires, 'ASL-9'].flat();
          e.data.thresholds.push({ id: 'X-alert', title: 'x', role: 'alert', evaluations: [{ id: 'x-eval', name: 'x' }] });
        }
        if (e.kind === 'roadmap') { e.data.goals[0].supports = ['nope']; e.data.goals.push({ id: 'Z-1', area: 'policy', title: 'z', owner: 'Policy Team', due: '2026-12-31', status: 'done', supports: ['ASL-3'] }); }
        if (e.kind === 'risk-report') { e.data.roadmap_review = e.data.roadmap_review.slice(1); e.data.assessments[0].evidence.push({ evaluation: 'no-such-eval' }); }
      }
      const got = lintPreview('example-labs', '2026-11-23');
      for (const want of ['unknown-reference ASL-9', 'alert-without-target X-alert', 'unknown-reference nope', 'goal-done-without-date Z-1', 'unknown-reference no-such-eval', 'goal-unreviewed', 'threshold-not-assessed X-alert']) {
        assert.ok(got.some((f) => f.includes(want)), `${want} in ${JSON.stringify(got)}`);
      }
    } finally {
      for (const [e, data] of saved) e.data = data;
    }
  });
});
