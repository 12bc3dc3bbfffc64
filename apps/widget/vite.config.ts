import { defineConfig } from 'vite';

// One classic script that any website can embed with a <script> tag: no modules, no chunks,
// nothing else to fetch. The api serves dist/widget.js.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Older browsers on customers' sites still run it.
    target: 'es2019',
    lib: {
      entry: 'src/main.ts',
      name: 'SwitchboardWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
