/** Fails when the inbox route's JavaScript before first render is over budget (run after `vite build`). */
import { INBOX_BUDGET_BYTES, kilobytes, measureDist } from './bench/bundle.ts';

const report = measureDist();
const summary = `Inbox route JavaScript: ${kilobytes(report.initialBytes)} gzip in ${report.initial.length} file(s), budget ${kilobytes(INBOX_BUDGET_BYTES)}`;
if (report.initialBytes > INBOX_BUDGET_BYTES) {
  console.error(`${summary}: over budget.`);
  for (const chunk of report.initial)
    console.error(`  ${chunk.file}  ${kilobytes(chunk.gzipBytes)}`);
  process.exit(1);
}
console.log(summary);
