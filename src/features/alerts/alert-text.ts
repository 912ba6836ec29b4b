import type { Notification } from '../../api/notifications.ts';

/** Desktop notifications show plain text only; long texts are cut (the system cuts them anyway, less kindly). */
const TITLE_MAX = 120;
const BODY_MAX = 180;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** Control characters and runs of white space (API strings are untrusted) become one space. */
const plain = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
/** The few entities titles carry, and numeric ones (lib/markup/entities.ts decodes all, for the list's rows). */
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,5});/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });

/**
 * The API's title (`commented on <b>Task</b> on <b>Project</b>`) as plain text: emphasis tags dropped, anything
 * else tag-like kept as the text it is (a desktop notification shows text only), entities decoded. Linear.
 */
export const plainTitle = (markup: string) =>
  plain(decode(markup.replace(/<\/?(?:b|strong|i|em)\s*>/gi, '')));

export interface AlertText {
  title: string;
  body: string;
}

/** One notification: who did what on which item ("Ana Horvat commented on Fix the login on Website"). */
export function describeArrival(notification: Notification): AlertText {
  const what = plainTitle(notification.title) || plain(notification.targetTitle) || 'New activity';
  const actor = notification.actor ? plain(notification.actor.name) : '';
  const title = clip(actor ? `${actor} ${what}` : what, TITLE_MAX);
  const tags = [
    notification.mention ? 'Mentions you' : '',
    notification.important ? 'Important' : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const excerpt = plain(notification.excerpt);
  return { title, body: clip([tags, excerpt].filter(Boolean).join(' — '), BODY_MAX) };
}

/** Five or more at once become one: "5 new notifications · 2 mention you", and the first few items. */
export function describeArrivals(notifications: readonly Notification[]): AlertText {
  const mentions = notifications.filter((notification) => notification.mention).length;
  const title = `${notifications.length} new notifications${
    mentions > 0 ? ` · ${mentions} mention${mentions === 1 ? 's' : ''} you` : ''
  }`;
  const items = notifications
    .slice(0, 3)
    .map((notification) => describeArrival(notification).title)
    .join('; ');
  return { title, body: clip(items, BODY_MAX) };
}

/** From this many arrivals together, one desktop notification says how many instead of one each. */
export const GROUP_FROM = 5;
