/**
 * Starter set, shape `minimal`: the smallest set that checks clean — one standard, one threshold
 * with one evaluation, one goal in each of the four roadmap areas, a first report that assesses
 * the threshold and records who approved it and what was decided.
 */
import type { TemplateDates } from './dates';
import type { TemplateFile } from './types';

export function minimalTemplate(d: TemplateDates): TemplateFile[] {
  return [
    { name: 'policy.rsp.yaml', kind: 'policy', text: `# A minimal policy (rsp/v2), written by \`rsp-lint init --framework minimal\`.
# Check it with: npx rsp-lint .     Grow it with: standards, thresholds, commitments,
# governance, changes (see \`rsp-lint init --list\` for fuller starters).

format: rsp/v2
kind: policy

policy:
  id: our-policy
  title: Frontier Safety Policy
  organization: Your Organization
  version: "1.0"                 # quoted: YAML would read 1.0 as a number
  effective: ${d.today}

# A standard: the safeguards required once a threshold is reached.
standards:
  - id: ASL-3                    # without scales:, ASL-1..ASL-4 are the levels
    summary: Safeguards against misuse and theft of the model weights.
    deployment:
      - id: misuse-classifiers
        title: Classifiers that screen for dangerous requests
    security:
      - id: weight-access-control
        title: Two people needed to read or move model weights

# A threshold: IF a model can do this, THEN the standard it requires must be in place.
thresholds:
  - id: CBRN-3
    domain: cbrn
    title: Meaningful uplift toward chemical or biological weapons
    requires: ASL-3
    evaluations:                 # how you find out whether a model is near it
      - id: cbrn-uplift-study
        name: Uplift study with novice participants
        cadence: each frontier model before deployment

commitments:
  - id: C-report
    track: unilateral            # unilateral (we do it) | recommendation (industry should)
    statement: Publish a risk report on deployed models every three months.

risk_reports:
  cadence_months: 3
` },
    { name: 'frontier-safety.roadmap.yaml', kind: 'roadmap', text: `# A minimal Frontier Safety Roadmap: one goal per area, each with an owner and a due date.

format: rsp/v2
kind: roadmap

roadmap:
  id: our-roadmap
  title: Frontier Safety Roadmap
  policy: policy.rsp.yaml        # relative to this file
  published: ${d.today}

goals:
  - id: SEC-1
    area: security
    title: Two-person access to model weights everywhere
    owner: Security Engineering
    due: ${d.due3}
    status: in-progress          # planned | in-progress | at-risk | done | dropped
    supports: [weight-access-control]
  - id: ALI-1
    area: alignment
    title: Alignment evaluations for every frontier model
    owner: Alignment Team
    due: ${d.due6}
    status: planned
    supports: [CBRN-3]
  - id: SAF-1
    area: safeguards
    title: Misuse classifiers in production
    owner: Safeguards Team
    due: ${d.due6}
    status: planned
    supports: [misuse-classifiers]
  - id: POL-1
    area: policy
    title: First published risk report
    owner: Policy Team
    due: ${d.due3}
    status: planned
    supports: [C-report]
` },
    { name: 'first.risk-report.yaml', kind: 'risk-report', text: `# A minimal first risk report: where the threshold stands, what is in place, what was decided.

format: rsp/v2
kind: risk-report

report:
  id: first-report
  policy: policy.rsp.yaml
  models: [Model-1]
  published: ${d.today}
  approved_by: [Chief Executive Officer]   # names, or role ids once the policy declares governance.roles

assessments:
  - threshold: CBRN-3
    determination: below         # below | near | crossed | inconclusive
    evidence:
      - evaluation: cbrn-uplift-study
        result: Replace with the result.

safeguards_status:
  - safeguard: weight-access-control
    status: partial              # implemented | partial | planned | not-applicable

decision:
  outcome: deploy
  date: ${d.today}
  by: [Chief Executive Officer]
  rationale: Replace with the reasoning behind the decision.
` },
  ];
}
