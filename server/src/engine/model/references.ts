/**
 * Built-in references for hovers (spec v2 §2.1, §8): the level vocabularies of the public
 * frameworks and the known threshold domains, in our own words, each naming where its facts
 * come from. Facts marked unconfirmed in our sources are said to be so.
 */

export interface LevelReference { level: string; summary: string }
export interface ScaleReference { id: string; title: string; source: string; levels: LevelReference[]; note?: string }

export const SCALE_REFERENCES: Readonly<Record<string, ScaleReference>> = {
  asl: {
    id: 'asl', title: 'AI Safety Levels (Anthropic RSP)',
    source: 'Anthropic, Responsible Scaling Policy v2.2 and v3.0 (facts: rsp-facts.md)',
    levels: [
      { level: 'ASL-1', summary: 'Models with no meaningful catastrophic risk.' },
      { level: 'ASL-2', summary: 'The baseline for current frontier models: protection against opportunistic misuse and opportunistic attackers.' },
      { level: 'ASL-3', summary: 'Stronger deployment safeguards against misuse (e.g. CBRN uplift) and security against sophisticated non-state attackers.' },
      { level: 'ASL-4', summary: 'Protections for models that could substantially uplift state programmes or automate AI research; still being defined.' },
    ],
  },
  'rand-sl': {
    id: 'rand-sl', title: 'RAND security levels for model weights',
    source: 'RAND, "Securing AI Model Weights" (RR-A2849-1, May 2024), frameworks.md §4',
    levels: [
      { level: 'SL1', summary: 'Stops amateur attempts to steal the weights.' },
      { level: 'SL2', summary: 'Stops professional but opportunistic efforts: skilled individuals with little time or budget for this target.' },
      { level: 'SL3', summary: 'Stops cybercrime groups and insider threats.' },
      { level: 'SL4', summary: 'Stops the standard operations of leading cyber-capable institutions, such as state-sponsored groups.' },
      { level: 'SL5', summary: 'Stops top-priority operations of the most capable nation states.' },
    ],
  },
  'openai-pf': {
    id: 'openai-pf', title: 'OpenAI Preparedness Framework v2 capability levels',
    source: 'OpenAI, Preparedness Framework v2 (April 2025), frameworks.md §2',
    levels: [
      { level: 'High', summary: 'The model could amplify existing pathways to severe harm; safeguards that sufficiently minimise the risk are needed before deployment.' },
      { level: 'Critical', summary: 'The model could open new, unprecedented pathways to severe harm; safeguards are needed during development too.' },
    ],
  },
  'gdm-ccl': {
    id: 'gdm-ccl', title: 'Critical Capability Levels (Google DeepMind FSF v3)',
    source: 'Google DeepMind, Frontier Safety Framework v3.0 (September 2025), frameworks.md §3',
    note: 'CCL names are given as recalled by our sources and are partly unconfirmed.',
    levels: [
      { level: 'alert', summary: 'An alert threshold, set below a CCL: reaching it starts the response plan (deeper assessment, preparing mitigations).' },
      { level: 'CCL', summary: 'A capability level at which, without mitigation, a model may pose a heightened risk of severe harm; named "<domain> level N" (e.g. CBRN uplift level 1).' },
    ],
  },
};

/** The built-in scale whose levels include `level`, with that level's entry. */
export function levelReference(level: string): { scale: ScaleReference; entry: LevelReference } | undefined {
  for (const scale of Object.values(SCALE_REFERENCES)) {
    const entry = scale.levels.find((l) => l.level === level);
    if (entry && scale.id !== 'gdm-ccl') return { scale, entry };
  }
  return undefined;
}

/** The known threshold domains (spec v2 §2.1) and what each covers. Other identifiers are allowed. */
export const DOMAINS: Readonly<Record<string, string>> = {
  cbrn: 'Chemical, biological, radiological and nuclear weapons: uplift toward creating or using them.',
  'bio-chem': 'Biological and chemical weapons (OpenAI\'s Tracked Category).',
  'nuclear-radiological': 'Nuclear and radiological weapons (a Research Category in OpenAI\'s framework).',
  cyber: 'Cyber operations: finding and exploiting vulnerabilities, running attacks end to end.',
  autonomy: 'Autonomous operation: acting over long horizons without human oversight.',
  'ai-rnd': 'AI research and development: automating or dramatically accelerating AI research (Anthropic).',
  'ml-rnd': 'Machine-learning R&D: accelerating or automating ML research (Google DeepMind).',
  'self-improvement': 'AI self-improvement: a model improving AI systems, itself included (OpenAI).',
  persuasion: 'Persuasion: changing people\'s beliefs or actions at scale.',
  'harmful-manipulation': 'Harmful manipulation: systematically changing beliefs or behaviour in high-stakes contexts (Google DeepMind, new in FSF v3).',
  'loss-of-control': 'Loss of control: humans losing the ability to direct, correct or stop AI systems.',
  misalignment: 'Misalignment: models pursuing goals their developers did not intend.',
  'instrumental-reasoning': 'Instrumental reasoning: reasoning that could let a model undermine human control (Google DeepMind, exploratory).',
  sandbagging: 'Sandbagging: deliberately underperforming on evaluations (an OpenAI Research Category).',
  'autonomous-replication': 'Autonomous replication and adaptation: copying itself and acquiring resources without help (an OpenAI Research Category).',
  'undermining-safeguards': 'Undermining safeguards: working against the controls placed on the model (an OpenAI Research Category).',
  other: 'Any other risk domain the policy names.',
};
