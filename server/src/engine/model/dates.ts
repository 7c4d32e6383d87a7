/** Calendar dates as YYYY-MM-DD strings, compared as text (they sort as dates). */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE.exec(v);
  if (!m) return false;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `date` plus `months`, with the day clamped to the end of the month (Jan 31 + 1 = Feb 28). */
export function addMonths(date: string, months: number): string {
  const m = DATE.exec(date)!;
  const total = +m[1]! * 12 + (+m[2]! - 1) + months;
  const y = Math.floor(total / 12), mo = (total % 12) + 1;
  const d = Math.min(+m[3]!, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Today's local date. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
