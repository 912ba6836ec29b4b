/** npm run dev: the API server on API_PORT and Vite with hot reload, proxying /api to it. */
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const apiPort = process.env.API_PORT ?? '4174';
const api = spawn(process.execPath, ['server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort, INBOX_STATIC_ROOT: 'none' },
});
const vite = await createServer({ server: { host: process.env.HOST ?? '127.0.0.1' } });
await vite.listen();
vite.printUrls();

const stop = () => {
  api.kill();
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  if (code) {
    console.error(`The API server stopped (exit ${code})`);
    process.exit(code);
  }
});
