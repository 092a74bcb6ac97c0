import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange } from '@/utils/salesforce/transport';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { UnreachableError } from '@/utils/salesforce/errors';

/** A real TCP server that misbehaves the way networks do: each test says how. */
const servers: Server[] = [];
const sockets: Socket[] = [];
async function tcpServer(onSocket: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => {
    sockets.push(socket);
    onSocket(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A port nobody listens on: the connection is refused. */
async function refusedUrl(): Promise<string> {
  const url = await tcpServer(() => undefined);
  const server = servers.pop()!;
  await new Promise((resolve) => server.close(resolve));
  return url;
}

const answer = (socket: Socket, body: string) =>
  socket.once('data', () => socket.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json;charset=UTF-8\r\ndate: Tue, 01 Dec 2026 10:00:00 GMT\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));

const settle = <T>(promise: Promise<T>) => promise.then((value) => ({ value, error: undefined }), (error: unknown) => ({ value: undefined, error }));

describe('exchange: every request settles', () => {
  it('an answer: status, lowercased headers, body', async () => {
    const url = await tcpServer((s) => answer(s, '{"ok":true}'));
    const response = await exchange({ method: 'GET', url: `${url}/x` }, 2_000);
    expect(response).toMatchObject({ status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json;charset=UTF-8', date: 'Tue, 01 Dec 2026 10:00:00 GMT' } });
  });

  it.each([
    ['refused', async () => refusedUrl(), 'NETWORK'],
    ['reset before an answer', async () => tcpServer((s) => s.once('data', () => s.resetAndDestroy())), 'NETWORK'],
    ['closed before an answer', async () => tcpServer((s) => s.once('data', () => s.destroy())), 'NETWORK'],
    ['accepted, never answered', async () => tcpServer(() => undefined), 'TIMEOUT'],
    ['headers, then the body stalls', async () => tcpServer((s) => s.once('data', () => s.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"par'))), 'TIMEOUT'],
  ])('%s → UnreachableError %s', async (_, start, code) => {
    const url = await start();
    const started = Date.now();
    const { error } = await settle(exchange({ method: 'POST', url: `${url}/services/data/v62.0/composite`, body: '{}' }, 300));
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as UnreachableError).code).toBe(code);
    expect((error as Error).message).toMatch(/127\.0\.0\.1:\d+/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('SalesforceClient through its transport', () => {
  const client = (url: string) => new SalesforceClient({ instanceUrl: url, accessToken: 'token' }, undefined, undefined, { read: 300, write: 300, token: 300 });

  it('a refused connection is a named error, not a promise that never settles', async () => {
    const { error } = await settle(client(await refusedUrl()).composite([{ method: 'POST', url: '/x', referenceId: 'a', body: {} }], { allOrNone: true }));
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as UnreachableError).code).toBe('NETWORK');
  });

  it('a write with no answer times out as unreachable (its outcome is unknown)', async () => {
    const { error } = await settle(client(await tcpServer(() => undefined)).create('Case', { Subject: 'x' }));
    expect((error as UnreachableError).code).toBe('TIMEOUT');
  });

  it('reads the answer and the API usage header as jsforce did', async () => {
    const url = await tcpServer((s) =>
      s.once('data', () => {
        const body = '{"totalSize":0,"done":true,"records":[]}';
        s.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json;charset=UTF-8\r\nsforce-limit-info: api-usage=12/15000\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
      }),
    );
    const c = client(url);
    expect(await c.get('/services/data/v62.0/query?q=SELECT+Id+FROM+Contact')).toEqual({ totalSize: 0, done: true, records: [] });
    expect(c.usage).toEqual({ used: 12, max: 15000 });
  });
});
