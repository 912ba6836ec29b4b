import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A server of a test's own, on its own fresh demo database, that the test can stop and start: for tests that
 * change much data, or take the server away.
 */
export class OwnServer {
  readonly base: string;
  private readonly port: number;
  private readonly database = join(mkdtempSync(join(tmpdir(), 'inbox-own-')), 'inbox.db');
  private process: ChildProcess | null = null;

  constructor(port: number) {
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
  }

  async start() {
    this.process = spawn(process.execPath, ['server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        INBOX_DB: this.database,
        INBOX_RATE_LIMITS: 'off',
      },
      stdio: 'ignore',
    });
    for (let attempt = 0; attempt < 300; attempt++) {
      const up = await fetch(`${this.base}/api/v2/projects?page[size]=1`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new Error(`The server on port ${this.port} did not start`);
  }

  async stop() {
    const running = this.process;
    this.process = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  }

  /** A JSON:API document from this server. */
  async get<T>(path: string): Promise<T> {
    return (await (await fetch(`${this.base}/api/v2${path}`)).json()) as T;
  }
}
