/**
 * Starter set, shape `fsf`: critical capability levels (CCLs), each with an alert threshold
 * set below it, security mitigations on a RAND-aligned scale (SL2–SL4) and a deployment
 * mitigation standard backed by a safety case. Generic texts in our words, shaped like the
 * framework family, not copied from one.
 */
import type { TemplateDates } from './dates';
import type { TemplateFile } from './types';

export function fsfTemplate(d: TemplateDates): TemplateFile[] {
  return [
    { name: 'policy.rsp.yaml', kind: 'policy', text: `# Frontier-safety-style framework — a starter written by \`rsp-lint init --framework fsf\`.
#
# A Critical Capability Level (CCL) is a capability at which a model, without
# mitigations, could pose a heightened risk of severe harm. Each CCL has an alert
# threshold set below it: reaching the alert starts the response plan (deeper
# evaluation, preparing the mitigations) before the CCL itself is reached.
# Security mitigations sit on levels aligned with RAND's SL1-SL5.
# Format rsp/v2; check with: npx rsp-lint .

format: rsp/v2
kind: policy

policy:
  id: our-frontier-safety-framework
  title: Frontier Safety Framework
  organization: Your Organization
  version: "1.0"                          # quoted: YAML would read 1.0 as a number
  effective: ${d.today}

scales:
  - id: rand-sl
    title: Security levels (aligned with RAND SL1-SL5)
    applies_to: safeguards
    levels: [SL1, SL2, SL3, SL4, SL5]
    reference: rand-sl                    # hovers explain each level

standards:
  - id: SL2
    scale: rand-sl
    name: Security level 2
    security_level: SL2
    summary: Weight security against skilled but untargeted attackers.
    security:
      - id: sl2-weight-protection
        title: Weights protected against professional opportunistic attempts
  - id: SL3
    scale: rand-sl
    name: Security level 3
    security_level: SL3
    summary: Weight security against criminal groups and insiders.
    security:
      - id: sl3-weight-protection
        title: Weights protected against organised crime and insider threats
  - id: SL4
    scale: rand-sl
    name: Security level 4
    status: defined                       # provisional or planned: rsp-lint warns where it is required
    security_level: SL4
    summary: >-
      Weight security against the standard operations of state-backed groups;
      it only works if the industry adopts it broadly (see C-industry-security).
    security:
      - id: sl4-weight-protection
        title: Weights protected against state-backed operations
  - id: deployment-mitigations
    name: Deployment mitigations
    summary: >-
      Safeguards against misuse, a safety case showing the remaining risk is
      acceptable, approval by the safety council, and monitoring after release.
    deployment:
      - id: misuse-safeguards
        title: Safeguards against misuse, improved as they are tested
      - id: safety-case
        title: A safety case reviewed before deployment
      - id: post-deployment-monitoring
        title: Monitoring after deployment

# Each CCL requires a security level and the deployment mitigations; its alert
# threshold (role: alert, warns: <CCL>) requires nothing itself.
thresholds:
  - id: CBRN-uplift-1
    domain: cbrn
    title: CBRN uplift, level 1
    description: Could significantly help a low-resourced actor toward a mass-casualty weapon.
    requires: [SL2, deployment-mitigations]   # a list: every standard named must be in place
    evaluations:
      - id: cbrn-expert-eval
        name: Expert-designed CBRN evaluations
        method: expert-review
        cadence: each frontier model before deployment
    if_unmet: [pause-deployment]
  - id: CBRN-uplift-1-alert
    domain: cbrn
    role: alert
    warns: CBRN-uplift-1
    title: Early warning for CBRN uplift, level 1
    evaluations:
      - id: cbrn-early-warning
        name: Automated CBRN knowledge evaluations
        method: benchmark
        cadence: every major training checkpoint
    if_crossed: Start the response plan; run the full CBRN evaluations.

  - id: MLRD-acceleration-1
    domain: ml-rnd
    title: Machine learning R&D acceleration, level 1
    description: Could substantially speed up AI development, destabilising oversight.
    requires: [SL3, deployment-mitigations]
    evaluations:
      - id: mlrd-task-suite
        name: Machine learning research task suite
        method: benchmark
        cadence: each frontier model before deployment
    if_unmet: [pause-deployment, restrict-access]
  - id: MLRD-acceleration-1-alert
    domain: ml-rnd
    role: alert
    warns: MLRD-acceleration-1
    title: Early warning for ML R&D acceleration, level 1
    evaluations:
      - id: mlrd-early-warning
        name: Short autonomous research tasks
        method: benchmark
        cadence: every major training checkpoint

  - id: MLRD-automation-1
    domain: ml-rnd
    title: Machine learning R&D automation, level 1
    description: Could fully automate the work of an AI research team.
    requires: [SL4, deployment-mitigations]
    evaluations:
      - id: mlrd-automation-eval
        name: End-to-end research replication
        method: red-team
        cadence: each frontier model before deployment
    if_unmet: [pause-development]

  - id: INSTRUMENTAL-1
    domain: instrumental-reasoning
    role: research                          # exploratory: tracked, not yet tied to mitigations
    title: Instrumental reasoning, level 1 (exploratory)
    evaluations:
      - id: instrumental-stealth-eval
        name: Stealth and situational-awareness evaluations
        method: benchmark
        cadence: each frontier model before deployment

commitments:
  - id: C-alert-response
    track: unilateral
    statement: When an alert threshold is reached, run the response plan before further deployment.
    owner: safety-council
    applies_to: [CBRN-uplift-1-alert, MLRD-acceleration-1-alert]
  - id: C-risk-reports
    track: unilateral
    statement: Publish a risk report on our frontier models every three months.
    owner: safety-council
  - id: C-industry-security
    track: recommendation
    statement: The industry as a whole should adopt SL4 weight security for models near ML R&D automation.

risk_reports:
  cadence_months: 3

governance:
  roles:
    - id: safety-council
      title: Safety Council
      responsibilities: Reviews safety cases and approves deployments of models past an alert threshold.
    - id: responsibility-council
      title: Responsibility Council
  decisions:
    - id: D-deploy
      decision: deploy
      by: [safety-council]
      advised_by: [responsibility-council]
      criteria: A safety case shows the risk of every reached CCL is acceptable.
  review:
    cadence_months: 12
    owner: safety-council
  incident_response:
    report_within_hours: 72
    owner: safety-council
  noncompliance_reporting:
    channel: An internal ethics line that accepts anonymous reports.
    anonymous: true

changes:
  - version: "1.0"
    date: ${d.today}
    summary: First version of the framework.
` },
    { name: 'frontier-safety.roadmap.yaml', kind: 'roadmap', text: `# Frontier Safety Roadmap — a starter written by \`rsp-lint init --framework fsf\`.
# Goals in four areas (security, alignment, safeguards, policy), each with an owner, a due
# date and the ids of the framework it supports.

format: rsp/v2
kind: roadmap

roadmap:
  id: our-roadmap
  title: Frontier Safety Roadmap
  policy: policy.rsp.yaml
  published: ${d.today}

goals:
  - id: SEC-1
    area: security
    title: Reach security level 4 for the weights of our largest models
    owner: Security Engineering
    due: ${d.due12}
    status: in-progress              # planned | in-progress | at-risk | done | dropped
    supports: [SL4]
    success_criteria:
      - An external red team fails to take a decoy weight file in a month-long exercise.
  - id: ALI-1
    area: alignment
    title: Monitor the reasoning of deployed models for deceptive instrumental reasoning
    owner: Alignment Team
    due: ${d.due9}
    status: planned
    supports: [INSTRUMENTAL-1]
  - id: SAF-1
    area: safeguards
    title: A safety case template for the CBRN CCL
    owner: Safety Council
    due: ${d.due6}
    status: planned
    supports: [safety-case, CBRN-uplift-1]
  - id: POL-1
    area: policy
    title: Agree how to inform authorities when a CCL is reached
    owner: Safety Council
    due: ${d.due3}
    status: planned
    supports: [C-alert-response]
` },
    { name: 'first.risk-report.yaml', kind: 'risk-report', text: `# Risk report — a starter written by \`rsp-lint init --framework fsf\`.
# Every CCL and every alert threshold needs an assessment.

format: rsp/v2
kind: risk-report

report:
  id: first-report
  policy: policy.rsp.yaml
  roadmap: frontier-safety.roadmap.yaml
  models: [Model-1]
  published: ${d.today}
  period: { from: ${d.periodFrom}, to: ${d.periodTo} }
  approved_by: [safety-council]

assessments:
  - threshold: CBRN-uplift-1-alert
    determination: below                 # below | near | crossed | inconclusive
    evidence:
      - evaluation: cbrn-early-warning
        result: Replace with the result.
  - threshold: CBRN-uplift-1
    determination: below
  - threshold: MLRD-acceleration-1-alert
    determination: below
  - threshold: MLRD-acceleration-1
    determination: below
  - threshold: MLRD-automation-1
    determination: below
  - threshold: INSTRUMENTAL-1
    determination: inconclusive

safeguards_status:
  - safeguard: sl2-weight-protection
    status: implemented                  # implemented | partial | planned | not-applicable
  - safeguard: sl3-weight-protection
    status: partial

decision:
  outcome: deploy
  date: ${d.today}
  by: [safety-council]
  rationale: Replace with the reasoning behind the decision.

roadmap_review: []                       # later reports grade the goals due in their period
` },
  ];
}
