#!/usr/bin/env node
// Seeded, reproducible generator of realistic rsp/v1 documents for the benchmark (and rsp/v2 copies).
// Shapes follow the rsp/v1 edition of examples/example-labs (frozen in
// test/fixtures/example-labs-v1-full): ASL standards with deployment and security
// safeguards, thresholds with evaluations and extra safeguards, commitments; roadmaps
// whose goals support ids of a linked policy; risk reports with one assessment per
// threshold and one status per safeguard. The same seed gives byte-identical files.
//
//   node bench/generate.mjs [--quick] [--out DIR] [--seed N]
//
// Output (default bench/work/docs): one folder per benchmark document
//   policy-1k/, policy-10k/, policy-50k/  one *.rsp.yaml each
//   policy-10k-v2/, policy-50k-v2/       the same policies migrated to rsp/v2 by the engine's
//                                        own migration (engine/migrate): they differ from the
//                                        v1 text only by the v2 names (format line, standards:,
//                                        id: for each standard); policy-1k-v2/ in --quick
//   roadmap-2000/                        a 2,000-goal roadmap + the policy it links to
//   workspace/                           1,000 typical files in 100 lab folders
// and manifest.json describing them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TODAY = '2026-11-23'; // the date the time-based rules use, in every run

// ---- a small seeded PRNG (mulberry32): no Math.random anywhere
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of pairs) { if ((x -= w) < 0) return v; }
      return pairs[pairs.length - 1][0];
    },
    sample: (arr, n) => {
      const copy = arr.slice();
      const out = [];
      for (let i = 0; i < n && copy.length; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
  return r;
}

// ---- vocabulary
const DEPLOY_TOPICS = ['usage-policy', 'harmlessness-training', 'finetuning-protections', 'vulnerability-reporting', 'threat-modeling',
  'input-output-classifiers', 'red-teaming', 'rapid-remediation', 'misuse-monitoring', 'trusted-users', 'third-party-deployment',
  'jailbreak-bounty', 'abuse-detection', 'account-vetting', 'rate-limiting', 'output-filtering', 'staged-release', 'incident-playbooks',
  'constitutional-classifiers', 'tool-use-sandboxing', 'agent-oversight', 'refusal-training', 'api-key-screening', 'export-controls'];
const SECURITY_TOPICS = ['supply-chain', 'workforce-security', 'compartmentalization', 'infrastructure-hardening', 'two-party-access',
  'egress-control', 'security-monitoring', 'security-audits', 'third-party-security', 'insider-risk-program', 'hardware-isolation',
  'weight-encryption', 'secure-enclaves', 'physical-security', 'endpoint-hardening', 'penetration-testing', 'key-management',
  'network-segmentation', 'code-review', 'vendor-assessment', 'background-checks', 'access-logging', 'anomaly-detection'];
const TITLE_WORDS = {
  verb: ['Maintain', 'Deploy', 'Require', 'Enforce', 'Audit', 'Document', 'Monitor', 'Harden', 'Review', 'Test', 'Restrict', 'Publish'],
  obj: ['classifiers for high-risk prompts', 'two-party authorization for weight access', 'egress limits on training clusters',
    'red-team exercises before each release', 'vetting of trusted-access users', 'monitoring of agentic tool use',
    'controls on customer fine-tuning', 'incident response for jailbreaks', 'security reviews of third-party hosts',
    'logging of privileged access', 'isolation of model weights', 'bounty payouts for universal jailbreaks',
    'evaluations of dangerous capabilities', 'reviews by external experts', 'insider-risk screening of staff'],
};
const SENTENCE = ['The control applies to every model deployed under this standard.', 'Coverage is reviewed each quarter by the Responsible Scaling Officer.',
  'Exceptions need written approval and expire after ninety days.', 'Results are summarised in the next Risk Report.',
  'Third parties hosting the model must apply an equivalent measure.', 'Effectiveness is measured against a held-out set of attacks.',
  'The measure is tested by an internal red team before each release.', 'Failures are escalated to the security incident process.',
  'Logs are kept for at least one year and sampled for audit.', 'Staff with access are trained on the procedure every year.'];
const DOMAINS = [['cbrn', 'CBRN'], ['cyber', 'CYBER'], ['autonomy', 'AUTO'], ['ai-rnd', 'AI-RND'], ['persuasion', 'PERS'], ['other', 'OTHER']];
const THRESHOLD_TITLES = {
  cbrn: ['Uplift for non-experts toward CBRN weapons', 'Uplift for state CBRN programs', 'Novel pathogen design assistance', 'Troubleshooting of weapons acquisition'],
  cyber: ['Autonomous discovery of critical vulnerabilities', 'End-to-end offensive cyber operations', 'Uplift for ransomware development'],
  autonomy: ['Autonomous replication and adaptation', 'Long-horizon autonomous task completion', 'Evasion of monitoring'],
  'ai-rnd': ['Automation of entry-level AI research', 'Dramatic acceleration of AI scaling', 'Autonomous training-run management'],
  persuasion: ['Large-scale targeted persuasion', 'Automated influence operations'],
  other: ['Undermining of oversight mechanisms', 'Critical infrastructure disruption'],
};
const EVAL_NAMES = ['Controlled uplift trial with novice participants', 'Automated knowledge and troubleshooting benchmark', 'Expert red-team of end-to-end scenarios',
  'Suite of multi-day research engineering tasks', 'Survey of internal researchers on delegated work', 'Capture-the-flag challenge set',
  'Forecast of algorithmic progress with model assistance', 'Agentic task battery in a sandbox', 'Human persuasion study with consenting participants'];
const TEAMS = ['Security Engineering', 'Infrastructure Security', 'Chief Information Security Officer', 'Alignment Science', 'Interpretability Team',
  'Frontier Red Team', 'Safeguards Engineering', 'Partnerships Engineering', 'Responsible Scaling Officer', 'Policy Team', 'Trust and Safety',
  'Model Evaluations', 'Compliance Office', 'Legal and Policy'];
const GOAL_TITLES = {
  security: ['Two-party authorization on every store of frontier weights', 'Egress bandwidth limits on all clusters', 'Reach security against state-level attackers',
    'Insider-risk program covering all staff with weight access', 'Hardware-backed isolation for weight storage', 'Independent audit of the security perimeter'],
  alignment: ['Template and first draft of an affirmative safety case', 'Interpretability audit for hidden goals', 'Evaluation suite for automated research engineering',
    'Monitoring of chain-of-thought for deceptive reasoning', 'Honesty evaluations for agentic deployments'],
  safeguards: ['Second generation of input and output classifiers', 'Remediate universal jailbreaks within 48 hours', 'Contractual safeguard audits for third-party hosts',
    'Misuse monitoring for agentic tool use', 'Vetted access programme for dual-use research'],
  policy: ['Publish a complete next-level standard', 'Share evaluation methods with government evaluators', 'Industry recommendation on weight security',
    'External review of the Risk Report', 'Public grading of roadmap progress'],
};
const AREA_PREFIX = { security: 'SEC', alignment: 'ALN', safeguards: 'SAF', policy: 'POL' };
const MODELS = ['Example-4', 'Example-4.5', 'Example-5', 'Orion-2', 'Lyra-3', 'Vega-1'];
const ORGS = ['Example Labs', 'Northwind AI', 'Contoso Research', 'Fabrikam Intelligence', 'Tailspin Models', 'Adatum AI', 'Litware Labs', 'Proseware Systems'];

const pad = (n, w = 4) => String(n).padStart(w, '0');
const date = (r, fromY, toY) => `${r.int(fromY, toY)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
function sentences(r, n) { return r.sample(SENTENCE, n).join(' '); }
/** A folded (>-) block wrapped at ~80 columns, indented by `ind`. */
function folded(text, ind) {
  const words = text.split(' ');
  const lines = [];
  let cur = '';
  for (const w of words) { if (cur && cur.length + w.length + 1 > 76 - ind.length) { lines.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w; }
  if (cur) lines.push(cur);
  return ['>-', ...lines.map((l) => ind + l)].join('\n');
}

// ---- policy
/**
 * A policy of about `targetLines` lines. Returns { text, ids } where ids lists what a roadmap
 * or report can link to (thresholds, safeguards, levels).
 */
export function policy(seed, targetLines, { org = 'Example Labs', id = 'example-rsp', comments = true } = {}) {
  // Line budget: ~35% safeguards (~2.7 lines), ~50% thresholds (~15 lines), ~15% commitments (~4.5 lines).
  let scale = 1;
  let out;
  for (let pass = 0; pass < 3; pass++) {
    out = policyOnce(seed, targetLines * scale, { org, id, comments });
    const lines = out.text.split('\n').length;
    if (Math.abs(lines - targetLines) / targetLines < 0.03) break;
    scale *= targetLines / lines;
  }
  return out;
}

function policyOnce(seed, budget, { org, id, comments }) {
  const r = rng(seed);
  const nLevels = budget < 400 ? 4 : budget < 3000 ? 5 : 9;
  const nSafeguards = Math.max(nLevels * 2, Math.round((0.35 * budget) / 2.7));
  const nThresholds = Math.max(3, Math.round((0.5 * budget) / 15));
  const nCommitments = Math.max(3, Math.round((0.15 * budget) / 4.5));
  const L = [];
  if (comments) {
    L.push(`# ${org} — Responsible Scaling Policy (fictional, generated for benchmarking), in rsp/v1 YAML.`, '#',
      '# Generated by bench/generate.mjs from a fixed seed; the shapes follow the rsp/v1 edition of examples/example-labs.', '');
  }
  L.push('format: rsp/v1', 'kind: policy', '');
  if (comments) L.push('# ' + '-'.repeat(75), '# Header: which policy this is and which version it replaces.', '# ' + '-'.repeat(75));
  L.push('policy:', `  id: ${id}`, '  title: Responsible Scaling Policy', `  organization: ${org}`, '  version: "3.0"', '  effective: 2026-02-24', '  supersedes: "2.2"', '');
  if (comments) L.push('# ' + '-'.repeat(75), '# ASL standards: each level bundles deployment and security safeguards.', '# ' + '-'.repeat(75));
  L.push('asl_standards:');
  const levels = [];
  const byLevel = new Map();
  let sgCounter = 0;
  const perLevel = Math.floor(nSafeguards / nLevels);
  for (let lv = 1; lv <= nLevels; lv++) {
    const status = lv <= 4 ? 'defined' : lv === 5 ? 'provisional' : 'planned';
    levels.push({ level: `ASL-${lv}`, status });
    L.push('', ...(comments ? [`  # ASL-${lv}: ${status === 'defined' ? 'in force' : status === 'provisional' ? 'drafted, not final' : 'still to be written'}.`] : []));
    L.push(`  - level: ASL-${lv}`, `    name: ASL-${lv} Standard${status === 'defined' ? '' : ` (${status})`}`, `    status: ${status}`);
    L.push(`    summary: ${folded(`Protections required at AI Safety Level ${lv}: ${sentences(r, 2)}`, '      ')}`);
    const ids = [];
    const n = lv === nLevels ? nSafeguards - perLevel * (nLevels - 1) : perLevel;
    const nDeploy = Math.ceil(n / 2);
    for (const [part, topics, count] of [['deployment', DEPLOY_TOPICS, nDeploy], ['security', SECURITY_TOPICS, n - nDeploy]]) {
      if (count === 0) continue;
      L.push(`    ${part}:`);
      for (let k = 0; k < count; k++) {
        const sid = `asl${lv}-${r.pick(topics)}-${pad(++sgCounter)}`;
        ids.push(sid);
        L.push(`      - id: ${sid}`, `        title: ${r.pick(TITLE_WORDS.verb)} ${r.pick(TITLE_WORDS.obj)}`);
        if (r.chance(0.7)) L.push(`        description: ${sentences(r, 1)}`);
      }
    }
    byLevel.set(`ASL-${lv}`, ids);
  }
  L.push('');
  if (comments) L.push('# ' + '-'.repeat(75), '# Capability thresholds: "if a model can do this, then that standard applies".', '# ' + '-'.repeat(75));
  L.push('thresholds:');
  const thresholds = [];
  const maxReq = Math.min(nLevels, 5);
  for (let t = 0; t < nThresholds; t++) {
    const [domain, prefix] = r.pick(DOMAINS);
    const lv = r.weighted([[2, 2], [3, 5], [4, 3], [5, maxReq >= 5 ? 1 : 0]]);
    const tid = `${prefix}-${lv}.${t + 1}`;
    thresholds.push(tid);
    L.push('', `  - id: ${tid}`, `    domain: ${domain}`, `    title: ${r.pick(THRESHOLD_TITLES[domain])}`);
    L.push(`    description: ${folded(`The model could ${r.pick(['significantly help', 'substantially advance', 'fully automate'])} work in this domain. ${sentences(r, 2)}`, '      ')}`);
    if (levels[lv - 1].status !== 'defined') L.push('    # rsp-lint-disable-next-line asl-not-defined');
    L.push(`    requires: ASL-${lv}`);
    if (r.chance(0.45)) {
      const pool = byLevel.get(`ASL-${Math.min(lv + 1, nLevels)}`);
      L.push(`    safeguards: [${r.sample(pool, r.int(1, 2)).join(', ')}]`);
    }
    L.push('    evaluations:');
    for (let e = 0, n = r.int(2, 3); e < n; e++) {
      L.push(`      - id: ${tid.toLowerCase().replace(/\./g, '-')}-eval-${e + 1}`, `        name: ${r.pick(EVAL_NAMES)}`);
      if (r.chance(0.4)) L.push(`        description: ${sentences(r, 1)}`);
    }
  }
  L.push('');
  if (comments) L.push('# ' + '-'.repeat(75), '# Commitments: unilateral plans and industry-wide recommendations.', '# ' + '-'.repeat(75));
  L.push('commitments:');
  for (let c = 0; c < nCommitments; c++) {
    const track = r.weighted([['unilateral', 3], ['recommendation', 1]]);
    L.push(`  - id: C-${r.pick([...DEPLOY_TOPICS, ...SECURITY_TOPICS])}-${pad(c + 1)}`, `    track: ${track}`,
      `    statement: ${r.pick(TITLE_WORDS.verb)} ${r.pick(TITLE_WORDS.obj)}; ${sentences(r, 1).toLowerCase()}`);
    if (track === 'unilateral') L.push(`    owner: ${r.pick(TEAMS)}`);
  }
  L.push('', 'risk_reports:', '  cadence_months: 3', '  external_review: true', '',
    'governance:', '  responsible_scaling_officer: Jordan Reyes (Responsible Scaling Officer)',
    '  approvers: [Chief Executive Officer, Responsible Scaling Officer, Board of Directors]',
    '  noncompliance_reporting: Anonymous channel to the RSO, escalating to the Board.',
    '  compliance_review: Yearly procedural review by an independent third party.', '');
  const safeguards = [...byLevel.values()].flat();
  return { text: L.join('\n'), ids: { thresholds, safeguards, levels: levels.filter((l) => l.status === 'defined').map((l) => l.level), byLevel } };
}

