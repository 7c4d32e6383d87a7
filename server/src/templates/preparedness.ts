/**
 * Starter set, shape `preparedness`: two capability levels (High, Critical) per tracked
 * category, a standard of safeguards for each level, research categories that are watched but
 * not yet tied to safeguards, and an advisory group that reviews before leadership decides.
 * Generic texts in our words, shaped like the framework family, not copied from one.
 */
import type { TemplateDates } from './dates';
import type { TemplateFile } from './types';

export function preparednessTemplate(d: TemplateDates): TemplateFile[] {
  return [
    { name: 'policy.rsp.yaml', kind: 'policy', text: `# Preparedness-style framework — a starter written by \`rsp-lint init --framework preparedness\`.
#
# Each tracked category of risk has two thresholds: High (the model could make an existing
# path to severe harm easier) and Critical (it could open a new path). Reaching High
# requires safeguards before deployment; reaching Critical requires them during
# development too. Research categories are watched, not yet tied to safeguards.
# Format rsp/v2; check with: npx rsp-lint .

format: rsp/v2
kind: policy

policy:
  id: our-preparedness-framework
  title: Preparedness Framework
  organization: Your Organization
  version: "1.0"                          # quoted: YAML would read 1.0 as a number
  effective: ${d.today}

scales:
  - id: capability                        # how capable a model is in a category
    title: Capability levels per tracked category
    applies_to: capability
    levels: [High, Critical]              # lowest first
    reference: openai-pf                  # hovers explain High and Critical
  - id: safeguards-level                  # which set of safeguards a level calls for
    title: Safeguards per capability level
    applies_to: safeguards
    levels: [high-safeguards, critical-safeguards]

standards:
  - id: high-safeguards
    scale: safeguards-level
    name: Safeguards for High capability
    status: defined
    security_level: SL3
    summary: >-
      In place before a model with High capability in a category is deployed,
      with a safeguards report that argues why they are enough.
    deployment:
      - id: high-misuse-safeguards
        title: Safeguards against misuse that hold up against attempts to evade them
      - id: high-usage-monitoring
        title: Monitoring of how the model is used
      - id: high-trusted-access
        title: Wider access only for users the organization trusts
    security:
      - id: high-security-controls
        title: Security controls matched to High capability

  - id: critical-safeguards
    scale: safeguards-level
    name: Safeguards for Critical capability
    status: defined                       # provisional or planned: rsp-lint warns where it is required
    summary: >-
      Safeguards in place during development, not only before deployment,
      for a model that could open new paths to severe harm.
    deployment:
      - id: critical-development-safeguards
        title: Safeguards that apply while the model is being developed
    security:
      - id: critical-security-controls
        title: Security controls matched to Critical capability

# Tracked categories: a High and a Critical threshold each.
thresholds:
  - id: BIO-high
    domain: bio-chem
    level: High                           # a level of the capability scale
    title: Biological and chemical — High
    description: Meaningful help to a novice trying to make a known biological or chemical threat.
    requires: high-safeguards
    evaluations:
      - id: bio-automated-evals
        name: Automated biology and chemistry evaluations
        method: benchmark
        cadence: each frontier model before deployment
      - id: bio-deep-dive
        name: Expert deep dive on acquisition scenarios
        method: expert-review
        cadence: when the automated evaluations show a jump
    if_unmet: [pause-deployment]
  - id: BIO-critical
    domain: bio-chem
    level: Critical
    title: Biological and chemical — Critical
    description: Help toward a new kind of threat, or carrying out the whole path without a human.
    requires: critical-safeguards
    evaluations:
      - id: bio-critical-red-team
        name: Expert red-team of novel-threat scenarios
        method: red-team
        cadence: each frontier model before deployment
    if_unmet: [pause-development]

  - id: CYBER-high
    domain: cyber
    level: High
    title: Cybersecurity — High
    description: Runs end-to-end operations against reasonably hardened targets.
    requires: high-safeguards
    evaluations:
      - id: cyber-range
        name: Cyber range exercises
        method: benchmark
        cadence: each frontier model before deployment
    if_unmet: [pause-deployment]
  - id: CYBER-critical
    domain: cyber
    level: Critical
    title: Cybersecurity — Critical
    description: Finds and exploits unknown vulnerabilities in hardened systems without human help.
    requires: critical-safeguards
    evaluations:
      - id: cyber-zero-day-probe
        name: Expert probe for autonomous exploit development
        method: red-team
        cadence: each frontier model before deployment
    if_unmet: [pause-development]

  - id: SELF-high
    domain: self-improvement
    level: High
    title: AI self-improvement — High
    description: Does the work of a capable mid-career research engineer.
    requires: high-safeguards
    evaluations:
      - id: self-research-tasks
        name: Research engineering task suite
        method: benchmark
        cadence: each frontier model before deployment
    if_unmet: [pause-deployment]
  - id: SELF-critical
    domain: self-improvement
    level: Critical
    title: AI self-improvement — Critical
    description: Research progress far faster than today's, sustained over months.
    requires: critical-safeguards
    evaluations:
      - id: self-progress-forecast
        name: Forecast of research speed-up with model help
        method: forecast
        cadence: every six months
    if_unmet: [pause-development]

  # Research categories: reported on, not yet tied to safeguards.
  - id: AUTONOMY-research
    domain: autonomy
    role: research
    title: Long-range autonomy
    evaluations:
      - id: autonomy-long-tasks
        name: Long-horizon agentic tasks
        method: benchmark
        cadence: each frontier model before deployment
  - id: SANDBAG-research
    domain: sandbagging
    role: research
    title: Sandbagging (deliberately underperforming on evaluations)
    evaluations:
      - id: sandbag-consistency
        name: Consistency checks across elicitation methods
        method: other
        cadence: each frontier model before deployment

commitments:
  - id: C-capabilities-report
    track: unilateral
    statement: Before each frontier deployment, write a capabilities report that places the model against every tracked category.
    owner: preparedness-lead
  - id: C-safeguards-report
    track: unilateral
    statement: Before deploying a model with High capability, write a safeguards report that argues why its safeguards are enough.
    owner: preparedness-lead
    applies_to: [BIO-high, CYBER-high, SELF-high]
  - id: C-system-cards
    track: unilateral
    statement: Publish what was tested, the results per category and the reasons for each deployment decision.
    owner: preparedness-lead
  - id: C-industry-safeguards
    track: recommendation
    statement: Every developer of a model with High capability should apply comparable safeguards.

risk_reports:
  cadence_months: 3
  external_review: false

governance:
  roles:
    - id: preparedness-lead
      title: Head of Preparedness
      responsibilities: Runs the evaluations and writes the capabilities and safeguards reports.
    - id: advisory-group
      title: Safety Advisory Group
      responsibilities: Reviews both reports and recommends a decision to leadership.
    - id: leadership
      title: Chief Executive Officer (or delegate)
    - id: board-committee
      title: Board Safety and Security Committee
      responsibilities: Oversees decisions and can review them.
  decisions:
    - id: D-deploy
      decision: deploy
      by: [leadership]
      advised_by: [advisory-group]
      criteria: The advisory group finds the safeguards for every reached level sufficient.
    - id: D-develop
      decision: develop
      by: [leadership]
      advised_by: [advisory-group, board-committee]
      criteria: A model near a Critical threshold is developed further only with Critical safeguards specified.
  review:
    cadence_months: 12
    owner: advisory-group
  incident_response:
    report_within_days: 15
    owner: preparedness-lead
  noncompliance_reporting:
    channel: An internal integrity line that staff can use anonymously.
    anonymous: true

changes:
  - version: "1.0"
    date: ${d.today}
    summary: First version of the framework.
` },
    { name: 'frontier-safety.roadmap.yaml', kind: 'roadmap', text: `# Frontier Safety Roadmap — a starter written by \`rsp-lint init --framework preparedness\`.
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
    title: Security controls matched to High capability on all training clusters
    owner: Security Engineering
    due: ${d.due6}
    status: in-progress              # planned | in-progress | at-risk | done | dropped
    supports: [high-security-controls]
    success_criteria:
      - An external assessment finds no gap against the High security controls.
  - id: ALI-1
    area: alignment
    title: Evaluations for sandbagging ready for every frontier model
    owner: Alignment Research
    due: ${d.due9}
    status: planned
    supports: [SANDBAG-research]
  - id: SAF-1
    area: safeguards
    title: Write the Critical safeguards standard
    owner: Head of Preparedness
    due: ${d.due12}
    status: planned
    supports: [critical-safeguards]
    success_criteria:
      - The advisory group accepts the written standard.
  - id: POL-1
    area: policy
    title: Publish the first system card under this framework
    owner: Head of Preparedness
    due: ${d.due3}
    status: planned
    supports: [C-system-cards]
` },
    { name: 'first.risk-report.yaml', kind: 'risk-report', text: `# Capabilities and safeguards report — a starter written by \`rsp-lint init --framework preparedness\`.
# One assessment per tracked threshold (research categories too, when evaluated).

format: rsp/v2
kind: risk-report

report:
  id: first-report
  policy: policy.rsp.yaml
  roadmap: frontier-safety.roadmap.yaml
  models: [Model-1]
  published: ${d.today}
  period: { from: ${d.periodFrom}, to: ${d.periodTo} }
  approved_by: [leadership]              # role ids of the policy

assessments:
  - threshold: BIO-high
    determination: below                 # below | near | crossed | inconclusive
    evidence:
      - evaluation: bio-automated-evals
        result: Replace with the result.
  - threshold: BIO-critical
    determination: below
  - threshold: CYBER-high
    determination: below
  - threshold: CYBER-critical
    determination: below
  - threshold: SELF-high
    determination: below
  - threshold: SELF-critical
    determination: below
  - threshold: AUTONOMY-research
    determination: inconclusive

safeguards_status:
  - safeguard: high-usage-monitoring
    status: implemented                  # implemented | partial | planned | not-applicable
  - safeguard: high-security-controls
    status: partial

decision:
  outcome: deploy
  date: ${d.today}
  by: [leadership]
  rationale: Replace with the reasoning, including the advisory group's recommendation.

roadmap_review: []                       # later reports grade the goals due in their period
` },
  ];
}
