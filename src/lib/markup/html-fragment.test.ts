import { describe, expect, it } from 'vitest';
import { decodeEntities, parseFragment, type FragmentNode } from './html-fragment.ts';

/** The tree as a compact string: elements as tag(children), attributes as [name=value]. */
const show = (nodes: FragmentNode[]): string =>
  nodes
    .map((node) =>
      node.type === 'text'
        ? JSON.stringify(node.text)
        : `${node.tag}${[...node.attributes].map(([name, value]) => `[${name}=${value}]`).join('')}(${show(node.children)})`,
    )
    .join(' ');

describe('parseFragment', () => {
  it('builds nested elements and text, decoding entities', () => {
    expect(show(parseFragment('<p>Hi <b>there</b> &amp; <i>you</i></p>tail'))).toBe(
      'p("Hi " b("there") " & " i("you")) "tail"',
    );
  });

  it('reads quoted, unquoted and bare attributes, lower-casing names', () => {
    expect(
      show(
        parseFragment(
          `<a HREF="https://x.test/?a=1&amp;b=2" target='_blank' data-x=1 hidden>l</a>`,
        ),
      ),
    ).toBe('a[href=https://x.test/?a=1&b=2][target=_blank][data-x=1][hidden=]("l")');
  });

  it('skips script, style and other raw-text elements with everything inside them', () => {
    expect(show(parseFragment('a<script>alert("<b>")</script>b<style>p{}</style>c'))).toBe(
      '"a" "b" "c"',
    );
    expect(show(parseFragment('a<textarea></b><img src=x onerror=1></textarea>b'))).toBe('"a" "b"');
    expect(show(parseFragment('a<script>never closed <b>x</b>'))).toBe('"a"');
  });

  it('drops comments and declarations, even unterminated ones', () => {
    expect(show(parseFragment('a<!-- <img src=x onerror=1> -->b<!DOCTYPE html>c<?php x ?>d'))).toBe(
      '"abcd"',
    );
    expect(show(parseFragment('a<!-- open'))).toBe('"a"');
  });

  it('keeps a "<" that starts no tag as text, and ignores end tags nothing opened', () => {
    expect(show(parseFragment('1 < 2 and 3 <4'))).toBe('"1 < 2 and 3 <4"');
    expect(show(parseFragment('</b>text</p>'))).toBe('"text"');
    expect(show(parseFragment('<img src=x onerror=alert(1)//'))).toBe(
      '"<img src=x onerror=alert(1)//"',
    );
  });

  it('closes what is left open, and void elements never take children', () => {
    expect(show(parseFragment('<ul><li>one<li>two'))).toBe('ul(li("one" li("two")))');
    expect(show(parseFragment('<br>after<img src=x>more'))).toBe(
      'br() "after" img[src=x]() "more"',
    );
  });

  it('closes an element at its end tag, closing anything opened inside it', () => {
    expect(show(parseFragment('<p><b>bold</p>after'))).toBe('p(b("bold")) "after"');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities and leaves unknown or invalid ones', () => {
    expect(decodeEntities('&lt;&#60;&#x3c;&nbsp;&unknown;&#0;&#xD800;')).toBe(
      '<<<\u00a0&unknown;&#0;&#xD800;',
    );
  });
});
