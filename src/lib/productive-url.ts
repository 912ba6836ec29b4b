/**
 * Addresses in Productive's own web app, for "Open in Productive". Productive does not document them; what each
 * form rests on is written down in docs/decisions/005-open-in-productive.md. Where a form is not known, the
 * organization's home is the answer, never a guess.
 */
export const PRODUCTIVE_HOME = 'https://app.productive.io/';

/** What a notification or feed is about, as far as an address needs it. */
export interface ProductiveTarget {
  /** `task`, `todo`, `deal`, … as the API names it (any case); unknown types are fine. */
  type: string;
  id: number;
  /** A todo's task: Productive shows todos on their task. */
  parentType?: string | null;
  parentId?: number | null;
}

export interface ProductiveOrganization {
  id: number | string;
  /**
   * The slug Productive puts after the id in its addresses (`/<id>-<slug>/…`), when known. No answer of the API
   * carries one (docs/decisions/005): without it the id-only form is used.
   */
  slug?: string | null;
}

const positiveId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** `<id>-<slug>` where both are known and safe in a path, `<id>` where only the id is; null without an id. */
const organizationPrefix = (
  organization: ProductiveOrganization | null,
): { prefix: string; slugged: boolean } | null => {
  if (!organization) return null;
  const id = String(organization.id);
  if (!/^[1-9]\d{0,14}$/.test(id)) return null;
  const slug = organization.slug;
  if (slug === undefined || slug === null) return { prefix: id, slugged: false };
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return null;
  return { prefix: `${id}-${slug}`, slugged: true };
};

/** The task whose page shows the target: a task itself, or a todo's task. */
function taskOf(target: ProductiveTarget): number | null {
  const type = target.type.toLowerCase();
  if (type === 'task') return positiveId(target.id) ? target.id : null;
  if (type === 'todo' && target.parentType?.toLowerCase() === 'task' && positiveId(target.parentId))
    return target.parentId;
  return null;
}

/**
 * The address of a target in Productive's web app: a task's (or a todo's task's) page where the organization's
 * id is known (`/<id>-<slug>/tasks/task/<task>` with its slug, `/<id>/tasks/<task>` without), else Productive's
 * home. Always an https address on app.productive.io.
 */
export function productiveUrl(
  organization: ProductiveOrganization | number | string | null,
  target: ProductiveTarget,
): string {
  const known = organizationPrefix(
    typeof organization === 'object' ? organization : { id: organization },
  );
  const taskId = taskOf(target);
  if (known === null || taskId === null) return PRODUCTIVE_HOME;
  return known.slugged
    ? `${PRODUCTIVE_HOME}${known.prefix}/tasks/task/${taskId}`
    : `${PRODUCTIVE_HOME}${known.prefix}/tasks/${taskId}`;
}

/** Whether a link leads to the item itself, or only to Productive's home (and so says "Open Productive"). */
export const isDeepLink = (url: string) => url !== PRODUCTIVE_HOME;
