import { defineConfig } from 'vite';

// The Java backend serves META-INF/resources from its classpath at "/", so the
// bundle is written straight into the module's Maven output folder and ends up
// in the web-ui jar without a copy step.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    // ECharts and CodeMirror are each one lazily loaded chunk of about 500-700 kB; the page's own
    // entry stays small, which is what decides how soon the leaderboard is usable.
    chunkSizeWarningLimit: 800,
  },
  // Only for `npx vite` during UI work: forwards API calls to a locally running backend.
  server: {
    proxy: { '/api': process.env.TUNELAB_API || 'http://localhost:8080' },
  },
});
