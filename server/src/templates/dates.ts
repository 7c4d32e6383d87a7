/** Calendar arithmetic for the starter documents (YYYY-MM-DD strings, UTC, no time of day). */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `date` plus `days` (negative: earlier). */
export function plusDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The dates a starter set is written with, all computed from the day it is written. */
export interface TemplateDates {
  /** The day written: the policy's effective date, the roadmap's and the report's publication. */
  today: string;
  /** The period the first risk report covers: the 90 days before today. */
  periodFrom: string;
  periodTo: string;
  /** Goal due dates, in the future: about 3, 6, 9 and 12 months from today. */
  due3: string;
  due6: string;
  due9: string;
  due12: string;
}

export function templateDates(today: string): TemplateDates {
  return {
    today, periodFrom: plusDays(today, -90), periodTo: plusDays(today, -1),
    due3: plusDays(today, 91), due6: plusDays(today, 182), due9: plusDays(today, 273), due12: plusDays(today, 365),
  };
}
