import { describe, expect, it } from 'vitest';
import { insertMention, matchPeople, mentionQueryAt } from './mentions.ts';

const person = (id: string, name: string) => ({ id, name, avatarUrl: null });
const people = [
  person('1', 'Ana Kovač'),
  person('2', 'Ivan Horvat'),
  person('3', 'Marta Anić'),
  person('4', 'Zoran Banana'),
];

describe('mentionQueryAt', () => {
  it('finds the @ being typed at the caret', () => {
    expect(mentionQueryAt('Hi @an', 6)).toEqual({ start: 3, query: 'an' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('(@Ana Ko', 8)).toEqual({ start: 1, query: 'Ana Ko' });
    // The caret decides, not the end of the text.
    expect(mentionQueryAt('@an and more', 3)).toEqual({ start: 0, query: 'an' });
  });

  it('is nothing inside a word, across lines, after a space or past three words', () => {
    expect(mentionQueryAt('me@an', 5)).toBeNull();
    expect(mentionQueryAt('@an\nx', 5)).toBeNull();
    expect(mentionQueryAt('@ an', 4)).toBeNull();
    expect(mentionQueryAt('@a b c d', 8)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });
});

describe('insertMention', () => {
  it('replaces the @query with @Name and a space (not before punctuation), caret after it', () => {
    const text = 'Hi @an, see this';
    expect(insertMention(text, { start: 3, query: 'an' }, 6, 'Ana Kovač')).toEqual({
      text: 'Hi @Ana Kovač, see this',
      caret: 13,
    });
    expect(insertMention('@iv more', { start: 0, query: 'iv' }, 3, 'Ivan Horvat')).toEqual({
      text: '@Ivan Horvat more',
      caret: 12,
    });
    expect(insertMention('@iv', { start: 0, query: 'iv' }, 3, 'Ivan Horvat')).toEqual({
      text: '@Ivan Horvat ',
      caret: 13,
    });
  });
});

describe('matchPeople', () => {
  it('ranks the name starting with it first, then a later word, then anywhere; ignores case and accents', () => {
    expect(matchPeople(people, 'an').map((p) => p.id)).toEqual(['1', '3', '2', '4']);
    expect(matchPeople(people, 'ANIC').map((p) => p.id)).toEqual(['3']);
    expect(matchPeople(people, 'kovac').map((p) => p.id)).toEqual(['1']);
    expect(matchPeople(people, 'xyz')).toEqual([]);
    expect(matchPeople(people, '', 2)).toHaveLength(2);
  });
});
