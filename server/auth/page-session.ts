/**
 * The page carries its session description (mode, scope, who: never a token) in a meta tag, so the app knows
 * before its first request whose data it may restore, and a team page signed out shows the form at once.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirectory } from '../db/database.ts';
import type { PublicSession } from './routes.ts';

const escapeAttribute = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');

/** index.html with `<meta name="inbox-session" content="…">` added to its head. */
export function withPageSession(html: string, session: PublicSession): string {
  const meta = `<meta name="inbox-session" content="${escapeAttribute(JSON.stringify(session))}" />`;
  // A function as the replacement: a string one would read `$&`, `$'` and `` $` `` in people's names as patterns.
  return html.includes('</head>')
    ? html.replace('</head>', () => `    ${meta}\n  </head>`)
    : meta + html;
}

/**
 * Personal mode's scope: which token this device's data belongs to, without saying anything about the token.
 * An HMAC under a random key kept in the data directory (created once, readable by this user only), so a new
 * token, even in the same organization, never sees the old one's cached lists or queued actions.
 */
export function personalScope(dataDir: string, token: string, organizationId: string): string {
  const keyPath = join(dataDir, 'scope.key');
  let key: Buffer;
  if (existsSync(keyPath)) {
    key = readFileSync(keyPath);
  } else {
    makeDirectory(dataDir);
    key = randomBytes(32);
    writeFileSync(keyPath, key, { mode: 0o600 });
    chmodSync(keyPath, 0o600);
  }
  const fingerprint = createHmac('sha256', key).update(token).digest('base64url').slice(0, 16);
  return `personal:${organizationId}:${fingerprint}`;
}
