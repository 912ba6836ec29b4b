// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderCommentBody, safeHref } from './comment-markup.tsx';

const html = (markup: string) =>
  render(<div>{renderCommentBody(markup)}</div>).container.firstElementChild as HTMLElement;

describe('comment bodies', () => {
  it('keeps paragraphs, emphasis, lists, line breaks and http(s) links', () => {
    const body = html(
      '<p>Hi <b>team</b>, <em>see</em>:</p><ul><li>one</li><li>two</li></ul><ol><li>x</li></ol>a<br>b <a href="https://example.com/x?y=1">link</a>',
    );
    expect(body.querySelectorAll('p')).toHaveLength(1);
    expect(body.querySelectorAll('ul > li')).toHaveLength(2);
    expect(body.querySelectorAll('ol > li')).toHaveLength(1);
    expect(body.querySelector('br')).not.toBeNull();
    const link = body.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/x?y=1');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(body.textContent).toBe('Hi team, see:onetwoxab link');
  });

  it('shows mentions as names', () => {
    const body = html('<p>@[Person:7:Marko Horvat] please check, cc @[Person:1:Ana Kovač]</p>');
    expect(body.textContent).toBe('@Marko Horvat please check, cc @Ana Kovač');
  });

  const hostile: string[] = [
    '<script>window.hacked = 1</script>text',
    '<img src=x onerror="window.hacked = 1">',
    '<svg onload="window.hacked = 1"><circle/></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.hacked=1">',
    '<a href="javascript:window.hacked=1">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="data:text/html,<script>alert(1)</script>">click</a>',
    '<a href="//evil.example/x">protocol-relative</a>',
    '<a href="/relative">relative</a>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">styled</p>',
    '<iframe src="https://evil.example"></iframe>',
    '<form action="https://evil.example"><input name=x></form>',
    '<b onmouseover="alert(1)">bold</b>',
    '<div><p>unclosed <b>tags',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
  ];
  it.each(hostile)('renders %s without anything that runs or loads', (markup) => {
    const body = html(markup);
    expect(body.querySelector('script, img, svg, math, iframe, form, input, style')).toBeNull();
    for (const element of body.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames())
        expect(attribute).not.toMatch(/^on|style|src/);
    }
    for (const link of body.querySelectorAll('a'))
      expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('renders random hostile bodies with only the allowlist', () => {
    // Seeded (mulberry32): the same bodies every run. Pieces of tags, attributes and handlers, shuffled.
    let seed = 2026;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = [
      '<',
      '>',
      '</',
      '/',
      ' ',
      '"',
      "'",
      '=',
      'a',
      'b',
      'p',
      'img',
      'svg',
      'script',
      'iframe',
      'style',
      'noscript',
      'template',
      'math',
      'form',
      ' onerror=',
      ' onload=',
      ' src=',
      ' style=',
      ' href=',
      'javascript:',
      'https://x.example/',
      '<!--',
      '-->',
      '&lt;',
      '&#x3c;',
      'text',
    ];
    const allowed = new Set(['P', 'UL', 'OL', 'LI', 'BR', 'A', 'SPAN']);
    for (let round = 0; round < 300; round++) {
      const markup = Array.from(
        { length: 1 + Math.floor(random() * 60) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      const body = html(markup);
      for (const element of body.querySelectorAll('*')) {
        expect(allowed.has(element.tagName), markup).toBe(true);
        for (const attribute of element.getAttributeNames())
          expect(['class', 'href', 'target', 'rel'], markup).toContain(attribute);
      }
      for (const link of body.querySelectorAll('a'))
        expect(link.getAttribute('href'), markup).toMatch(/^https?:\/\/[^/]/);
    }
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('keeps the text of what it drops readable', () => {
    expect(html('<a href="javascript:x">click</a>').textContent).toBe('click');
    expect(html('&lt;script&gt;alert(1)&lt;/script&gt;').textContent).toBe(
      '<script>alert(1)</script>',
    );
    expect(html('<p>unclosed <b>tags').textContent).toBe('unclosed tags');
  });

  it('allows only absolute http(s) links', () => {
    expect(safeHref('https://a.example/b')).toBe('https://a.example/b');
    expect(safeHref('http://a.example')).toBe('http://a.example/');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '/local',
      '//evil.example',
      'mailto:a@b.c',
      '',
      null,
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});
