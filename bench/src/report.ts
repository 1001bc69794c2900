import type { Summary } from './stats.js';

export interface MachineInfo {
  os: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  database: { kind: string; version: string; location: string };
}

export interface GenerationResult {
  module: string;
  rows: number;
  seconds: number;
  rowsPerSec: number;
  error?: string;
}

export interface BenchmarkResult {
  module: string;
  name: string;
  ops: number;
  iterations: number;
  warmup: number;
  operation?: Summary;
  baseline?: Summary;
  ratioPct?: number;
  error?: string;
}

export interface HttpResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** The bare-database query behind the endpoint, on as many concurrent loops for as long. */
  baseline?: { opsPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; ratioPct: number };
  error?: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  options: { insurees: number; seed: number; iterations: number | null; filter: string | null; http: boolean };
  machine: MachineInfo;
  modules: Array<{ id: string; version: string }>;
  generation: GenerationResult[];
  benchmarks: BenchmarkResult[];
  http: HttpResult[];
}

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count or rate with thousands separators (`12,345`); small rates keep a decimal. */
export function fmtRate(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return '∞';
  return v < 100 ? v.toFixed(1) : intFmt.format(v);
}

/** A latency in milliseconds with three significant digits (`0.123`, `12.3`, `1,234`). */
export function fmtMs(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (v >= 1000) return intFmt.format(v);
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  if (v >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

export function fmtPct(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  return v >= 10 ? `${v.toFixed(0)}%` : `${v.toFixed(1)}%`;
}

type Align = 'l' | 'r';

/** The error messages of failed rows, listed under a table. */
function failures(rows: ReadonlyArray<{ module: string; name: string; error?: string | undefined }>): string {
  const failed = rows.filter((r) => r.error);
  return failed.map((r) => `\n  FAILED ${r.module} / ${r.name}: ${r.error}`).join('');
}

/**
 * Lays out rows as aligned columns under `columns`; `groups` puts a label above the column it starts at (spanning the
 * following columns), e.g. `[[5, 'operation']]`.
 */
export function table(
  columns: string[],
  rows: string[][],
  align: Align[],
  groups: Array<[number, string]> = [],
): string {
  const len = (s: string) => [...s].length;
  const widths = columns.map((c, i) => Math.max(len(c), ...rows.map((r) => len(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - len(cell)));
        return align[i] === 'r' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (groups.length) {
    const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, w) => a + w + 2, 0));
    let g = '';
    for (const [col, label] of groups) g = `${g.padEnd(offsets[col]!)}${label}`;
    // The separators of the columns line carry on through the group line.
    const chars = [...g.padEnd(offsets.at(-1)! + widths.at(-1)!)];
    columns.forEach((c, i) => {
      if (c === '│' && chars[offsets[i]!] === ' ') chars[offsets[i]!] = '│';
    });
    out.push(chars.join('').trimEnd());
  }
  out.push(line(columns), widths.map((w) => '─'.repeat(w)).join('──'), ...rows.map(line));
  return out.join('\n');
}

export function renderHeader(r: BenchReport, opts: { insurees: number; seed: number }): string {
  const m = r.machine;
  return [
    `Mutua benchmarks — country of ${intFmt.format(opts.insurees)} insurees (seed ${opts.seed})`,
    `  database  ${m.database.kind}: ${m.database.version.split(' on ')[0]}`,
    `  machine   ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, node ${m.node}`,
    `  modules   ${r.modules.map((x) => `${x.id}@${x.version}`).join(', ') || '(none)'}`,
  ].join('\n');
}

export function renderGeneration(gen: GenerationResult[]): string {
  if (!gen.length) return 'Generation: no composed module has a generator.';
  const rows = gen.map((g) =>
    g.error
      ? [g.module, 'FAILED', '', '']
      : [
          g.module,
          intFmt.format(g.rows),
          `${g.seconds < 10 ? g.seconds.toFixed(2) : g.seconds.toFixed(1)} s`,
          fmtRate(g.rowsPerSec),
        ],
  );
  const errs = failures(gen.map((g) => ({ ...g, name: 'generate' })));
  return `Generation\n${table(['module', 'rows', 'time', 'rows/s'], rows, ['l', 'r', 'r', 'r'])}${errs}`;
}

export function renderBenchmarks(results: BenchmarkResult[]): string {
  const columns = [
    'module',
    'benchmark',
    'ops',
    'iters',
    '│',
    'ops/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    '│',
    'ops/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    '│',
    'ratio',
  ];
  const groups: Array<[number, string]> = [
    [5, 'operation'],
    [10, 'bare database'],
  ];
  const rows = results.map((b) => {
    if (b.error || !b.operation || !b.baseline) {
      return [
        b.module,
        b.name,
        String(b.ops),
        String(b.iterations),
        '│',
        'FAILED',
        '',
        '',
        '',
        '│',
        '',
        '',
        '',
        '',
        '│',
        '',
      ];
    }
    const o = b.operation;
    const bl = b.baseline;
    return [
      b.module,
      b.name,
      String(b.ops),
      String(b.iterations),
      '│',
      fmtRate(o.opsPerSec),
      fmtMs(o.p50Ms),
      fmtMs(o.p95Ms),
      fmtMs(o.p99Ms),
      '│',
      fmtRate(bl.opsPerSec),
      fmtMs(bl.p50Ms),
      fmtMs(bl.p95Ms),
      fmtMs(bl.p99Ms),
      '│',
      fmtPct(b.ratioPct),
    ];
  });
  const align: Align[] = ['l', 'l', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'l', 'r'];
  return `Benchmarks (ratio = operation ops/s ÷ bare-database ops/s)\n${table(columns, rows, align, groups)}${failures(results)}`;
}

export function renderHttp(results: HttpResult[]): string {
  const columns = [
    'endpoint',
    'conns',
    '│',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    '│',
    'ops/s',
    'p50 ms',
    'p95 ms',
    '│',
    'ratio',
  ];
  const groups: Array<[number, string]> = [
    [3, 'HTTP (autocannon)'],
    [8, 'bare database'],
  ];
  const rows = results.map((h) =>
    h.error
      ? [h.name, String(h.connections), '│', 'FAILED', '', '', '', '│', '', '', '', '│', '']
      : [
          `${h.name}${h.non2xx || h.errors ? ` (${h.non2xx} non-2xx, ${h.errors} errors)` : ''}`,
          String(h.connections),
          '│',
          fmtRate(h.reqPerSec),
          fmtMs(h.p50Ms),
          fmtMs(h.p95Ms),
          fmtMs(h.p99Ms),
          '│',
          fmtRate(h.baseline?.opsPerSec),
          fmtMs(h.baseline?.p50Ms),
          fmtMs(h.baseline?.p95Ms),
          '│',
          fmtPct(h.baseline?.ratioPct),
        ],
  );
  const align: Align[] = ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'l', 'r'];
  return `HTTP load (autocannon; baseline: the bare query on as many concurrent loops as connections)\n${table(columns, rows, align, groups)}${failures(results.map((h) => ({ module: 'http', ...h })))}`;
}
