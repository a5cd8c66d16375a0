#!/usr/bin/env node
//! A small static file server for www/: no dependencies, loopback only.
//
// Usage: node scripts/serve.mjs [--port N] [--root DIR] [--base /sub/path/] [--cors ORIGIN]
//
//   --port  port to listen on; 0 (the default is 8080) picks any free port
//   --root  directory to serve (default: www/ next to this script's parent)
//   --base  URL prefix to serve under, e.g. /tools/zhibiao/ (default /);
//           requests outside it get 404, and GET / redirects to it
//   --cors  send Access-Control-Allow-Origin: ORIGIN (`*`, or one origin)
//           with every file, as a host must for pages of other origins that
//           import the element or the engine (www/README.md)
//
// On start it prints `zhibiao: serving http://127.0.0.1:PORT/BASE` so scripts
// and tests can read the address from the first line of stdout.
//
// It only binds 127.0.0.1 because it is a development and test server: it
// sends no caching headers worth trusting in production and does no TLS.
//
// Why not a maintained static server (sirv, serve-handler, http-server): the
// tests need a sub-path with a static host's redirects, Service-Worker-Allowed
// for sw.js under it, and port 0 with the URL on stdout's first line; each of
// those would still need this file's wrapper, plus dependencies for the rest.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', // pkg/*.d.ts: shown, never executed
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const options = { port: 8080, root: path.resolve(here, '..', 'www'), base: '/', cors: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) fail(`${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port takes an integer from 0 to 65535');
        options.port = port;
        break;
      }
      case '--root':
        options.root = path.resolve(value());
        break;
      case '--base':
        options.base = normaliseBase(value());
        break;
      case '--cors':
        options.cors = value();
        if (options.cors !== '*' && !/^https?:\/\/[^/]+$/.test(options.cors)) fail('--cors takes * or an origin such as http://127.0.0.1:8080');
        break;
      case '-h':
      case '--help':
        process.stdout.write('usage: node scripts/serve.mjs [--port N] [--root DIR] [--base /sub/path/] [--cors ORIGIN]\n');
        process.exit(0);
        break;
      default:
        fail(`unknown option ${arg}; try --help`);
    }
  }
  return options;
}

function normaliseBase(base) {
  let b = base.trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  if (b.split('/').some((part) => part === '..' || part === '.')) fail('--base must not contain . or .. segments');
  return b;
}

function fail(message) {
  process.stderr.write(`zhibiao serve: ${message}\n`);
  process.exit(2);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

/** Maps a URL path to a file under `root`, or null when it would leave it. */
async function resolveFile(root, relativeUrlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(relativeUrlPath);
  } catch {
    return null;
  }
  // Reject NUL and backslashes outright: neither appears in our file names
  // and both are classic traversal tricks on some platforms.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  let file = candidate;
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    // Symlinks may point anywhere: check the real path stays under root too.
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
  } catch {
    return { file: null };
  }
  return info.isFile() ? { file, info } : { file: null };
}

export function startServer({ port = 0, root, base = '/', cors = null } = {}) {
  return realpath(root).then(
    (realRoot) =>
      new Promise((resolve, reject) => {
        const server = createServer(async (req, res) => {
          try {
            if (req.method !== 'GET' && req.method !== 'HEAD') {
              send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
              return;
            }
            const url = new URL(req.url, 'http://127.0.0.1');
            let pathname = url.pathname;
            if (pathname + '/' === base) {
              send(res, 301, '', { location: base + url.search });
              return;
            }
            if (!pathname.startsWith(base)) {
              if (pathname === '/' && base !== '/') {
                send(res, 302, '', { location: base });
              } else {
                send(res, 404, 'not found\n');
              }
              return;
            }
            const relative = pathname.slice(base.length);
            const found = await resolveFile(realRoot, relative);
            if (found === null) {
              send(res, 403, 'forbidden\n');
              return;
            }
            if (!found.file) {
              send(res, 404, 'not found\n');
              return;
            }
            // A directory URL without its slash would resolve relative links
            // against the parent: redirect like every static host does.
            if (found.file.endsWith(path.sep + 'index.html') && !pathname.endsWith('/') && !relative.endsWith('index.html')) {
              send(res, 301, '', { location: pathname + '/' + url.search });
              return;
            }
            const type = MIME_TYPES[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
            const headers = {
              'content-type': type,
              'content-length': found.info.size,
              'last-modified': found.info.mtime.toUTCString(),
              'cache-control': 'no-cache',
              'x-content-type-options': 'nosniff',
            };
            if (path.basename(found.file) === 'sw.js') headers['service-worker-allowed'] = base;
            if (cors) {
              headers['access-control-allow-origin'] = cors;
              if (cors !== '*') headers.vary = 'Origin';
            }
            res.writeHead(200, headers);
            if (req.method === 'HEAD') {
              res.end();
              return;
            }
            const stream = createReadStream(found.file);
            stream.on('error', () => res.destroy());
            stream.pipe(res);
          } catch (error) {
            send(res, 500, `internal error: ${error.message}\n`);
          }
        });
        server.on('error', reject);
        server.listen(port, '127.0.0.1', () => {
          const address = server.address();
          resolve({ server, url: `http://127.0.0.1:${address.port}${base}` });
        });
      }),
  );
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const options = parseArgs(process.argv.slice(2));
  startServer(options).then(
    ({ server, url }) => {
      process.stdout.write(`zhibiao: serving ${url} (root ${options.root})\n`);
      const stop = () => server.close(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => fail(error.code === 'EADDRINUSE' ? `port ${options.port} is in use; try --port 0` : error.message),
  );
}
