import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernel } from '@mutua/kernel';
import type { HttpClientAnswer, HttpClientJob } from './http-client.js';
import { ME_QUERY } from './kernel-benchmarks.js';
import { concurrentLoop } from './measure.js';
import type { HttpResult } from './report.js';
import { ratioPct, summarize } from './stats.js';

export interface HttpTarget {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The bare-database query behind the endpoint, run on as many concurrent loops for as long. */
  baseline?: () => Promise<void>;
}

// The child runs the same flavour as this file: `.ts` under tsx (source), `.js` from dist.
const here = fileURLToPath(import.meta.url);
const CLIENT = path.join(path.dirname(here), `http-client${path.extname(here)}`);

function loadFromChild(job: HttpClientJob): Promise<HttpClientAnswer> {
  return new Promise((resolve) => {
    const child = fork(CLIENT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.once('message', (m) => {
      answered = true;
      resolve(m as HttpClientAnswer);
    });
    child.once('error', (err) => {
      if (!answered) resolve({ ok: false, error: err.message });
      answered = true;
    });
    child.once('exit', (code) => {
      if (!answered) resolve({ ok: false, error: `load generator exited with code ${code}` });
    });
    child.send(job);
  });
}

/**
 * HTTP load mode: listens on an ephemeral port and runs autocannon (in a child process) against each target for
 * `seconds` with `connections` connections, then runs the target's bare-database baseline on as many loops.
 */
export async function httpLoad(
  kernel: Kernel,
  targets: HttpTarget[],
  opts: { connections: number; seconds: number },
): Promise<HttpResult[]> {
  const address = await kernel.app.listen({ port: 0, host: '127.0.0.1' });
  const results: HttpResult[] = [];
  for (const t of targets) {
    process.stderr.write(`HTTP load: ${t.name} for ${opts.seconds} s…\n`);
    const answer = await loadFromChild({
      url: `${address}${t.path}`,
      method: t.method,
      headers: t.headers ?? {},
      ...(t.body !== undefined ? { body: t.body } : {}),
      connections: opts.connections,
      seconds: opts.seconds,
    });
    const base = { name: t.name, connections: opts.connections, seconds: opts.seconds };
    if (!answer.ok) {
      results.push({
        ...base,
        requests: 0,
        reqPerSec: 0,
        p50Ms: Number.NaN,
        p95Ms: Number.NaN,
        p99Ms: Number.NaN,
        non2xx: 0,
        errors: 0,
        error: answer.error,
      });
      continue;
    }
    const r: HttpResult = {
      ...base,
      seconds: answer.seconds,
      requests: answer.requests,
      reqPerSec: answer.reqPerSec,
      p50Ms: answer.p50Ms,
      p95Ms: answer.p95Ms,
      p99Ms: answer.p99Ms,
      non2xx: answer.non2xx,
      errors: answer.errors,
    };
    if (t.baseline) {
      const loop = await concurrentLoop(t.baseline, opts.connections, opts.seconds * 1000);
      const s = summarize(loop.latencies, 1);
      const opsPerSec = loop.latencies.length / (loop.elapsedMs / 1000);
      r.baseline = {
        opsPerSec,
        p50Ms: s.p50Ms,
        p95Ms: s.p95Ms,
        p99Ms: s.p99Ms,
        ratioPct: ratioPct(answer.reqPerSec, opsPerSec),
      };
    }
    results.push(r);
  }
  return results;
}

/** The default targets: the health check (no database) and the `me` GraphQL query of a logged-in user. */
export function defaultHttpTargets(token: string, meBaseline: () => Promise<void>): HttpTarget[] {
  return [
    { name: 'GET /health', method: 'GET', path: '/health' },
    {
      name: 'POST /api/graphql (me)',
      method: 'POST',
      path: '/api/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ME_QUERY }),
      baseline: meBaseline,
    },
  ];
}
