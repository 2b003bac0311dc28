import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The renderer is built once and served by both shells: app:// in Electron, http://127.0.0.1 by the web host.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@contract': path.resolve(import.meta.dirname, 'electron/engine/api'),
      '@common': path.resolve(import.meta.dirname, 'electron/engine/common'),
    },
  },
  worker: { format: 'es' },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { port: 5179, strictPort: false },
});
