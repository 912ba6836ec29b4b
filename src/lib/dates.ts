import { formatDay } from './formats.ts';

/**
 * The one date format of the app's text: "Dec 6" (with the year when it is not this year), and the time when
 * there is one. Calendar days (YYYY-MM-DD) are days in the user's time zone.
 */
export function formatDate(value: string, withTime = false): string {
  const date = withTime ? new Date(value) : new Date(`${value}T00:00:00`);
  if (Number.isNaN(date.getTime())) return value;
  return formatDay(date, withTime);
}

const two = (value: number) => String(value).padStart(2, '0');
/** A date's calendar day in the user's time zone: YYYY-MM-DD. */
export const calendarDay = (date: Date): string =>
  `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;

const daysBefore = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() - days);

export interface DayRange {
  name: 'today' | 'last-7-days' | 'this-week' | 'last-30-days';
  label: string;
  /** Inclusive calendar days. */
  after: string;
  before: string;
}

/**
 * The first day of the week where the browser is (1 Monday … 7 Sunday), from the locale's week data where the
 * browser has it; Monday otherwise.
 */
export function firstDayOfWeek(locale?: string): number {
  try {
    const info = new Intl.Locale(locale ?? navigator.language) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7 ? firstDay : 1;
  } catch {
    return 1;
  }
}

/**
 * The date filter's presets, up to today: Today, Last 7 days (today and the six before), This week (from the
 * week's first day where the user is), Last 30 days.
 */
export function dayRanges(now: Date, weekStartsOn = 1): DayRange[] {
  const today = calendarDay(now);
  // getDay(): 0 Sunday … 6 Saturday; weekStartsOn: 1 Monday … 7 Sunday.
  const sinceWeekStart = (now.getDay() - (weekStartsOn % 7) + 7) % 7;
  return [
    { name: 'today', label: 'Today', after: today, before: today },
    {
      name: 'last-7-days',
      label: 'Last 7 days',
      after: calendarDay(daysBefore(now, 6)),
      before: today,
    },
    {
      name: 'this-week',
      label: 'This week',
      after: calendarDay(daysBefore(now, sinceWeekStart)),
      before: today,
    },
    {
      name: 'last-30-days',
      label: 'Last 30 days',
      after: calendarDay(daysBefore(now, 29)),
      before: today,
    },
  ];
}
