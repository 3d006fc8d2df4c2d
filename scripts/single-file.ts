/**
 * The Vite plugin behind `npm run build:offline`: folds the built page's script and stylesheet
 * into its HTML so one file runs from file:// with no server and no network. Chromium refuses a
 * module script loaded from a file:// src (an opaque origin fails the CORS check) but runs an
 * inline one, so every chunk is inlined; the build config around it keeps the bundle to one chunk
 * and turns every asset (the SVG art, the favicon) into a data URL.
 *
 * Written here rather than taken from vite-plugin-singlefile: the page has one entry chunk and one
 * stylesheet, which is all this needs to handle, and it fails the build if anything is left
 * outside the HTML rather than shipping a file that half works.
 */
import { posix } from 'node:path';
import type { Plugin } from 'vite';

interface BuiltFile {
  readonly type: 'chunk' | 'asset';
  readonly text: string;
  readonly bytes: Uint8Array;
}

/**
 * The HTML with each `<script src>` and `<link rel="stylesheet" href>` that names a built file
 * replaced by that file's text. Returns the names it inlined so the caller can drop them.
 */
export function inlineBuiltFiles(html: string, files: ReadonlyMap<string, BuiltFile>): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const lookUp = (reference: string): [string, BuiltFile] | null => {
    const name = reference.replace(/^\.?\//, '');
    const file = files.get(name);
    return file ? [name, file] : null;
  };
  const scriptText = (chunkName: string, file: BuiltFile) =>
    // An asset the HTML also names is emitted once and referenced from code by a URL relative to
    // the script, which has no folder to resolve against once inlined.
    file.text.replace(/new URL\((["'`])([^"'`]+)\1,\s*import\.meta\.url\)/g, (expression, _quote, reference: string) => {
      const found = lookUp(posix.join(posix.dirname(chunkName), reference));
      return found && found[1].type === 'asset' ? `new URL(${JSON.stringify(dataUrl(found[0], found[1].bytes))})` : expression;
    });
  let out = html.replace(/<script\b([^>]*?)\s+src="([^"]+)"([^>]*)><\/script>/g, (tag, before: string, src: string, after: string) => {
    const found = lookUp(src);
    if (!found) return tag;
    inlined.push(found[0]);
    const attributes = `${before}${after}`.replace(/\s+crossorigin\b(="[^"]*")?/g, '');
    // A chunk that spells `</script` inside a string would end the element early.
    return `<script${attributes}>${scriptText(found[0], found[1]).replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  });
  out = out.replace(/<link\b[^>]*?\brel="stylesheet"[^>]*?\bhref="([^"]+)"[^>]*>/g, (tag, href: string) => {
    const found = lookUp(href);
    if (!found) return tag;
    inlined.push(found[0]);
    return `<style>${found[1].text.replace(/<\/(style)/gi, '<\\/$1')}</style>`;
  });
  // Whatever else the HTML names (the favicon) becomes a data URL in place.
  out = out.replace(/\b(href|src)="([^"]+)"/g, (attribute, name: string, reference: string) => {
    const found = lookUp(reference);
    if (!found || found[1].type !== 'asset') return attribute;
    inlined.push(found[0]);
    return `${name}="${dataUrl(found[0], found[1].bytes)}"`;
  });
  return { html: out, inlined };
}

const MEDIA_TYPES: Readonly<Record<string, string>> = { svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon', woff2: 'font/woff2' };

function dataUrl(name: string, bytes: Uint8Array): string {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return `data:${MEDIA_TYPES[extension] ?? 'application/octet-stream'};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** Inlines the bundle into `index.html`, renames it `fileName`, and fails if any other file would be written. */
export function singleFile(fileName: string): Plugin {
  return {
    name: 'kituo-single-file',
    apply: 'build',
    enforce: 'post',
    // After Vite's own generateBundle work (it fills in the preload placeholders of lazy imports).
    generateBundle: { order: 'post', handler(_options, bundle) {
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') this.error('the offline build found no index.html to inline into');
      const files = new Map<string, BuiltFile>();
      for (const [name, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') files.set(name, { type: 'chunk', text: output.code, bytes: new TextEncoder().encode(output.code) });
        else if (name !== 'index.html') {
          const bytes = typeof output.source === 'string' ? new TextEncoder().encode(output.source) : output.source;
          files.set(name, { type: 'asset', text: new TextDecoder().decode(bytes), bytes });
        }
      }
      const { html, inlined } = inlineBuiltFiles(String(page.source), files);
      for (const name of inlined) delete bundle[name];
      const leftOver = Object.keys(bundle).filter((name) => name !== 'index.html' && !name.endsWith('.map'));
      if (leftOver.length > 0) this.error(`the offline page would still need ${leftOver.join(', ')}: everything must be inlined`);
      page.source = html;
      page.fileName = fileName;
    } },
  };
}
