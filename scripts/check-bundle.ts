/**
 * Fails when the app's initial JavaScript (what its page loads before first render) weighs more than
 * MAX_FLOOR_RATIO times the stack floor's: the smallest inbox on the same packages (scripts/bench/floor/), built
 * here beside it. Run after `vite build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kilobytes, MAX_FLOOR_RATIO, measureDist } from './bench/bundle.ts';
import { buildFloor } from './bench/floor.ts';

const app = measureDist();
const directory = mkdtempSync(join(tmpdir(), 'inbox-floor-'));
let floorBytes: number;
try {
  floorBytes = measureDist(await buildFloor(join(directory, 'dist'))).initialBytes;
} finally {
  rmSync(directory, { recursive: true, force: true });
}
const ratio = app.initialBytes / floorBytes;
const summary = `Initial JavaScript: ${kilobytes(app.initialBytes)} gzip in ${app.initial.length} file(s), the floor's ${kilobytes(floorBytes)}: ${ratio.toFixed(2)}× (at most ${MAX_FLOOR_RATIO}×)`;
if (ratio > MAX_FLOOR_RATIO) {
  console.error(`${summary}: too heavy.`);
  for (const chunk of app.initial) console.error(`  ${chunk.file}  ${kilobytes(chunk.gzipBytes)}`);
  process.exit(1);
}
console.log(summary);
