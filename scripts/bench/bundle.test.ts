import { describe, expect, it } from 'vitest';
import { measureBundle, type Manifest } from './bundle.ts';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_jsx.js'],
    dynamicImports: ['src/Feed.tsx', 'src/Help.tsx'],
  },
  '_jsx.js': { file: 'assets/jsx.js' },
  'src/Feed.tsx': { file: 'assets/Feed.js', imports: ['_jsx.js', '_states.js'] },
  '_states.js': { file: 'assets/states.js' },
  'src/Help.tsx': { file: 'assets/Help.js', imports: ['_jsx.js'] },
  'style.css': { file: 'assets/index.css' },
};
const sizes: Record<string, number> = {
  'assets/index.js': 1000,
  'assets/jsx.js': 200,
  'assets/Feed.js': 300,
  'assets/states.js': 50,
  'assets/Help.js': 40,
};

describe('measureBundle', () => {
  it('counts the entry and its static imports as the initial download, and every other chunk as lazy', () => {
    const report = measureBundle(manifest, (file) => sizes[file] ?? 0);
    expect(report.initial.map((chunk) => chunk.file).sort()).toEqual([
      'assets/index.js',
      'assets/jsx.js',
    ]);
    expect(report.initialBytes).toBe(1200);
    expect(report.lazy.map((chunk) => chunk.file).sort()).toEqual([
      'assets/Feed.js',
      'assets/Help.js',
      'assets/states.js',
    ]);
  });

  it('refuses a manifest without an entry', () => {
    expect(() => measureBundle({ 'a.js': { file: 'a.js' } }, () => 0)).toThrow(/no entry/);
  });
});
