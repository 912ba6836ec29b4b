import { describe, expect, it } from 'vitest';
import { parseTitleMarkup, titleText } from './title-markup.ts';

describe('title markup', () => {
  it('keeps bold and italic from the API', () => {
    expect(
      parseTitleMarkup('created task <b>#1: Ticket</b> on <strong>Project</strong> <em>now</em>'),
    ).toEqual([
      { text: 'created task ', bold: false, italic: false },
      { text: '#1: Ticket', bold: true, italic: false },
      { text: ' on ', bold: false, italic: false },
      { text: 'Project', bold: true, italic: false },
      { text: ' ', bold: false, italic: false },
      { text: 'now', bold: false, italic: true },
    ]);
  });

  it('decodes entities into text', () => {
    expect(titleText('Q&amp;A &lt;b&gt; &#39;x&#39; &#x41;')).toBe("Q&A <b> 'x' A");
  });

  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<b onclick="alert(1)">click</b>',
    '<a href="javascript:alert(1)">x</a>',
    '<svg><script>alert(1)</script></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<iframe src="data:text/html,<script>alert(1)</script>">',
    '<style>body{display:none}</style>',
    '<b><i>unclosed',
    '</b>stray close',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
  ];
  for (const markup of hostile) {
    it(`shows ${JSON.stringify(markup)} as text`, () => {
      const text = titleText(markup);
      // Nothing is dropped: every dangerous tag is still there, as readable text.
      for (const word of [
        'script',
        'onerror',
        'onclick',
        'javascript:',
        'iframe',
        'style',
        'unclosed',
        'stray close',
      ]) {
        if (markup.includes(word)) expect(text).toContain(word);
      }
      if (markup.startsWith('<script>')) expect(text).toBe(markup);
    });
  }

  it('keeps tags with attributes and unknown tags as literal text', () => {
    expect(titleText('<b onclick="x">hi</b>')).toBe('<b onclick="x">hi</b>');
    expect(titleText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(parseTitleMarkup('</b>x')).toEqual([{ text: '</b>x', bold: false, italic: false }]);
  });
});
