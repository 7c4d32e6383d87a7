/**
 * The starter sets of `rsp-lint init` and the editor's "RSP: New Policy from Template…": for
 * each framework shape, a commented policy, Frontier Safety Roadmap and first risk report in
 * rsp/v2 that lint without errors on the day they are written (every date is computed from
 * that day). Pure data and string building: no file system, no LSP, no terminal — the CLI,
 * the Node client and the web client all use it.
 */
import { templateDates } from './dates';
import { fsfTemplate } from './fsf';
import { minimalTemplate } from './minimal';
import { preparednessTemplate } from './preparedness';
import { rspTemplate } from './rsp';
import type { TemplateFile } from './types';

export type { TemplateFile } from './types';
export { plusDays } from './dates';

export const FRAMEWORKS = ['rsp', 'preparedness', 'fsf', 'minimal'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
/** What `init` writes when no framework is named. */
export const DEFAULT_FRAMEWORK: Framework = 'rsp';

export const FRAMEWORK_INFO: Record<Framework, { title: string; description: string }> = {
  rsp: {
    title: 'Responsible Scaling Policy',
    description: 'AI Safety Levels (ASL-2 to ASL-4), thresholds that require them, an alert and a research category',
  },
  preparedness: {
    title: 'Preparedness-style framework',
    description: 'High and Critical thresholds per tracked category, research categories, safeguards reviewed by an advisory group',
  },
  fsf: {
    title: 'Frontier-safety-style framework',
    description: 'Critical capability levels with alert thresholds, RAND-aligned security levels (SL2-SL4) and deployment mitigations',
  },
  minimal: {
    title: 'Minimal policy',
    description: 'the smallest valid set: one standard, one threshold with one evaluation, one goal per area, a first report',
  },
};

export function isFramework(s: unknown): s is Framework { return typeof s === 'string' && (FRAMEWORKS as readonly string[]).includes(s); }

/** The files of `framework`'s starter set, dated from `today` (YYYY-MM-DD). */
export function templateFiles(framework: Framework, today: string): TemplateFile[] {
  const d = templateDates(today);
  switch (framework) {
    case 'rsp': return rspTemplate(d);
    case 'preparedness': return preparednessTemplate(d);
    case 'fsf': return fsfTemplate(d);
    case 'minimal': return minimalTemplate(d);
  }
}
