import { defineConfig } from 'vite';

// No React plugin: Vite's own transform compiles TSX (automatic runtime); the plugin would only add fast refresh.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Hashed file names under assets/: served with a year-long immutable cache; index.html is never cached.
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      // React Query marks its files "use client" for server-component bundlers; meaningless in a browser-only app.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
