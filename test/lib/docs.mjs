// Small, valid documents for tests, and a temp-folder writer.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const POLICY = `format: rsp/v1
kind: policy
policy:
  id: test-policy
  title: Test Policy
  organization: Example Labs
  version: "1.0"
  effective: 2026-01-01
asl_standards:
  - level: ASL-3
    summary: Robust to persistent misuse.
    deployment:
      - id: sg-red-team
        title: Red-teaming
    security:
      - id: sg-egress
        title: Egress control
thresholds:
  - id: CBRN-3
    domain: cbrn
    title: Uplift to basic-STEM actors
    requires: ASL-3
    evaluations:
      - id: ev-uplift
        name: Uplift trial
risk_reports:
  cadence_months: 3
`;

export function roadmap({ policy = 'test.rsp.yaml', goals } = {}) {
  const g = goals ?? [
    { id: 'SEC-1', area: 'security', due: '2027-01-01' },
    { id: 'ALN-1', area: 'alignment', due: '2027-01-01' },
    { id: 'SAF-1', area: 'safeguards', due: '2027-01-01' },
    { id: 'POL-1', area: 'policy', due: '2027-01-01' },
  ];
  return `format: rsp/v1
kind: roadmap
roadmap:
  id: test-roadmap
  title: Frontier Safety Roadmap
  policy: ${policy}
  published: 2026-03-01
goals:
${g.map((x) => `  - id: ${x.id}
    area: ${x.area}
    title: Goal ${x.id}
    owner: ${x.owner ?? 'Security Engineering'}
    due: ${x.due}
    status: ${x.status ?? 'in-progress'}
    supports: [${x.supports ?? 'CBRN-3'}]
`).join('')}`;
}

/** Writes { 'rel/path': text | Buffer } into a new temp folder; returns its path. */
export function tempTree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-lint-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

/** Every file below `dir` with its bytes, to prove nothing was written. */
export function snapshot(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else out[path.relative(dir, p)] = fs.readFileSync(p).toString('base64') + ':' + fs.statSync(p).mtimeMs;
    }
  };
  walk(dir);
  return out;
}
