import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

// The benchmark's file server: files as they are, no compression. `vite preview` gzips every response
// on the fly, in the same process and on the same two cores as the browser being measured — 32 MB of
// JSON took 1.4–3 s to arrive that way, for both pages alike, which no static host or CDN would cost.
// Files are read once and sent in one write: streaming them in 64 KB chunks through Node cost
// 200–500 ms of CPU per 32 MB response on those same cores (a static host sends files from the
// kernel's cache, at next to no CPU).

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

const cache = new Map<string, { stamp: string; body: Buffer }>();

/** A file's bytes, read again only when its size or modification time changed. */
function contents(file: string): Buffer {
  const { size, mtimeMs } = statSync(file);
  const stamp = `${size}|${mtimeMs}`;
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.body;
  const body = readFileSync(file);
  cache.set(file, { stamp, body });
  return body;
}

/** Serves `root` on 127.0.0.1:`port`; a directory answers with its index.html. */
export function serveStatic(root: string, port: number): Promise<Server> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = contents(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}
