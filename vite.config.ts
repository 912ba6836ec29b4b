import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const API_DEV_PORT = Number(process.env.API_PORT ?? 4174);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: { '/api': `http://127.0.0.1:${API_DEV_PORT}` },
  },
  // The manifest tells the bundle budget check which chunks the inbox needs before first render.
  build: { target: 'es2022', sourcemap: false, manifest: true },
});
