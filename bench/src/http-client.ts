/**
 * The load generator of the HTTP mode, run in a child process (`fork`) so that autocannon does not compete with the
 * server for its event loop. Receives one {@link HttpClientJob} message, answers one {@link HttpClientAnswer}.
 */
import autocannon from 'autocannon';
import { summarize } from './stats.js';

export interface HttpClientJob {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
}

export type HttpClientAnswer =
  | {
      ok: true;
      requests: number;
      seconds: number;
      reqPerSec: number;
      p50Ms: number;
      p95Ms: number;
      p99Ms: number;
      non2xx: number;
      errors: number;
    }
  | { ok: false; error: string };

function run(job: HttpClientJob): Promise<HttpClientAnswer> {
  return new Promise((resolve) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: job.url,
        method: job.method,
        headers: job.headers,
        ...(job.body !== undefined ? { body: job.body } : {}),
        connections: job.connections,
        duration: job.seconds,
      },
      (err, result) => {
        if (err) {
          resolve({ ok: false, error: err.message });
          return;
        }
        const s = summarize(latencies, 1);
        resolve({
          ok: true,
          requests: latencies.length,
          seconds: result.duration,
          reqPerSec: latencies.length / result.duration,
          p50Ms: s.p50Ms,
          p95Ms: s.p95Ms,
          p99Ms: s.p99Ms,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

process.once('message', (job: HttpClientJob) => {
  run(job).then(
    (answer) => process.send?.(answer, () => process.exit(0)),
    (err: unknown) => process.send?.({ ok: false, error: String(err) }, () => process.exit(1)),
  );
});
