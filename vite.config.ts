import { defineConfig } from 'vitest/config';

// The app is a static page: `npm start` serves it, `npm run build` writes dist/.
export default defineConfig({
  base: './',
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
