import { defineConfig, mergeConfig } from 'vite';
import shared from './vite.config';
import { singleFile } from './scripts/single-file';

/**
 * `npm run build:offline`: the whole page as one HTML file (dist-offline/kituo.html) that a
 * trainer copies to a laptop or USB stick and opens by double-click. One chunk (pixi's lazy
 * renderer imports folded in), every asset a data URL, then the script and styles inlined.
 */
export default mergeConfig(
  shared,
  defineConfig({
    plugins: [singleFile('kituo.html')],
    build: {
      outDir: 'dist-offline',
      emptyOutDir: true,
      assetsInlineLimit: () => true,
      cssCodeSplit: false,
      modulePreload: false,
      rolldownOptions: { output: { codeSplitting: false } },
    },
  }),
);
