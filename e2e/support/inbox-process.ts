import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `node server/main.ts` as its own process with the settings a test gives (team or personal mode, say), its
 * output kept so the test can read every log line.
 */
export class InboxProcess {
  readonly base: string;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'inbox-process-'));
  readonly output: string[] = [];
  private process: ChildProcess | null = null;
  private readonly port: number;
  private env: Record<string, string>;

  constructor(port: number, env: Record<string, string>) {
    this.port = port;
    this.env = env;
    this.base = `http://127.0.0.1:${port}`;
  }

  /** Changes settings for the next start (a restart at the test's own time, say). */
  setEnv(env: Record<string, string>) {
    this.env = { ...this.env, ...env };
  }

  async start() {
    const child = spawn(process.execPath, ['server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        INBOX_DB: join(this.dataDir, 'inbox.db'),
        INBOX_DATA_DIR: this.dataDir,
        // Many requests in little time; a spec that tests the rate windows sets INBOX_RATE_LIMITS=on.
        INBOX_RATE_LIMITS: 'off',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    for (let attempt = 0; attempt < 300; attempt++) {
      if (child.exitCode !== null) break;
      const up = await fetch(`${this.base}/auth/session`).then(
        () => true,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new Error(`The inbox server on ${this.port} did not start: ${this.output.join('')}`);
  }

  async stop() {
    const running = this.process;
    this.process = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  }
}
