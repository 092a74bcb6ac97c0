/**
 * `npm run emulator -- [--port 8787] [--seed 1] [--data full|scenarios|empty] [--latency 0]
 *  [--metadata DIR] [--approve-page] [--daily-limit 15000]`: a local Salesforce org on 127.0.0.1.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: 'full' },
    latency: { type: 'string', default: '0' },
    metadata: { type: 'string' },
    'approve-page': { type: 'boolean', default: false },
    'daily-limit': { type: 'string', default: '15000' },
  },
});

const emulator = await startEmulator({
  port: Number(values.port),
  seed: Number(values.seed),
  data: values.data as 'full' | 'scenarios' | 'empty',
  latencyMs: Number(values.latency),
  metadataDir: values.metadata,
  autoApprove: !values['approve-page'],
  dailyLimit: Number(values['daily-limit']),
});
const token = emulator.issueToken();
console.log(`Salesforce emulator on ${emulator.url} (API v62.0, seed ${values.seed}, ${emulator.records('Contact').length} contacts)`);
console.log(`  instance URL:  ${token.instanceUrl}`);
console.log(`  access token:  ${token.accessToken}`);
console.log(`  control API:   ${emulator.url}/__emulator/ (reset, latency, limit, faults, log, records, token)`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
