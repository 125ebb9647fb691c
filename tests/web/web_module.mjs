// A module of the web UI's source (a path under web/src), bundled with its
// imports by esbuild (web/node_modules) for Node: the browser's own code,
// tested without a page. Only for modules that do not touch the DOM when
// imported. `tag` gives a fresh instance (module state starts over).

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function webModule(relPath, tag = '') {
  const esbuild = createRequire(path.join(repoRoot, 'web/package.json'))('esbuild');
  const out = await esbuild.build({ entryPoints: [path.join(repoRoot, 'web/src', relPath)], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const text = `${out.outputFiles[0].text}\n// ${tag}\n`;
  return import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);
}
