/**
 * Built-in reference of AI Safety Levels 1–4, for hovers when no policy in the workspace
 * defines a level. Paraphrased from Anthropic's RSP (v2.x, kept by v3.0 to describe current
 * protections); each entry names where in the policy to read more.
 */
export interface AslReference {
  level: string;
  name: string;
  summary: string;
  deployment: string[];
  security: string[];
  /** Where to read the authoritative text. */
  source: string;
}

export const ASL_REFERENCE: Readonly<Record<string, AslReference>> = {
  'ASL-1': {
    level: 'ASL-1',
    name: 'ASL-1',
    summary: 'Models that pose no meaningful catastrophic risk, such as a 2018-era language model or a chess engine.',
    deployment: ['No specific safeguards beyond ordinary practice'],
    security: ['No specific safeguards beyond ordinary practice'],
    source: 'RSP v2.2, "AI Safety Level Standards" (introduction of the ASL scale)',
  },
  'ASL-2': {
    level: 'ASL-2',
    name: 'ASL-2 Standard',
    summary: 'The baseline for current frontier models: protections against opportunistic misuse and against most opportunistic attackers of the weights.',
    deployment: [
      'Usage policy and model cards',
      'Harmlessness training and automated detection of misuse',
      'Protections against harmful fine-tuning',
      'Vulnerability reporting, including a bounty for universal jailbreaks',
    ],
    security: ['Supply-chain security', 'Office security', 'Workforce security', 'Compartmentalization', 'Infrastructure security', 'Operational security'],
    source: 'RSP v2.2, "ASL-2 Deployment Standard" and "ASL-2 Security Standard"',
  },
  'ASL-3': {
    level: 'ASL-3',
    name: 'ASL-3 Standard',
    summary: 'Required once CBRN-3 is crossed (and, for security, AI R&D-4). Deployment must be robust to persistent attempts to misuse the model; the weights must be highly protected against most attackers. Activated on 2025-05-22 for Claude Opus 4 as a precaution.',
    deployment: [
      'Threat modeling of misuse pathways',
      'Defense in depth (e.g. input/output classifiers)',
      'Red-teaming',
      'Rapid remediation of jailbreaks',
      'Monitoring',
      'Trusted-user access controls',
      'Safeguards in third-party environments',
    ],
    security: [
      'Threat modeling (e.g. MITRE ATT&CK)',
      'Security frameworks: perimeters and access controls (e.g. two-party authorization for weight access), lifecycle security, monitoring (e.g. egress bandwidth limits), resourcing',
      'Independent audits',
      'Safeguards in third-party environments',
    ],
    source: 'RSP v2.2, "ASL-3 Deployment Standard" and "ASL-3 Security Standard" (insider scope refined in v2.2)',
  },
  'ASL-4': {
    level: 'ASL-4',
    name: 'ASL-4 Standard (to be defined)',
    summary: 'Expected for CBRN-4 and, for security, AI R&D-5; left "to be defined in a future update" in RSP v2.x. Aims at security against state-level theft of weights (roughly RAND SL4) and an affirmative case that the model is safe.',
    deployment: ['To be defined; expected to include an affirmative safety case'],
    security: ['To be defined; roughly RAND security level 4 (standard operations of leading state-backed groups)'],
    source: 'RSP v2.2, "Capability Thresholds" (CBRN-4, AI R&D-5) and "ASL-4" notes',
  },
};
