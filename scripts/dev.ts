/** npm run dev: the API server on API_PORT and Vite (on DEV_PORT, default 5173) with hot reload, proxying /api to it. */
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const apiPort = process.env.API_PORT ?? '4174';
const api = spawn(process.execPath, ['server/main.ts'], {
  stdio: 'inherit',
  // The API server is reached only through Vite's proxy: it stays on loopback whatever HOST Vite gets
  // (personal mode refuses anything else).
  env: { ...process.env, HOST: '127.0.0.1', PORT: apiPort, INBOX_STATIC_ROOT: 'none' },
});
const vite = await createServer({
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.DEV_PORT ?? 5173) },
});
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
