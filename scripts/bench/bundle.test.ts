import { describe, expect, it } from 'vitest';
import { initialScriptsOf, measureBundle } from './bundle.ts';

const html = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index.js"></script>
<link rel="modulepreload" crossorigin href="/assets/jsx.js">
<link rel="modulepreload" crossorigin href="/assets/Inbox.js">
<link rel="stylesheet" crossorigin href="/assets/index.css">
<link rel="icon" href="/favicon.svg">
</head><body><div id="root"></div></body></html>`;
const sizes: Record<string, number> = {
  'assets/index.js': 1000,
  'assets/jsx.js': 200,
  'assets/Inbox.js': 300,
  'assets/Feed.js': 50,
  'assets/Help.js': 40,
};

describe('measureBundle', () => {
  it('counts the page’s scripts and modulepreloads as the initial download, every other chunk as lazy', () => {
    const report = measureBundle(html, Object.keys(sizes), (file) => sizes[file] ?? 0);
    expect(report.initial.map((chunk) => chunk.file)).toEqual([
      'assets/index.js',
      'assets/jsx.js',
      'assets/Inbox.js',
    ]);
    expect(report.initialBytes).toBe(1500);
    expect(report.lazy.map((chunk) => chunk.file).sort()).toEqual([
      'assets/Feed.js',
      'assets/Help.js',
    ]);
  });

  it('ignores stylesheets, icons and other links', () => {
    expect(initialScriptsOf(html)).not.toContain('assets/index.css');
    expect(initialScriptsOf(html)).toHaveLength(3);
  });

  it('refuses a page that loads no script', () => {
    expect(() => measureBundle('<html></html>', [], () => 0)).toThrow(/no script/);
  });
});
