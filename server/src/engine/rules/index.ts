/** The rule registry: every rule, in the order of spec §5, then the v2 rules of spec v2 §6. */
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
import { rule as alertWithoutTarget } from './alert-without-target';
import { rule as levelNotInScale } from './level-not-in-scale';
import { rule as standardBelowRequired } from './standard-below-required';
import { rule as goalDoneWithoutDate } from './goal-done-without-date';
import { rule as goalDroppedWithoutReason } from './goal-dropped-without-reason';
import { rule as reportWithoutDecision } from './report-without-decision';
import { rule as reportNotApproved } from './report-not-approved';
import { rule as redactedWithoutReview } from './redacted-without-review';
import { rule as reviewLate } from './review-late';
import { rule as goalUnreviewed } from './goal-unreviewed';
import { rule as changeUnlogged } from './change-unlogged';
import { rule as complianceGap } from './compliance-gap';
import { rule as config } from './config';
import { rule as unusedSuppression } from './unused-suppression';
import { rule as resourceLimit } from './resource-limit';
import { rule as internalError } from './internal-error';
import { rule as weakeningUnexplained } from './weakening-unexplained';

/** Rules with a check, run on every document of a kind they apply to. */
export const CHECKS: readonly Rule[] = [
  schema, kindMismatch, duplicateId, unknownReference, thresholdWithoutSafeguards, thresholdWithoutEvaluation,
  aslNotDefined, riskReportCadence, goalWithoutOwner, goalWithoutDueDate, goalOverdue, goalUnlinked,
  roadmapAreaEmpty, dependencyCycle, thresholdNotAssessed, crossedWithoutSafeguards, reportStale,
  // rsp/v2 (spec v2 §6), in the order of its table; they check v2 documents only.
  alertWithoutTarget, levelNotInScale, standardBelowRequired, goalDoneWithoutDate, goalDroppedWithoutReason, reportWithoutDecision,
  reportNotApproved, redactedWithoutReview, reviewLate, goalUnreviewed, changeUnlogged, complianceGap,
];

export const RULES: readonly RuleMeta[] = [
  yamlSyntax, ...CHECKS, config, unusedSuppression, resourceLimit, internalError, weakeningUnexplained,
];

export const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.id, r]));
