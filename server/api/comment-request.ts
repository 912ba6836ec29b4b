/**
 * The one shape of `POST /comments` the inbox writes, checked the same way by the embedded API and by the live
 * proxy (which forwards only what passes, re-serialized):
 *
 *   {"data":{"type":"comments","attributes":{"body":"…"},
 *            "relationships":{"task":{"data":{"type":"tasks","id":"123"}}}}}
 *
 * with `deal`/`deals` or `discussion`/`discussions` in place of the task. Nothing else is accepted anywhere in the
 * document. The body is kept exactly as given: the server never interprets it.
 */
import { ApiError } from './errors.ts';

/** The longest comment body accepted, in characters (Unicode code points). */
export const MAX_COMMENT_BODY_CHARACTERS = 20_000;

export const COMMENT_PARENTS = { task: 'tasks', deal: 'deals', discussion: 'discussions' } as const;
export type CommentParentKind = keyof typeof COMMENT_PARENTS;

export interface CommentRequest {
  body: string;
  parent: { kind: CommentParentKind; id: string };
}

/** A record id: 1 to 18 digits with no leading zero, as a string (what JSON:API ids are). */
const ID = /^[1-9]\d{0,17}$/;

export const invalidAttribute = (pointer: string, detail: string) =>
  new ApiError(422, 'invalid_attribute', 'Invalid Attribute', detail, { pointer });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], pointer: string) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw invalidAttribute(
        pointer ? `${pointer}/${key.slice(0, 60)}` : key.slice(0, 60),
        `"${key.slice(0, 60)}" is not accepted here`,
      );
    }
  }
}

/** A comment to write, or a 422 `invalid_attribute` whose `source.pointer` names what is wrong. */
export function parseCommentRequest(document: unknown): CommentRequest {
  if (!isObject(document) || !isObject(document.data)) {
    throw invalidAttribute('data', 'The request must be a JSON:API document with a "data" object');
  }
  onlyKeys(document, ['data'], '');
  const data = document.data;
  onlyKeys(data, ['type', 'attributes', 'relationships'], 'data');
  if (data.type !== 'comments') {
    throw invalidAttribute('data/type', 'The type must be "comments"');
  }

  const attributes = data.attributes;
  if (!isObject(attributes)) {
    throw invalidAttribute('data/attributes', 'The comment needs attributes with a body');
  }
  onlyKeys(attributes, ['body'], 'data/attributes');
  const body = attributes.body;
  if (typeof body !== 'string' || body.trim() === '') {
    throw invalidAttribute('data/attributes/body', 'The comment cannot be empty');
  }
  // Code points, not UTF-16 units: an emoji is one character. Counting stops past the limit.
  let characters = 0;
  for (let index = 0; index < body.length; index++) {
    const unit = body.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) index++;
    if (++characters > MAX_COMMENT_BODY_CHARACTERS) {
      throw invalidAttribute(
        'data/attributes/body',
        `A comment can be at most ${MAX_COMMENT_BODY_CHARACTERS.toLocaleString('en')} characters long`,
      );
    }
  }

  const relationships = data.relationships;
  if (!isObject(relationships) || Object.keys(relationships).length === 0) {
    throw invalidAttribute(
      'data/relationships',
      'Say what the comment is on: a task, a deal or a discussion',
    );
  }
  const names = Object.keys(relationships);
  if (names.length > 1) {
    throw invalidAttribute(
      'data/relationships',
      'A comment is on exactly one task, deal or discussion',
    );
  }
  const kind = names[0] as string;
  if (!Object.hasOwn(COMMENT_PARENTS, kind)) {
    throw invalidAttribute(
      `data/relationships/${kind.slice(0, 60)}`,
      'Comments can be written on a task, a deal or a discussion only',
    );
  }
  const parentKind = kind as CommentParentKind;
  const pointer = `data/relationships/${parentKind}`;
  const relationship = relationships[parentKind];
  if (!isObject(relationship) || !isObject(relationship.data)) {
    throw invalidAttribute(`${pointer}/data`, `The ${parentKind} needs {"data":{"type","id"}}`);
  }
  onlyKeys(relationship, ['data'], pointer);
  onlyKeys(relationship.data, ['type', 'id'], `${pointer}/data`);
  const type = COMMENT_PARENTS[parentKind];
  if (relationship.data.type !== type) {
    throw invalidAttribute(`${pointer}/data/type`, `The ${parentKind}'s type must be "${type}"`);
  }
  const id = relationship.data.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    throw invalidAttribute(
      `${pointer}/data/id`,
      `The ${parentKind}'s id must be a number written as a string, such as "123"`,
    );
  }
  return { body, parent: { kind: parentKind, id } };
}

/** The document sent upstream: rebuilt from what was checked, never the bytes that came in. */
export function commentDocument({ body, parent }: CommentRequest) {
  return {
    data: {
      type: 'comments',
      attributes: { body },
      relationships: {
        [parent.kind]: { data: { type: COMMENT_PARENTS[parent.kind], id: parent.id } },
      },
    },
  };
}

/** Whether a request says it carries JSON:API, as Productive requires of writes. */
export const isJsonApiContentType = (value: string | undefined) =>
  /^application\/vnd\.api\+json\s*(;|$)/i.test(value ?? '');
