import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves this build in production; in development Vite forwards API calls
// and the realtime websocket to it, so the session cookie stays same-origin either way.
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: {
      // The Host header stays this dev server's, matching the pages' Origin: the api refuses
      // cookie-carrying writes from any other site.
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Keep the slow-changing libraries in their own files so a deploy of app code
        // does not make every agent download Mantine and React again.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/.test(id))
            return 'react';
          // Charts load with the indicators page only: agents never download them.
          if (
            id.includes('@mantine/charts') ||
            /[\\/](recharts|d3-[a-z-]+|victory-vendor)[\\/]/.test(id)
          )
            return 'charts';
          if (id.includes('@mantine')) return 'mantine';
          if (id.includes('@tabler')) return 'icons';
          if (id.includes('@tanstack')) return 'query';
          if (id.includes('i18next')) return 'i18n';
          // Small helpers stay with whoever imports them: a catch-all vendor chunk would
          // import React while React Router imports it back, a cycle that breaks start-up.
          return undefined;
        },
      },
    },
  },
});
