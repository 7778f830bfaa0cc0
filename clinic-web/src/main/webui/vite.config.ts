import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Quinoa runs `npm run build` during the Quarkus build and serves dist/; in dev mode it proxies to this dev server.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    strictPort: true,
  },
});
