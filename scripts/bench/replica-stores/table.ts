/** The figures of scripts/bench/replica-stores.ts, summed up as a Markdown table (medians of the runs). */

export interface StoreRun {
  writeAllMs: number;
  readAllMs: number;
  putPageMs: number;
  clearMs: number;
  bytes: number;
}

export interface StoreResult {
  store: string;
  notifications: number;
  runs: StoreRun[];
  /** The library's used API, bundled and minified, gzipped. */
  gzipBytes: number;
}

/** The median (p50) of some numbers: the middle one, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('No values to take the median of');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const ms = (value: number) =>
  `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function storeTable(results: readonly StoreResult[]): string {
  const header = [
    '| Store | Held | Write all (1 bulk) | Open + read all | Put a sync page of 200 | Delete all | IndexedDB size | Gzip |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const rows = results.map((result) => {
    const p50 = (pick: (run: StoreRun) => number) => median(result.runs.map(pick));
    return `| ${[
      result.store,
      result.notifications.toLocaleString('en'),
      ms(p50((run) => run.writeAllMs)),
      ms(p50((run) => run.readAllMs)),
      ms(p50((run) => run.putPageMs)),
      ms(p50((run) => run.clearMs)),
      megabytes(p50((run) => run.bytes)),
      kilobytes(result.gzipBytes),
    ].join(' | ')} |`;
  });
  return [...header, ...rows].join('\n');
}
