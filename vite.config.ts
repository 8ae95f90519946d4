import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets bench/bundle.ts sum what each first page loads.
    manifest: true,
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // Shared components (web/components) have no side effects: a page importing one of them from the index does
      // not pull in the others (the login page would otherwise load the table, tree and select code).
      treeshake: { moduleSideEffects: (id: string) => !/\/web\/components\//.test(id) },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
