import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

/**
 * Monaco's TypeScript support starts its worker through `internal/common/workers.js`, which also imports
 * every editor contribution Monaco has; this hands Monaco the app's own copy of that worker start
 * (renderer/src/features/exercises/editor/monacoWorkerClient.ts), so only the features listed in
 * monacoFeatures.ts are bundled.
 */
function monacoOnlyTheFeaturesWeUse(): Plugin {
  const client = path.resolve(import.meta.dirname, 'renderer/src/features/exercises/editor/monacoWorkerClient.ts');
  return {
    name: 'replayground:monaco-worker-client',
    enforce: 'pre',
    resolveId: {
      // The filter keeps the bundler from calling into JavaScript for every other import.
      filter: { id: /(^|\/)internal\/common\/workers(\.js)?$/ },
      handler(source, importer) {
        return importer && /[\\/]monaco-editor[\\/]esm[\\/]/.test(importer) ? client : null;
      },
    },
  };
}

// The renderer is built once and served by both shells: app:// in Electron, http://127.0.0.1 by the web host.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [monacoOnlyTheFeaturesWeUse(), react()],
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
