/**
 * Starter set, shape `rsp`: AI-Safety-Level standards (ASL-2, ASL-3, a provisional ASL-4),
 * capability thresholds that require them, one alert threshold and one research category; a
 * Frontier Safety Roadmap with a goal in each area; a first risk report. Generic: the texts are
 * ours, written to teach the format, not quotations of any developer's policy.
 */
import type { TemplateDates } from './dates';
import type { TemplateFile } from './types';

export function rspTemplate(d: TemplateDates): TemplateFile[] {
  return [
    { name: 'policy.rsp.yaml', kind: 'policy', text: `# Responsible Scaling Policy — a starter written by \`rsp-lint init --framework rsp\`.
#
# A policy says: IF a model reaches a capability threshold, THEN the safeguards of a
# stricter standard must be in place first. This file is format rsp/v2; check it with
#   npx rsp-lint .
# Replace every text below with your own. Ids (the \`id:\` values) are how the roadmap,
# the risk reports and the checker refer to things: keep them short and stable.

format: rsp/v2
kind: policy

policy:
  id: our-rsp
  title: Responsible Scaling Policy
  organization: Your Organization     # who publishes the policy
  version: "1.0"                      # quoted, so YAML keeps it text (1.0 would be a number)
  effective: ${d.today}               # the day this version takes effect (YYYY-MM-DD)
  # supersedes: "0.9"                 # the version this one replaces; then log it under changes:
  # url: https://example.org/rsp      # where the published text lives

# A scale orders levels, lowest first. Standards on the scale can then be compared:
# a risk report that applies ASL-2 where ASL-3 is required is an error.
scales:
  - id: asl
    title: AI Safety Levels
    applies_to: safeguards            # safeguards (levels of protection) or capability
    levels: [ASL-1, ASL-2, ASL-3, ASL-4]
    reference: asl                    # hovers in the editor explain each level

# A standard is a set of safeguards: what you deploy with (deployment) and how you
# protect the model weights (security).
standards:
  - id: ASL-2
    scale: asl
    name: ASL-2 Standard
    status: defined                   # defined | provisional | planned
    summary: >-
      The baseline for every model we train: published usage rules, training
      against harmful outputs, and security against opportunistic attackers.
    deployment:
      - id: asl2-usage-policy
        title: Published usage policy and model documentation
      - id: asl2-misuse-reporting
        title: A channel for reporting misuse and safeguard bypasses
    security:
      - id: asl2-access-control
        title: Access to model weights limited to the people who need it

  - id: ASL-3
    scale: asl
    name: ASL-3 Standard
    status: defined
    security_level: SL3               # the RAND security level its security part aims at
    summary: >-
      For models that could give meaningful uplift toward serious harm:
      safeguards that hold against persistent misuse, and weight security
      against organised criminals and insiders.
    deployment:
      - id: asl3-classifiers
        title: Classifiers that screen requests and answers for dangerous content
      - id: asl3-red-teaming
        title: Red-teaming of the safeguards before each release
    security:
      - id: asl3-two-person-access
        title: Two people needed to read or move model weights
      - id: asl3-egress-limits
        title: Limits and alarms on outbound traffic from systems holding weights

  - id: ASL-4
    scale: asl
    name: ASL-4 Standard
    status: defined                   # provisional or planned: rsp-lint warns where it is required
    security_level: SL4
    summary: >-
      For models that could substantially help well-resourced programs:
      security against state-level attackers and a written safety case.
    deployment:
      - id: asl4-safety-case
        title: A written safety case, reviewed before deployment
    security:
      - id: asl4-state-level-security
        title: Security aimed at state-level attackers

# A threshold is a capability that, once reached, requires a standard. Every threshold
# needs at least one evaluation that tells whether a model is near it.
thresholds:
  - id: CBRN-3
    domain: cbrn                      # cbrn, cyber, ai-rnd, autonomy, ... (hover for the list)
    title: Meaningful uplift toward chemical or biological weapons for non-experts
    description: >-
      The model could help someone with basic scientific training get
      substantially further toward such a weapon than public sources allow.
    requires: ASL-3                   # one standard, or a list: [ASL-3, SL3]
    evaluations:
      - id: cbrn3-uplift-study
        name: Uplift study with novice participants
        method: uplift-trial          # benchmark | red-team | uplift-trial | expert-review | forecast | other
        cadence: each frontier model before deployment
    if_crossed: Deploy only with the full ASL-3 Standard in place.
    if_unmet: [pause-deployment]      # what happens while the required safeguards are missing

  - id: AIRD-alert
    domain: ai-rnd
    role: alert                       # an early-warning threshold: it requires no safeguards itself
    warns: AIRD-4                     # the threshold it warns of
    title: Completes most multi-hour software engineering tasks unaided
    evaluations:
      - id: aird-task-suite
        name: Suite of multi-hour autonomous software tasks
        method: benchmark
        cadence: every major training checkpoint
    if_crossed: Run the full AIRD-4 evaluations and start preparing its safeguards.

  - id: AIRD-4
    domain: ai-rnd
    title: Automates the work of an entry-level AI researcher
    requires: ASL-4
    evaluations:
      - id: aird4-research-tasks
        name: Multi-day research engineering tasks
        method: benchmark
        cadence: each frontier model before deployment
    if_unmet: [pause-development]

  - id: CYBER-watch
    domain: cyber
    role: research                    # watched and reported on, not yet tied to safeguards
    title: Offensive cyber capability
    evaluations:
      - id: cyber-ctf
        name: Capture-the-flag and exploit-development suite
        method: benchmark
        cadence: each frontier model before deployment

# Commitments are what you promise. track: unilateral (you do it yourself) or
# recommendation (what you believe the whole industry should do).
commitments:
  - id: C-risk-reports
    track: unilateral
    statement: Publish a risk report on our deployed models at least every three months.
    owner: rso
  - id: C-roadmap
    track: unilateral
    statement: Keep a public Frontier Safety Roadmap and grade our progress against it.
    owner: rso
  - id: C-industry-security
    track: recommendation
    statement: Developers of comparable models should protect their weights at ASL-3 or better.

risk_reports:
  cadence_months: 3                   # rsp-lint warns when a report is older than this
  external_review: true

# Who decides what, and how the policy itself is kept honest.
governance:
  roles:
    - id: rso
      title: Responsible Scaling Officer
      responsibilities: Runs this policy, approves risk reports, can pause a deployment.
    - id: ceo
      title: Chief Executive Officer
  decisions:
    - id: D-deploy
      decision: deploy                # deploy | develop | pause | resume | policy-change | other
      by: [ceo, rso]
      criteria: Every threshold is shown below, or its required standard is in place.
  review:
    cadence_months: 12
    owner: rso
  incident_response:
    report_within_days: 15
    owner: rso
  noncompliance_reporting:
    channel: An anonymous internal reporting line, answered by the board's audit committee.
    anonymous: true

# The change log, newest first. Once \`supersedes\` is set, log this version here.
changes:
  - version: "1.0"
    date: ${d.today}
    summary: First version of the policy.
` },
    { name: 'frontier-safety.roadmap.yaml', kind: 'roadmap', text: `# Frontier Safety Roadmap — a starter written by \`rsp-lint init --framework rsp\`.
#
# Goals in four areas (security, alignment, safeguards, policy). Each needs an owner
# and a due date; \`supports\` names the ids of the policy it moves forward. Goals are
# plans, graded openly in the risk reports (met, missed, slipped, dropped).

format: rsp/v2
kind: roadmap

roadmap:
  id: our-roadmap
  title: Frontier Safety Roadmap
  policy: policy.rsp.yaml             # the policy, relative to this file
  published: ${d.today}

goals:
  - id: SEC-1
    area: security
    title: Two-person access on every store of model weights
    owner: Security Engineering       # a team or role, never TBD
    due: ${d.due3}
    status: in-progress               # planned | in-progress | at-risk | done | dropped
    supports: [asl3-two-person-access]
    success_criteria:
      - No single person can read or copy a weight file, confirmed by an audit.
    # completed: YYYY-MM-DD           # once status is done

  - id: ALI-1
    area: alignment
    title: A first draft of the ASL-4 safety case
    owner: Alignment Science
    due: ${d.due12}
    status: planned
    supports: [asl4-safety-case]
    success_criteria:
      - The draft is reviewed by people outside the team that wrote it.

  - id: SAF-1
    area: safeguards
    title: Classifiers for chemical and biological misuse in production
    owner: Safeguards
    due: ${d.due6}
    status: in-progress
    supports: [asl3-classifiers, CBRN-3]
    depends_on: [SEC-1]

  - id: POL-1
    area: policy
    title: First external review of a risk report
    owner: Responsible Scaling Officer
    due: ${d.due9}
    status: planned
    supports: [C-risk-reports]
` },
    { name: 'first.risk-report.yaml', kind: 'risk-report', text: `# Risk report — a starter written by \`rsp-lint init --framework rsp\`.
#
# A risk report says, for the models it covers, where each threshold stands (below,
# near, crossed, inconclusive), which safeguards are in place, and what was decided.
# Every threshold and alert of the policy needs an assessment here.

format: rsp/v2
kind: risk-report

report:
  id: first-report
  policy: policy.rsp.yaml
  roadmap: frontier-safety.roadmap.yaml   # the roadmap whose goals this report grades
  models: [Model-1]                       # the models assessed
  published: ${d.today}
  period: { from: ${d.periodFrom}, to: ${d.periodTo} }
  approved_by: [ceo, rso]                 # role ids from the policy's governance

assessments:
  - threshold: CBRN-3
    determination: below                  # below | near | crossed | inconclusive
    standard_applied: ASL-2               # the standard in force for these models
    residual_risk: low                    # low | moderate | high | unacceptable
    rationale: Replace with what the evaluations showed.
    evidence:
      - evaluation: cbrn3-uplift-study
        result: Replace with the result.
  - threshold: AIRD-alert
    determination: below
    standard_applied: ASL-2
    evidence:
      - evaluation: aird-task-suite
        result: Replace with the result.
  - threshold: AIRD-4
    determination: below
    standard_applied: ASL-2
  - threshold: CYBER-watch
    determination: inconclusive

# Per safeguard: implemented | partial | planned | not-applicable.
safeguards_status:
  - safeguard: asl2-usage-policy
    status: implemented
  - safeguard: asl2-misuse-reporting
    status: implemented
  - safeguard: asl2-access-control
    status: implemented
  - safeguard: asl3-two-person-access
    status: partial

decision:
  outcome: deploy                         # deploy | deploy-with-restrictions | do-not-deploy | pause-development | continue
  date: ${d.today}
  by: [ceo, rso]
  rationale: Replace with the risk–benefit reasoning behind the decision.

# What became of the roadmap's goals due in the period (none yet in a first report):
# roadmap_review:
#   - goal: SEC-1
#     outcome: met                        # met | missed | slipped | dropped
roadmap_review: []
` },
  ];
}
