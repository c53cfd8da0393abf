// The web app builds to dist/, which the API serves at `/` (WEB_DIST_DIR). In development
// `vite` proxies the server's paths to an API on localhost:3000 (`npm start`).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.VITE_API_ORIGIN ?? 'http://localhost:3000';
const proxied = ['/api', '/trpc', '/hls', '/recordings'];

export default defineConfig({
  plugins: [react()],
  build: { sourcemap: true, manifest: true, chunkSizeWarningLimit: 900 },
  server: {
    proxy: {
      ...Object.fromEntries(proxied.map((path) => [path, api])),
      '/socket.io': { target: api, ws: true },
    },
  },
});
