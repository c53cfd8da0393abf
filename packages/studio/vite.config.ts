// The desktop studio's renderer: `npm run build -w @vidinfra/studio` writes dist/index.html and
// its assets, which apps/studio copies into its bundle and serves on app://studio/. Relative asset
// paths (base './'), no inline script, the compositor's worker a file of its own: the page runs
// under app-protocol.ts's CSP (script-src and worker-src 'self').
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // No `data:` module preloads or inlined scripts: everything is a file under 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
});
