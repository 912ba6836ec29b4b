import type { Notification } from '../../../src/api/notifications.ts';
import { aNotification } from '../../../src/testing/notification-factory.ts';

/**
 * Notification records as the replica holds them (src/replica/store.ts keeps the app's `Notification`), made the
 * same for every store under test: a seeded generator, so each library writes identical data, and times taken
 * from a fixed instant, not today's date.
 */

/** A small, fast, seeded generator (mulberry32): the same seed gives the same records. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROJECTS = [
  '[Acme] Website',
  '[Globex] Mobile app',
  '[Initech] Rebrand',
  '[Umbrella] Intranet',
];
const TASKS = [
  'Fix the login',
  'Invoice layout',
  'Design review',
  'Client onboarding',
  'Release notes',
];
const PEOPLE = ['Marko Horvat', 'Ana Kovač', 'Ivan Babić', 'Petra Novak', 'Luka Jurić'];
const VERBS = ['commented on', 'assigned you to', 'mentioned you in', 'changed the due date of'];
const WORDS =
  'please have a look at the latest changes before the client call tomorrow we moved the deadline and the budget needs another review'.split(
    ' ',
  );

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** An excerpt of 40 to 240 characters, as comments' first lines are. */
function excerptOf(random: () => number): string {
  const length = 40 + Math.floor(random() * 200);
  let text = '';
  while (text.length < length) text += `${pick(random, WORDS)} `;
  return text.slice(0, length).replace(/ $/, '.');
}

const FROM = Date.UTC(2026, 0, 15, 12);

/** `count` notifications, newest first, with ids `first`, `first + 1`, …: about a quarter read, a tenth important. */
export function notificationRecords(count: number, seed = 1, first = 1): Notification[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const id = first + index;
    const project = pick(random, PROJECTS);
    const target = `#${id}: ${pick(random, TASKS)}`;
    const mention = random() < 0.05;
    return aNotification({
      id: String(id),
      title: `${mention ? 'mentioned you in' : pick(random, VERBS)} task <b>${target}</b> on <b>${project}</b>`,
      targetId: id,
      targetTitle: target,
      parentId: 1 + PROJECTS.indexOf(project),
      parentTitle: project,
      read: random() < 0.25,
      dismissed: random() < 0.2,
      important: random() < 0.1,
      mention,
      newActivitiesCount: 1 + Math.floor(random() * 4),
      excerpt: excerptOf(random),
      lastActionAt: new Date(FROM - index * 97_000).toISOString(),
      firstUnreadActivityId: id * 3,
      actor: {
        id: String(2 + Math.floor(random() * 5)),
        name: pick(random, PEOPLE),
        avatarUrl: null,
      },
    });
  });
}

/**
 * A sync page written into a store holding `held` records (ids 1…held): half of it new notifications, half
 * ones already held that changed (read, with more activity), as a poll or a reconciliation brings.
 */
export function syncPage(held: number, size = 200, seed = 2): Notification[] {
  const fresh = notificationRecords(size - Math.floor(size / 2), seed, held + 1);
  const changed = notificationRecords(Math.floor(size / 2), seed + 1, 1).map((record) => ({
    ...record,
    read: true,
    newActivitiesCount: record.newActivitiesCount + 1,
  }));
  return [...fresh, ...changed];
}
