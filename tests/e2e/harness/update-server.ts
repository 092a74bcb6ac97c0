import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Packaged } from '../../../.ci/package';

/**
 * An admin's update server on 127.0.0.1: updates.xml (gupdate) and the packages it names.
 * `offer` changes which version updates.xml announces, as publishing a release does.
 */
export async function startUpdateServer() {
  const files = new Map<string, { type: string; body: Buffer }>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const file = files.get(path);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    offer(packaged: Packaged) {
      files.set(`/${basename(packaged.crx)}`, { type: 'application/x-chrome-extension', body: readFileSync(packaged.crx) });
      files.set('/updates.xml', { type: 'text/xml', body: readFileSync(packaged.updates) });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
