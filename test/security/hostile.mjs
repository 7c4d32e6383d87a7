// Hostile documents and file names for the output-security tests: every string a document can
// carry into an output, in the fields the outputs show (titles, names, owners, ids, enum values,
// unknown keys, references), and in file names.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../lib/cli.mjs';

/** Strings an attacker would put in a policy. Written as YAML double-quoted scalars. */
export const HOSTILE = {
  workflow: 'x\\n::error file=/etc/passwd,line=1::pwned\\n::add-mask::secret',
  carriage: 'x\\r::warning::cr',
  escape: '\\e[2J\\e]8;;https://evil.example/\\aclick\\e]8;;\\a',
  c1: '\\x9b31m c1 \\x85 nel',
  bidi: 'safe\\u202eevil\\u2066x\\u2069',
  separators: 'a\\u2028b\\u2029c',
  markdown: '![t](https://evil.example/t.png) [l](https://evil.example/) [c](command:workbench.action.terminal.new) <https://evil.example/a> https://evil.example/b www.evil.example a@evil.example `code` **b** | pipe # h',
  html: '</script><script>alert(1)</script><img src=x onerror=alert(2)><a href=\\"javascript:alert(3)\\">j</a>',
  nul: 'nul\\0here',
  surrogate: 'lone\\ud800half',
};

/** All hostile strings joined, for fields that show one value. */
const ALL = Object.values(HOSTILE).join(' ');

const q = (s) => `"${s}"`;

export const POLICY = `format: rsp/v1
kind: policy
policy:
  id: hostile
  title: ${q(`Policy ${HOSTILE.markdown}`)}
  organization: ${q(`Org ${HOSTILE.escape} ${HOSTILE.bidi}`)}
  version: ${q(`1.0 ${HOSTILE.workflow}`)}
  effective: 2026-01-01
asl_standards:
  - level: ASL-3
    name: ${q(`Std ${HOSTILE.html}`)}
    status: ${q(`defined ${HOSTILE.workflow}`)}
    summary: ${q(ALL)}
    deployment:
      - id: dep-1
        title: ${q(`Dep ${HOSTILE.markdown} ${HOSTILE.html}`)}
        description: ${q(ALL)}
    security:
      - id: sec-1
        title: ${q(`Sec ${HOSTILE.separators} ${HOSTILE.c1}`)}
thresholds:
  - id: T-1
    domain: ${q(`cbrn ${HOSTILE.carriage}`)}
    title: ${q(`Threshold ${HOSTILE.html} ${HOSTILE.markdown}`)}
    description: ${q(ALL)}
    requires: ASL-3
    safeguards: [dep-1, ${q(`zz ${HOSTILE.workflow}`)}]
    __proto__: { polluted: true }
    constructor: ${q(HOSTILE.html)}
    evaluations:
      - id: ev-1
        name: ${q(`Eval ${HOSTILE.markdown}`)}
commitments:
  - id: C-1
    track: unilateral
    statement: ${q(ALL)}
    owner: ${q(`Owner ${HOSTILE.markdown}`)}
${q(`unknown ${HOSTILE.workflow} ${HOSTILE.escape}`)}: 1
`;

export const ROADMAP = `format: rsp/v1
kind: roadmap
roadmap:
  id: hostile-roadmap
  title: ${q(`Roadmap ${HOSTILE.html}`)}
  policy: hostile.rsp.yaml
  published: 2026-03-01
goals:
  - id: G-1
    area: security
    title: ${q(`Goal ${HOSTILE.markdown} ${HOSTILE.html}`)}
    owner: ${q(`TBD`)}
    due: 2026-01-31
    status: ${q(`in-progres ${HOSTILE.workflow}`)}
    supports: [T-1, ${q(`nothing ${HOSTILE.escape}`)}]
  - id: G-2
    area: ${q(`alignment ${HOSTILE.bidi}`)}
    title: ${q(`Goal two ${HOSTILE.separators}`)}
    owner: ${q(`Owner ${HOSTILE.html} ${HOSTILE.markdown}`)}
    due: 2026-01-31
    status: at-risk
    supports: [dep-1]
`;

export const REPORT = `format: rsp/v1
kind: risk-report
report:
  id: ${q(`r1 ${HOSTILE.markdown}`)}
  policy: hostile.rsp.yaml
  model: ${q(`Model ${HOSTILE.html} ${HOSTILE.workflow}`)}
  published: 2026-09-15
assessments:
  - threshold: T-1
    determination: crossed
    asl_applied: ASL-3
    evidence: [${q(ALL)}]
safeguards_status:
  - safeguard: dep-1
    status: ${q(`implemented ${HOSTILE.escape}`)}
  - safeguard: sec-1
    status: planned
`;

/** File names with a newline + workflow command, an escape sequence and a bidi override. */
export const HOSTILE_NAMES = [
  'evil\n::error file=x::name.roadmap.yaml',
  'esc\u001b[31mred.roadmap.yaml',
  'bidi\u202ecod.roadmap.yaml',
];

/** A temporary workspace with the hostile policy, roadmap and report, and roadmaps with hostile names. */
export function hostileWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-hostile-'));
  fs.writeFileSync(path.join(dir, 'hostile.rsp.yaml'), POLICY);
  fs.writeFileSync(path.join(dir, 'hostile.roadmap.yaml'), ROADMAP);
  fs.writeFileSync(path.join(dir, 'hostile.risk-report.yaml'), REPORT);
  for (const name of HOSTILE_NAMES) fs.writeFileSync(path.join(dir, name), ROADMAP);
  return dir;
}

/** Characters that must never reach a terminal, a log or a single-line field from a document. */
export const FORBIDDEN_IN_LINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export { ROOT };
