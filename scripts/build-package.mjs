#!/usr/bin/env node
// scripts/build-package.mjs: makes the npm package `zhibiao` in
// target/npm/zhibiao/ (not committed, not published from here):
//
//   index.js, node.js, *.d.ts, README.md   from npm/ (the engine entry, its
//                                          Node twin that loads on import,
//                                          the types, the package's README)
//   zhibiao-annotator.js, annotator.js …   from www/: the custom element and
//                                          every module, worker, stylesheet
//                                          it loads, found by following their
//                                          imports and new URL(…, import.meta.url)
//   pkg/                                   the wasm package (www/pkg: glue,
//                                          snippets, .wasm, types)
//   package.json                           written here, version from Cargo.toml
//
// The modules are flat in the package (www/ groups them in folders by where
// they run), their relative imports and URLs rewritten to match: the worker,
// the stylesheet and pkg/ sit next to every module, so the directory works
// as it is from a static host and from node_modules, and a bundler's user
// copies annotator-worker.js, annotated.css and pkg/ next to the bundle,
// where the bundled modules' `import.meta.url` points.
//
//   node scripts/build-package.mjs          build (replaces target/npm/zhibiao)
//   node scripts/build-package.mjs --pack   build, then `npm pack` into target/npm/
//
// Needs www/pkg (scripts/build-wasm). No dependencies.

import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const NPM = path.join(ROOT, 'npm');
export const OUT = path.join(ROOT, 'target', 'npm', 'zhibiao');

/** www/ modules the package exports; everything they load comes along. */
const WWW_ENTRIES = ['element/zhibiao-annotator.js', 'engine/annotator.js'];
/** The package's own files, from npm/. */
const NPM_FILES = ['index.js', 'node.js', 'index.d.ts', 'zhibiao-annotator.d.ts', 'annotator.d.ts', 'README.md'];
/** What of www/pkg goes in (not its .gitignore, build stamp or the wasm's low-level types). */
const PKG_FILES = ['zhibiao.js', 'zhibiao_bg.wasm', 'zhibiao.d.ts', 'snippets'];

/**
 * The relative URLs a module loads: static and dynamic imports with a
 * literal specifier, and `new URL('./x', import.meta.url)` (the worker, the
 * stylesheet, the .wasm). Comment lines are skipped, so that an example in
 * a comment is not taken for an import.
 */
export function relativeReferences(source) {
  const code = source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
    /\bnew URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  const found = new Set();
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** Every file under www/ that the entries load, directly or not, as paths relative to www/ (pkg/ left to PKG_FILES). */
async function closure(entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    const absolute = path.join(WWW, file);
    if (!existsSync(absolute)) throw new Error(`www/${file} is loaded by the element's modules but does not exist`);
    seen.add(file);
    if (file.startsWith('pkg/') || !file.endsWith('.js')) continue;
    for (const reference of relativeReferences(await readFile(absolute, 'utf8'))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), reference));
      if (target.startsWith('../')) throw new Error(`www/${file} loads ${reference}, outside www/`);
      queue.push(target);
    }
  }
  return [...seen].filter((file) => !file.startsWith('pkg/')).sort();
}

async function cargoPackage() {
  const toml = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const section = /^\[package\]\n([\s\S]*?)(?=^\[|$(?![\s\S]))/m.exec(toml)?.[1] ?? '';
  const field = (name) => new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm').exec(section)?.[1];
  const version = field('version');
  if (!version) throw new Error('no version in the [package] section of Cargo.toml');
  return { version, description: field('description'), license: field('license') };
}

/** Every file under `dir`, relative to it, '/'-separated. */
async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Builds target/npm/zhibiao. Resolves with `{ dir, files, version }`. */
export async function buildPackage({ out = OUT } = {}) {
  if (!existsSync(path.join(WWW, 'pkg', 'zhibiao_bg.wasm'))) throw new Error('www/pkg is missing: run scripts/build-wasm');
  const { version, description, license } = await cargoPackage();
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, 'pkg'), { recursive: true });

  for (const file of NPM_FILES) await cp(path.join(NPM, file), path.join(out, file));
  const modules = await closure(WWW_ENTRIES);
  const flat = (file) => (file.startsWith('pkg/') ? file : path.posix.basename(file));
  const names = new Map();
  for (const file of modules) {
    const other = names.get(flat(file));
    if (other) throw new Error(`www/${file} and www/${other} would have one name in the flat package`);
    names.set(flat(file), file);
  }
  for (const file of modules) {
    let source = await readFile(path.join(WWW, file), 'utf8');
    if (file.endsWith('.js')) {
      for (const reference of relativeReferences(source)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), reference));
        for (const quote of ["'", '"']) source = source.replaceAll(`${quote}${reference}${quote}`, `${quote}./${flat(target)}${quote}`);
      }
    }
    await writeFile(path.join(out, flat(file)), source);
  }
  for (const file of PKG_FILES) await cp(path.join(WWW, 'pkg', file), path.join(out, 'pkg', file), { recursive: true });
  // The engine entry's import of the glue must resolve in the package too.
  for (const file of ['index.js', 'node.js']) {
    for (const reference of relativeReferences(await readFile(path.join(out, file), 'utf8'))) {
      if (!existsSync(path.join(out, reference))) throw new Error(`npm/${file} loads ${reference}, which is not in the package`);
    }
  }

  const manifest = {
    name: 'zhibiao',
    version,
    description,
    license,
    type: 'module',
    keywords: ['chinese', 'government-work-report', 'indicators', 'annotation', 'wasm', 'custom-element', 'web-annotation'],
    exports: {
      '.': { types: './index.d.ts', node: './node.js', default: './index.js' },
      './element': { types: './zhibiao-annotator.d.ts', default: './zhibiao-annotator.js' },
      './annotator': { types: './annotator.d.ts', default: './annotator.js' },
      './wasm': './pkg/zhibiao_bg.wasm',
      './package.json': './package.json',
    },
    main: './index.js',
    types: './index.d.ts',
    // Importing these does something (defines the element, loads the
    // engine); every other module may be dropped by a bundler when unused.
    sideEffects: ['./zhibiao-annotator.js', './node.js', './annotator-worker.js'],
    files: [],
    engines: { node: '>=18' },
  };
  manifest.files = (await listFiles(out)).filter((file) => file !== 'package.json');
  await writeFile(path.join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { dir: out, files: manifest.files, version };
}

/** `npm pack` of the built package into `destination`; resolves with the tarball's path. */
export function packPackage(dir = OUT, destination = path.dirname(dir)) {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: dir, encoding: 'utf8' });
  const [{ filename }] = JSON.parse(out);
  return path.join(destination, filename);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { dir, files, version } = await buildPackage();
  process.stdout.write(`build-package: ${path.relative(ROOT, dir)}: zhibiao ${version}, ${files.length} files\n`);
  if (process.argv.includes('--pack')) process.stdout.write(`build-package: ${path.relative(ROOT, packPackage(dir))}\n`);
}
