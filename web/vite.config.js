// Builds the dashboard into dist/, which `eventmill serve` serves. `npm run dev` serves src/ with the
// API proxied to a running `eventmill serve` (EVENTMILL_API, default http://127.0.0.1:8080).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/api': process.env.EVENTMILL_API || 'http://127.0.0.1:8080' },
  },
});
