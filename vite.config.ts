import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const API_DEV_PORT = Number(process.env.API_PORT ?? 4174);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: { '/api': `http://127.0.0.1:${API_DEV_PORT}` },
  },
  build: { target: 'es2022', sourcemap: false },
});
