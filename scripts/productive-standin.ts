/**
 * npm run standin: a local stand-in for Productive on STANDIN_PORT (default 4180), for trying team and personal
 * mode without a Productive account. Prints the tokens it accepts. STANDIN_REALISTIC=1 answers the way the real
 * API does (capitalised types, string ids, object changesets, …), with a read-only token and both rate windows.
 */
import {
  REALISTIC_PEOPLE,
  startStandin,
  STANDIN_PEOPLE,
} from '../server/testing/productive-standin.ts';

const port = Number(process.env.STANDIN_PORT ?? 4180);
const realistic = process.env.STANDIN_REALISTIC === '1';
const standin = await startStandin({ port, realistic });
console.log(`Productive stand-in on ${standin.url}${realistic ? ' (realistic)' : ''}`);
for (const person of realistic ? REALISTIC_PEOPLE : STANDIN_PEOPLE) {
  console.log(
    `  ${person.firstName} ${person.lastName}: token ${person.token}, organization ${person.organizationId}` +
      (person.readOnly ? ' (read-only)' : ''),
  );
}
const stop = () => void standin.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
