/** `node server/main.ts` as its own process, for tests of what only a real process shows (locks, kill -9, exits). */
import { spawn, type ChildProcess } from 'node:child_process';
import { inheritedEnv } from './child-env.ts';

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Ends it (SIGTERM, or the signal given) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the server with PORT=0 and the given environment; resolves once it says where it listens. */
export function startServer(
  env: Record<string, string>,
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: { ...inheritedEnv(), PORT: '0', INBOX_STATIC_ROOT: 'none', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`The server did not start: ${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}): ${output}`));
    });
    const look = () => {
      const match = /Productive inbox on (http:\/\/[^\s]+) \(/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', look);
      resolve({ origin: match[1] as string, child, output: () => output, stop });
    };
    child.stdout?.on('data', look);
  });
}

/** Runs the server expecting it to refuse to start: its exit code and what it printed. */
export function failedStart(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: { ...inheritedEnv(), PORT: '0', INBOX_STATIC_ROOT: 'none', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
