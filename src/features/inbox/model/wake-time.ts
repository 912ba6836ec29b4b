const two = (value: number) => String(value).padStart(2, '0');
const HOUR = 3_600_000;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const startOfDay = (date: Date) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

/**
 * A wake time as people read it: "Tue 9:00" within the coming week, "Mon 7 Dec 9:00" further on, with the year
 * when it is not this year's.
 */
export function formatWakeTime(date: Date, now: Date): string {
  const time = `${date.getHours()}:${two(date.getMinutes())}`;
  const weekday = WEEKDAYS[date.getDay()] as string;
  const days = Math.round((startOfDay(date) - startOfDay(now)) / (24 * HOUR));
  if (days >= 0 && days < 7) return `${weekday} ${time}`;
  const year = date.getFullYear() === now.getFullYear() ? '' : ` ${date.getFullYear()}`;
  return `${weekday} ${date.getDate()} ${MONTHS[date.getMonth()]}${year} ${time}`;
}