// ---- roadmap
export function roadmap(seed, nGoals, policyFile, ids, { id = 'example-roadmap', comments = true } = {}) {
  const r = rng(seed);
  const L = [];
  if (comments) L.push('# Frontier Safety Roadmap (fictional, generated for benchmarking), in rsp/v1 YAML.', '');
  L.push('format: rsp/v1', 'kind: roadmap', '', 'roadmap:', `  id: ${id}`, '  title: Frontier Safety Roadmap', `  policy: ${policyFile}`, '  published: 2026-03-01', '', 'goals:');
  const areas = Object.keys(AREA_PREFIX);
  const byArea = { security: [], alignment: [], safeguards: [], policy: [] };
  const linkable = [...ids.thresholds, ...ids.safeguards];
  for (let g = 0; g < nGoals; g++) {
    const area = g < 4 ? areas[g] : r.pick(areas);
    const gid = `${AREA_PREFIX[area]}-${byArea[area].length + 1}`;
    if (comments && g < 4) L.push('', `  # ${'-'.repeat(60)} ${area}`);
    L.push('', `  - id: ${gid}`, `    area: ${area}`, `    title: ${r.pick(GOAL_TITLES[area])}`, `    owner: ${r.pick(TEAMS)}`);
    const due = date(r, 2027, 2028); // after TODAY: no goal-overdue noise
    L.push(`    due: ${due}`, `    status: ${r.weighted([['planned', 3], ['in-progress', 4], ['done', 1], ['at-risk', 1]])}`);
    const supports = r.sample(linkable, r.int(1, 3));
    if (r.chance(0.15)) supports.unshift(r.pick(ids.levels));
    L.push(`    supports: [${supports.join(', ')}]`);
    const earlier = byArea[area];
    if (earlier.length && r.chance(0.5)) L.push(`    depends_on: [${r.sample(earlier.slice(-20), r.int(1, 2)).join(', ')}]`);
    if (r.chance(0.3)) {
      L.push('    milestones:');
      for (let m = 0, n = r.int(1, 3); m < n; m++) L.push(`      - title: ${r.pick(['Design reviewed', 'Pilot in one cluster', 'Rolled out to all teams', 'External review completed'])}`, `        due: ${date(r, 2026, 2027)}`, `        done: ${r.chance(0.4)}`);
    }
    earlier.push(gid);
  }
  L.push('');
  return L.join('\n');
}

