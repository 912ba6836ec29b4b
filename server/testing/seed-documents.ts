import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface SeedExample {
  file: string;
  method: 'GET' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
}

/** The contract's documents, copied into the repository (seeds/README.md); INBOX_SEEDS_DIR reads another copy. */
export const seedsDirectory = resolve(
  process.env.INBOX_SEEDS_DIR ?? join(import.meta.dirname, 'seeds'),
);

/** Every request shown in the seed documents with the response body shown for it. */
export function readSeedExamples(): SeedExample[] {
  const examples: SeedExample[] = [];
  for (const file of readdirSync(seedsDirectory).filter((name) => name.endsWith('.txt'))) {
    const lines = readFileSync(join(seedsDirectory, file), 'utf8').split('\n');
    let request: { method: 'GET' | 'PATCH'; path: string } | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] as string).trim();
      const match = /^(GET|PATCH)\s+(\/api\/v2\/\S+)$/.exec(line);
      if (match) request = { method: match[1] as 'GET' | 'PATCH', path: match[2] as string };
      if (line === 'Body' && request) {
        let depth = 0;
        const json: string[] = [];
        for (let j = i + 1; j < lines.length; j++) {
          const text = lines[j] as string;
          json.push(text);
          depth += (text.match(/{/g) ?? []).length - (text.match(/}/g) ?? []).length;
          if (depth === 0 && text.trim() !== '') {
            i = j;
            break;
          }
        }
        examples.push({
          file,
          ...request,
          body: JSON.parse(json.join('\n')) as Record<string, unknown>,
        });
        request = null;
      }
    }
  }
  return examples;
}

const kind = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Differences between the shape of a seed value and ours: keys and JSON types (null matches any type). */
/**
 * Attributes the real API has that the seed's examples predate: a notification's root (tb-prod's resource schema of
 * April 2026 lists `root_id` and `root_type`; see ../shared/productive-api.md).
 */
const BEYOND_THE_SEED = new Set(['root_id', 'root_type']);

export function shapeDifferences(
  seed: unknown,
  ours: unknown,
  path = '$',
  exactKeys = false,
): string[] {
  if (seed === null || ours === null || seed === undefined) return [];
  if (kind(seed) !== kind(ours)) return [`${path}: seed has ${kind(seed)}, ours ${kind(ours)}`];
  if (Array.isArray(seed) && Array.isArray(ours)) {
    return seed.length && ours.length
      ? shapeDifferences(seed[0], ours[0], `${path}[0]`, exactKeys)
      : [];
  }
  if (kind(seed) !== 'object') return [];
  const a = seed as Record<string, unknown>;
  const b = ours as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(a)) {
    if (!(key in b)) problems.push(`${path}.${key}: missing`);
    else
      problems.push(
        ...shapeDifferences(
          a[key],
          b[key],
          `${path}.${key}`,
          key === 'attributes' || key === 'relationships',
        ),
      );
  }
  if (exactKeys)
    for (const key of Object.keys(b))
      if (!(key in a) && !BEYOND_THE_SEED.has(key))
        problems.push(`${path}.${key}: not in the seed`);
  return problems;
}
