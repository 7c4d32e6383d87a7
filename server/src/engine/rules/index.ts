/** The rule registry: every rule, in the order of spec §5. */
import type { Rule, RuleMeta } from './rule';
import { rule as yamlSyntax } from './yaml-syntax';
import { rule as schema } from './schema';
import { rule as kindMismatch } from './kind-mismatch';
import { rule as duplicateId } from './duplicate-id';
import { rule as unknownReference } from './unknown-reference';
import { rule as thresholdWithoutSafeguards } from './threshold-without-safeguards';
import { rule as thresholdWithoutEvaluation } from './threshold-without-evaluation';
import { rule as aslNotDefined } from './asl-not-defined';
import { rule as riskReportCadence } from './risk-report-cadence';
import { rule as goalWithoutOwner } from './goal-without-owner';
import { rule as goalWithoutDueDate } from './goal-without-due-date';
import { rule as goalOverdue } from './goal-overdue';
import { rule as goalUnlinked } from './goal-unlinked';
import { rule as roadmapAreaEmpty } from './roadmap-area-empty';
import { rule as dependencyCycle } from './dependency-cycle';
import { rule as thresholdNotAssessed } from './threshold-not-assessed';
import { rule as crossedWithoutSafeguards } from './crossed-without-safeguards';
import { rule as reportStale } from './report-stale';
import { rule as config } from './config';
import { rule as unusedSuppression } from './unused-suppression';
import { rule as resourceLimit } from './resource-limit';
import { rule as internalError } from './internal-error';

/** Rules with a check, run on every document of a kind they apply to. */
export const CHECKS: readonly Rule[] = [
  schema, kindMismatch, duplicateId, unknownReference, thresholdWithoutSafeguards, thresholdWithoutEvaluation,
  aslNotDefined, riskReportCadence, goalWithoutOwner, goalWithoutDueDate, goalOverdue, goalUnlinked,
  roadmapAreaEmpty, dependencyCycle, thresholdNotAssessed, crossedWithoutSafeguards, reportStale,
];

export const RULES: readonly RuleMeta[] = [
  yamlSyntax, ...CHECKS, config, unusedSuppression, resourceLimit, internalError,
];

export const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.id, r]));
