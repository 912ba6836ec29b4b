import { describe, expect, it } from 'vitest';
import { parseFragment } from './html-fragment.ts';
import { commentMarkup, mentionName, mentionsIn } from './comment-writer.ts';

const ana = { id: '7', name: 'Ana Kovač' };
const an = { id: '8', name: 'An' };

describe('commentMarkup', () => {
  it('keeps paragraphs and line breaks, and drops blank lines around them', () => {
    expect(commentMarkup('\n\nFirst line\nsecond line\n\n\n  \nNew paragraph  \n\n')).toBe(
      '<p>First line<br>second line</p><p>New paragraph</p>',
    );
    expect(commentMarkup('a\r\nb\r\n\r\nc')).toBe('<p>a<br>b</p><p>c</p>');
  });

  it('is empty for nothing but whitespace', () => {
    expect(commentMarkup('')).toBe('');
    expect(commentMarkup(' \n\t\n ')).toBe('');
  });

  it('escapes everything typed: no element but its own paragraphs and breaks ever comes out', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"><svg/onload=alert(1)>',
      "' onmouseover='x",
      '&lt;b&gt;already escaped&lt;/b&gt;',
      '<a href="javascript:alert(1)">x</a>',
      '<!-- comment --><![CDATA[x]]>',
      '</p><p>',
    ].join('\n');
    const markup = commentMarkup(hostile);
    const tags = [...markup.matchAll(/<\/?([a-z]+)/gi)].map((match) => match[1]);
    expect(new Set(tags)).toEqual(new Set(['p', 'br']));
    expect(markup).not.toMatch(/<(?!\/?p>|br>)/);
    // What a reader sees is exactly what was typed.
    const text = parseFragment(markup)
      .flatMap((node) => (node.type === 'element' ? node.children : [node]))
      .map((node) => (node.type === 'text' ? node.text : '\n'))
      .join('');
    expect(text).toBe(hostile);
  });

  it('writes the people picked as @[Person:ID:Name], longest name first, never inside a word', () => {
    expect(commentMarkup('@Ana Kovač and @An, not @Anabel or me@An', [an, ana])).toBe(
      '<p>@[Person:7:Ana Kovač] and @[Person:8:An], not @Anabel or me@An</p>',
    );
    expect(commentMarkup('@Ana Kovačević', [ana])).toBe('<p>@Ana Kovačević</p>');
  });

  it('leaves a mention as text when it is not one of the people picked, or typed as markup', () => {
    expect(commentMarkup('@Boss hi', [])).toBe('<p>@Boss hi</p>');
    expect(commentMarkup('@[Person:1:<b>x</b>]')).toBe('<p>@[Person:1:&lt;b&gt;x&lt;/b&gt;]</p>');
  });

  it('cleans and escapes a hostile name, and ignores a malformed id', () => {
    const evil = { id: '9', name: 'Evil] <img onerror=x>' };
    expect(commentMarkup('hi @Evil] <img onerror=x>', [evil])).toBe(
      '<p>hi @[Person:9:Evil &lt;img onerror=x&gt;]</p>',
    );
    expect(commentMarkup('@Ana Kovač', [{ id: '7x', name: 'Ana Kovač' }])).toBe(
      '<p>@Ana Kovač</p>',
    );
    expect(mentionName('a\u0000b [c]')).toBe('a b c');
  });
});

describe('mentionsIn', () => {
  it('keeps the people whose @Name is still in the text, once each', () => {
    expect(mentionsIn('@Ana Kovač and @Ana Kovač', [ana, ana, an])).toEqual([ana]);
    expect(mentionsIn('@Ana Kov', [ana])).toEqual([]);
  });
});
