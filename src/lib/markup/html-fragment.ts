/**
 * A small, forgiving HTML fragment parser for untrusted markup from the API. It never hands the markup to the
 * browser's parser: even an inert DOMParser document makes Chromium check (and report) inline handlers and
 * <base> against the page's Content-Security-Policy. Nothing here loads, runs or touches the DOM.
 */
export type FragmentNode =
  | { type: 'text'; text: string }
  | { type: 'element'; tag: string; attributes: Map<string, string>; children: FragmentNode[] };

import { decodeEntities } from './entities.ts';

export { decodeEntities };

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content is raw text up to their end tag: skipped whole. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'template',
  'plaintext',
]);

const START_TAG =
  /^<([a-zA-Z][^\s/>]*)((?:\s*[^\s/>=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?|\s*\/)*)\s*>/;
const END_TAG = /^<\/([a-zA-Z][^\s/>]*)[^>]*>/;
const ATTRIBUTE = /([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] as string).toLowerCase();
    if (!attributes.has(name))
      attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** Parses markup into a tree. Unmatched end tags are ignored; what is left open closes at the end. */
export function parseFragment(markup: string): FragmentNode[] {
  const root: FragmentNode & { type: 'element' } = {
    type: 'element',
    tag: '#root',
    attributes: new Map(),
    children: [],
  };
  const open = [root];
  const current = () => open[open.length - 1] as typeof root;
  let text = '';
  const flush = () => {
    if (text) current().children.push({ type: 'text', text: decodeEntities(text) });
    text = '';
  };

  let index = 0;
  while (index < markup.length) {
    const next = markup.indexOf('<', index);
    if (next < 0) {
      text += markup.slice(index);
      break;
    }
    text += markup.slice(index, next);
    const rest = markup.slice(next);
    if (rest.startsWith('<!--')) {
      const end = markup.indexOf('-->', next + 4);
      index = end < 0 ? markup.length : end + 3;
      continue;
    }
    if (/^<[!?]/.test(rest)) {
      const end = markup.indexOf('>', next);
      index = end < 0 ? markup.length : end + 1;
      continue;
    }
    const endTag = END_TAG.exec(rest);
    if (endTag) {
      flush();
      const tag = (endTag[1] as string).toLowerCase();
      const at = open.findLastIndex((element) => element.tag === tag);
      if (at > 0) open.length = at;
      index = next + endTag[0].length;
      continue;
    }
    const startTag = START_TAG.exec(rest);
    if (!startTag) {
      // Not a tag: a literal "<".
      text += '<';
      index = next + 1;
      continue;
    }
    flush();
    const tag = (startTag[1] as string).toLowerCase();
    index = next + startTag[0].length;
    if (RAW_TEXT.has(tag)) {
      const close = new RegExp(`</${tag}[\\s/>]`, 'i').exec(markup.slice(index));
      index = close ? index + close.index + close[0].length : markup.length;
      if (close && !close[0].endsWith('>')) {
        const end = markup.indexOf('>', index - 1);
        index = end < 0 ? markup.length : end + 1;
      }
      continue;
    }
    const element = {
      type: 'element' as const,
      tag,
      attributes: readAttributes(startTag[2] ?? ''),
      children: [],
    };
    current().children.push(element);
    // As in HTML, a trailing slash closes nothing: only void elements have no content.
    if (!VOID.has(tag)) open.push(element);
  }
  flush();
  return root.children;
}
