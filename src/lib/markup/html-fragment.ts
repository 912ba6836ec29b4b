/**
 * A small, forgiving HTML fragment parser for untrusted markup from the API. Tags, attributes, comments, raw text
 * and character references are read by htmlparser2's tokenizer: one pass over the input, linear time whatever it
 * holds (decision 003). The tree is built here. It never hands the markup to the browser's parser: even an inert
 * DOMParser document makes Chromium check (and report) inline handlers and <base> against the page's
 * Content-Security-Policy. Nothing here loads, runs or touches the DOM; what may be shown is decided by the
 * allowlist renderer (features/activity/model/comment-markup.tsx), not here.
 */
import { Tokenizer } from 'htmlparser2';
import { decodeEntities } from './entities.ts';

export { decodeEntities };

export type FragmentNode =
  | { type: 'text'; text: string }
  | { type: 'element'; tag: string; attributes: Map<string, string>; children: FragmentNode[] };

type ElementNode = FragmentNode & { type: 'element' };

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
/**
 * Elements whose content is never shown: skipped whole. The tokenizer reads the content of script, style,
 * textarea, title, xmp, iframe, noembed, noframes and plaintext as raw text; the others' content is skipped here.
 */
const SKIPPED = new Set([
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

/**
 * Deeper than this, start tags are ignored (their text is kept): thousands of unclosed tags would otherwise make
 * a tree too deep to render, and closing one would search a long list of open elements.
 */
export const MAX_DEPTH = 64;

/**
 * Parses markup into a tree. An end tag closes the latest open element of its name and everything opened inside
 * it; unmatched end tags are ignored; what is left open closes at the end; void elements never take children.
 * A tag the markup ends inside of is kept as text: in a comment, "budget is <half of the plan" is prose.
 */
export function parseFragment(markup: string): FragmentNode[] {
  const root: ElementNode = { type: 'element', tag: '#root', attributes: new Map(), children: [] };
  const open = [root];
  const current = () => open[open.length - 1] as ElementNode;
  // The element a start tag will make, between its name and its ">", and where its "<" was.
  let pending: ElementNode | null = null;
  let pendingStart = 0;
  let attribute = '';
  let value = '';
  // Inside a skipped element: the name of its end tag, and how many of that name are open within it.
  let skipping: string | null = null;
  let skippedDepth = 0;

  // Text between two tags is one node, whatever comments or character references it holds.
  let text: (FragmentNode & { type: 'text' }) | null = null;
  const addText = (chunk: string) => {
    if (skipping || !chunk) return;
    if (text) text.text += chunk;
    else current().children.push((text = { type: 'text', text: chunk }));
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext: (start, end) => addText(markup.slice(start, end)),
      ontextentity: (codePoint) => addText(String.fromCodePoint(codePoint)),
      onopentagname(start, end) {
        // The "<" is just before the name.
        pendingStart = start - 1;
        pending = {
          type: 'element',
          tag: markup.slice(start, end).toLowerCase(),
          attributes: new Map(),
          children: [],
        };
      },
      onattribname(start, end) {
        attribute = markup.slice(start, end).toLowerCase();
        value = '';
      },
      onattribdata(start, end) {
        value += markup.slice(start, end);
      },
      onattribentity(codePoint) {
        value += String.fromCodePoint(codePoint);
      },
      onattribend() {
        if (pending && !pending.attributes.has(attribute)) pending.attributes.set(attribute, value);
      },
      onopentagend: () => openPending(),
      // As in HTML, a trailing slash closes nothing: only void elements have no content.
      onselfclosingtag: () => openPending(),
      onclosetag(start, end) {
        text = null;
        const tag = markup.slice(start, end).toLowerCase();
        if (skipping) {
          if (tag === skipping && --skippedDepth === 0) skipping = null;
          return;
        }
        const at = open.findLastIndex((element) => element.tag === tag);
        if (at > 0) open.length = at;
      },
      oncomment() {},
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        // Ended inside a start tag: what looked like one is text.
        if (pending) addText(decodeEntities(markup.slice(pendingStart)));
        pending = null;
      },
    },
  );

  function openPending() {
    text = null;
    const element = pending;
    pending = null;
    if (!element) return;
    if (skipping) {
      if (element.tag === skipping) skippedDepth++;
      return;
    }
    if (SKIPPED.has(element.tag)) {
      skipping = element.tag;
      skippedDepth = 1;
      return;
    }
    if (open.length > MAX_DEPTH) return;
    current().children.push(element);
    if (!VOID.has(element.tag)) open.push(element);
  }

  tokenizer.write(markup);
  tokenizer.end();
  return root.children;
}
