import { spawn } from 'node:child_process';
import { Connection } from 'jsforce';

/**
 * `emulator.queries_per_s`: simple SOQL queries per second from ONE jsforce client against the
 * emulator at latency 0. The emulator runs in its own process, as it does for the e2e suite, with
 * a daily allowance the run cannot reach (at 3,500 a second the org's usual 15,000 ran out).
 */
export async function measureEmulatorQueries(seconds = 3): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/salesforce-emulator/cli.ts', '--port', '0', '--daily-limit', '10000000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const banner = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/access token:\s+\S+/.test(out)) resolve(out);
      });
      child.once('exit', () => reject(new Error(`emulator exited: ${out}`)));
    });
    const instanceUrl = /instance URL:\s+(\S+)/.exec(banner)![1]!;
    const accessToken = /access token:\s+(\S+)/.exec(banner)![1]!;
    const conn = new Connection({ instanceUrl, accessToken, version: '62.0' });
    const soql = "SELECT Id, Name FROM Contact WHERE Email = 'grace.hopper@example.com'";
    const run = async (ms: number) => {
      let count = 0;
      const until = Date.now() + ms;
      // 16 requests in flight, as a worker with several open chats would have.
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (Date.now() < until) {
          await conn.query(soql);
          count++;
        }
      }));
      return count;
    };
    await run(1500); // warm up both processes' JIT
    const started = Date.now();
    const count = await run(seconds * 1000);
    return { 'emulator.queries_per_s': Math.round(count / ((Date.now() - started) / 1000)) };
  } finally {
    child.kill('SIGTERM');
  }
}
