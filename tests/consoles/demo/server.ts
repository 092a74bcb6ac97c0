import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const BRIDGE_SCRIPT = fileURLToPath(new URL('../../../salesforce/force-app/main/default/staticresources/ChatConsolePresenceBridge.js', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export type DemoConsoleServer = { url: string; close: () => Promise<void> };

/** Serves the demo console (and the fixture consoles beside it) as static files on 127.0.0.1. */
export async function startDemoConsole(port = 0): Promise<DemoConsoleServer> {
  const consolesRoot = join(ROOT, '..');
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') return void res.writeHead(302, { location: '/demo/' }).end();
    // The Lightning stand-in hosts the Salesforce package's own bridge script, not a copy.
    if (path === '/lightning/bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' });
      return void res.end(await readFile(BRIDGE_SCRIPT));
    }
    const relative = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
    const file = normalize(join(consolesRoot, relative));
    if (!file.startsWith(consolesRoot)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/demo/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