// ---- risk report
export function riskReport(seed, policyFile, ids, { id = '2026-q3', published = '2026-10-15' } = {}) {
  const r = rng(seed);
  const L = ['format: rsp/v1', 'kind: risk-report', '', 'report:', `  id: ${id}`, `  policy: ${policyFile}`, `  model: ${r.pick(MODELS)}`, `  published: ${published}`, '', 'assessments:'];
  for (const t of ids.thresholds) {
    const lv = Number(/-(\d)\./.exec(t)?.[1] ?? 3);
    L.push(`  - threshold: ${t}`, `    determination: ${r.weighted([['below', 8], ['inconclusive', 1]])}`, `    asl_applied: ASL-${Math.min(lv, 3)}`);
    if (r.chance(0.6)) L.push('    evidence:', `      - ${sentences(r, 1)}`);
  }
  L.push('', 'safeguards_status:');
  for (const s of ids.safeguards) L.push(`  - safeguard: ${s}`, `    status: ${r.weighted([['implemented', 6], ['partial', 2], ['planned', 2]])}`);
  L.push('');
  return L.join('\n');
}

// ---- the benchmark corpus
// `v2Of`: the document of that name migrated to rsp/v2 (it takes no seed of its own: the seeds of
// the other documents are their positions among the documents that are not v2 copies).
export const SIZES_FULL = [
  { name: 'policy-1k', kind: 'policy', lines: 1_000 },
  { name: 'policy-10k', kind: 'policy', lines: 10_000 },
  { name: 'policy-10k-v2', kind: 'policy', lines: 10_000, v2Of: 'policy-10k' },
  // The same policy with a YAML mistake (a list item pasted between two top-level keys).
  { name: 'policy-10k-broken', kind: 'policy', lines: 10_000, brokenOf: 1 },
  { name: 'policy-50k', kind: 'policy', lines: 50_000 },
  { name: 'policy-50k-v2', kind: 'policy', lines: 50_000, v2Of: 'policy-50k' },
  { name: 'roadmap-2000', kind: 'roadmap', goals: 2_000 },
];
export const SIZES_QUICK = [{ name: 'policy-1k', kind: 'policy', lines: 1_000 }, { name: 'policy-1k-v2', kind: 'policy', lines: 1_000, v2Of: 'policy-1k' },
  { name: 'policy-1k-broken', kind: 'policy', lines: 1_000, brokenOf: 0 }];

