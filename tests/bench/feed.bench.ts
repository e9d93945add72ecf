import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { createCore } from '../../electron/core';
import { manualClock } from '../../electron/core/clock';
import { silentLog } from '../../electron/core/log';
import { startWebServer } from '../../electron/web/server';
import { benchTempDir, describeFs } from './benchFs';

/**
 * Change propagation: from an agent's call leaving one page to the change event arriving at another page's
 * event stream, through the real loopback server (goal: within 50 ms).
 */
export default async function run() {
  const dir = benchTempDir('kefu-feed-bench-');
  console.log(describeFs(dir));
  const core = await createCore({ dataDir: dir, clock: manualClock(Date.parse('2026-11-24T09:00:00+08:00')), log: silentLog });
  const server = await startWebServer({ core, staticDir: dir, port: 0 });
  const headers = { cookie: `kefu_token_${server.port}=${server.token}`, host: `127.0.0.1:${server.port}` };
  const conv = [...core.store.all('conversations').values()].find((c) => c.status === 'open')!;

  let onEvent: ((t: number) => void) | null = null;
  const stream = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers });
  stream.on('response', (res) => res.on('data', (chunk: Buffer) => chunk.toString().includes('data:') && onEvent?.(performance.now())));
  stream.end();
  await new Promise((r) => setTimeout(r, 200));

  const post = (body: unknown) =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/call/conversation.reply', headers: { ...headers, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const arrived = new Promise<number>((r) => (onEvent = r));
    const start = performance.now();
    await post({ id: conv.id, body: `bench ${i}` });
    samples.push((await arrived) - start);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.floor(p * (samples.length - 1))].toFixed(2);
  console.log(`reply → event at another page (200 replies, durable): p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms (goal ≤ 50 ms)`);
  stream.destroy();
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
