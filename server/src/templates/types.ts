/** One file of a starter set: its name in the target folder, its kind and its text. */
export interface TemplateFile { name: string; kind: 'policy' | 'roadmap' | 'risk-report'; text: string }