/**
 * The engine's own v1 → v2 migration (server/src/engine/migrate/migrate.ts, loaded from its
 * TypeScript source through tsx), as `text → v2 text`; throws unless the text was migrated.
 */
export async function loadMigrate() {
  const { tsImport } = await import('tsx/esm/api');
  const m = await tsImport(fileURLToPath(new URL('../server/src/engine/migrate/migrate.ts', import.meta.url)), import.meta.url);
  const migrateText = m.migrateText ?? m.default?.migrateText;
  return (text) => {
    const r = migrateText(text);
    if (r.status !== 'migrated') throw new Error(`the migration did not migrate a generated policy: ${r.status} ${JSON.stringify(r.problems ?? [])}`);
    return r.text;
  };
}

/** A YAML mistake in a policy: a list item pasted between the standards and `thresholds:`. */
export function breakPolicy(text) {
  return text.replace('\nthresholds:', '\n- name: Mark\n  hr: 65\nthresholds:');
}

/** Writes the corpus under `out`; returns the manifest. `migrate` (from loadMigrate) makes the v2 copies. */
export function generateAll(out, { quick = false, seed = 20260224, migrate } = {}) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const write = (rel, text) => {
    const p = path.join(out, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };
  const docs = [];
  const texts = new Map();
  const sizes = quick ? SIZES_QUICK : SIZES_FULL;
  for (const [i, s] of sizes.filter((x) => !x.v2Of).entries()) {
    if (s.kind === 'policy') {
      const valid = policy(seed + (s.brokenOf ?? i), s.lines).text;
      const text = s.brokenOf === undefined ? valid : breakPolicy(valid);
      texts.set(s.name, text);
      const file = write(`${s.name}/lab.rsp.yaml`, text);
      docs.push({ ...s, broken: s.brokenOf !== undefined, format: 'rsp/v1', file, schema: 'policy', lines: text.split('\n').length, bytes: Buffer.byteLength(text) });
    } else {
      const pol = policy(seed + 100 + i, 1_000, { id: 'lab-rsp' });
      write(`${s.name}/lab.rsp.yaml`, pol.text);
      const text = roadmap(seed + 200 + i, s.goals, 'lab.rsp.yaml', pol.ids, { id: 'lab-roadmap' });
      const file = write(`${s.name}/lab.roadmap.yaml`, text);
      docs.push({ ...s, format: 'rsp/v1', file, schema: 'roadmap', lines: text.split('\n').length, bytes: Buffer.byteLength(text) });
    }
  }
  // The v2 copies, each right after its v1 document.
  for (const s of sizes.filter((x) => x.v2Of)) {
    if (!migrate) continue; // no migration given: v1 documents only
    const text = migrate(texts.get(s.v2Of));
    const file = write(`${s.name}/lab.rsp.yaml`, text);
    const doc = { ...s, broken: false, format: 'rsp/v2', file, schema: 'policy.v2', lines: text.split('\n').length, bytes: Buffer.byteLength(text) };
    docs.splice(docs.findIndex((d) => d.name === s.v2Of) + 1, 0, doc);
  }
  // A workspace of typical files: per lab folder one policy, 3 roadmaps and 6 risk reports.
  const labs = quick ? 5 : 100;
  const files = [];
  const r = rng(seed + 999);
  for (let lab = 0; lab < labs; lab++) {
    const dir = `workspace/lab-${pad(lab + 1, 3)}`;
    const org = `${r.pick(ORGS)} ${lab + 1}`;
    const pol = policy(seed + 1000 + lab, r.int(150, 700), { org, id: `lab${lab + 1}-rsp`, comments: r.chance(0.5) });
    files.push({ file: write(`${dir}/lab.rsp.yaml`, pol.text), schema: 'policy' });
    for (let k = 0; k < 3; k++) {
      let text = roadmap(seed + 2000 + lab * 10 + k, r.int(10, 40), 'lab.rsp.yaml', pol.ids, { id: `lab${lab + 1}-roadmap-${k + 1}`, comments: r.chance(0.5) });
      if (r.chance(0.05)) text = text.replace('status: planned', 'status: planed'); // the odd typo, as in real folders
      files.push({ file: write(`${dir}/roadmap-${k + 1}.roadmap.yaml`, text), schema: 'roadmap' });
    }
    for (let k = 0; k < 6; k++) {
      const text = riskReport(seed + 3000 + lab * 10 + k, 'lab.rsp.yaml', pol.ids, { id: `lab${lab + 1}-2026-r${k + 1}`, published: `2026-${String(9 + (k % 3)).padStart(2, '0')}-${String(1 + k * 4).padStart(2, '0')}` });
      files.push({ file: write(`${dir}/r${k + 1}.risk-report.yaml`, text), schema: 'risk-report' });
    }
  }
  for (const f of files) f.bytes = fs.statSync(f.file).size;
  const manifest = {
    seed, quick, today: TODAY, docs,
    workspace: { dir: path.join(out, 'workspace'), files, bytes: files.reduce((s, f) => s + f.bytes, 0), count: files.length },
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = (flag) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };
  const out = path.resolve(at('--out') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'work', 'docs'));
  const m = generateAll(out, { quick: args.includes('--quick'), seed: Number(at('--seed') ?? 20260224), migrate: await loadMigrate() });
  for (const d of m.docs) console.log(`${d.name.padEnd(14)} ${String(d.lines).padStart(6)} lines ${(d.bytes / 1024).toFixed(0).padStart(6)} KiB  ${path.relative(process.cwd(), d.file)}`);
  console.log(`workspace      ${String(m.workspace.count).padStart(6)} files ${(m.workspace.bytes / 1024).toFixed(0).padStart(6)} KiB  ${path.relative(process.cwd(), m.workspace.dir)}`);
}
