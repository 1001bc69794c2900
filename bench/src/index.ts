/** Benchmark harness (placeholder signature; implemented in run.ts). */
export { runBenchmarks } from './run.js';
