/**
 * npm run standin: a local stand-in for Productive on STANDIN_PORT (default 4180), for trying team and personal
 * mode without a Productive account. Prints the tokens it accepts.
 */
import { startStandin, STANDIN_PEOPLE } from '../server/testing/productive-standin.ts';

const port = Number(process.env.STANDIN_PORT ?? 4180);
const standin = await startStandin({ port });
console.log(`Productive stand-in on ${standin.url}`);
for (const person of STANDIN_PEOPLE) {
  console.log(
    `  ${person.firstName} ${person.lastName}: token ${person.token}, organization ${person.organizationId}`,
  );
}
const stop = () => void standin.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
