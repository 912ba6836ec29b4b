import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { apiProxy } from './scripts/dev-proxy.ts';

export const API_DEV_PORT = Number(process.env.API_PORT ?? 4174);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: apiProxy(API_DEV_PORT),
  },
  // The manifest tells the bundle budget check which chunks the inbox needs before first render.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // The page preloads what the entry imports; a lazy chunk's own imports are not listed at each import() site
    // (a list of file names per site, in the entry): they load when the chunk does (docs/decisions/010).
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
  },
});
