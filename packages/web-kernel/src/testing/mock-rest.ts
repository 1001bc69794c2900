import { onTestFinished, vi } from 'vitest';
import type { ImportResult } from '../ui/ImportPanel';

/**
 * Stubs `fetch` for REST calls (imports, exports): every request is answered with `body` as JSON. Returns the URLs
 * asked, in order; the stub is removed when the test ends.
 */
export function mockRest(body: unknown): string[] {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      return jsonResponse(body);
    }),
  );
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  return urls;
}

/** The import endpoint's dry-run answer for a two-row file (one to create) with row `errors`, for ImportPanel tests. */
export function dryRunResult(errors: ImportResult['errors']): ImportResult {
  return { dryRun: true, total: 2, created: 1, updated: 0, applied: false, errors };
}

/** A 200 response with `body` as JSON, as the server answers. */
export function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}
