/** Builds the stack floor (scripts/bench/floor/: the smallest inbox on the same stack) with Vite. */
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const FLOOR_SOURCE = fileURLToPath(new URL('./floor/', import.meta.url));

/** Builds the floor into `outDir` (as the app is built: es2022, a manifest, no source maps). */
export async function buildFloor(outDir: string): Promise<string> {
  await build({
    root: FLOOR_SOURCE,
    configFile: false,
    logLevel: 'warn',
    plugins: [react(), tailwindcss()],
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, manifest: true },
  });
  return outDir;
}
