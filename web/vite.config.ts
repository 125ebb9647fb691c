import { defineConfig } from 'vite';

// cmake/EmbedWeb.cmake builds into the CMake build tree (LITMUS_WEB_OUT_DIR)
// so the source tree stays clean; a plain `npm run build` falls back to dist/.
const outDir = process.env.LITMUS_WEB_OUT_DIR || 'dist';

export default defineConfig({
  // Absolute asset URLs: deep links such as /sessions/<id> are served
  // index.html by the server, and relative paths would break there.
  base: '/',
  build: {
    outDir,
    emptyOutDir: true,
    // Every browser we support has modulepreload; skip the ~1 kB polyfill.
    modulePreload: { polyfill: false },
    // Embedded into the binary: no source maps, one CSS file, and a modest
    // target every supported Chromium/Firefox handles.
    sourcemap: false,
    cssCodeSplit: false,
    target: 'es2020',
    chunkSizeWarningLimit: 200,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` against a running `litmus serve` on the default port.
    proxy: { '/api': { target: process.env.LITMUS_API || 'http://127.0.0.1:8000', changeOrigin: true } },
  },
});
