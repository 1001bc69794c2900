import { connectionOf, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import batchWeb from './index';

const index = {
  productId: 'p1',
  careType: 'I',
  periodType: 'M',
  windowStart: '2026-10-01',
  windowEnd: '2026-10-31',
  allocated: '2985.35',
  sharePercent: '60.00',
  pool: '1791.21',
  claimValue: '19500.00',
  index: '0.0919',
};
const bill = (over: Record<string, unknown>) => ({
  id: null,
  runId: null,
  facilityId: 'hf1',
  facilityCode: 'HF1201',
  facilityName: "Hôpital de district de Birni N'Konni",
  claimed: '19500.00',
  remunerated: '1791.21',
  deduction: '17708.79',
  lineCount: 3,
  ...over,
});
const run = {
  id: 'run1',
  year: 2026,
  month: 10,
  locationId: null,
  locationName: null,
  level: 'national',
  status: 'done',
  jobId: 'job1',
  claimsValuated: 3,
  linesRemunerated: 4,
  claimed: '19500.00',
  remunerated: '1791.21',
  capitation: '0.00',
  runDate: '2026-11-26T10:00:00Z',
  finishedAt: '2026-11-26T10:00:05Z',
};
function fakeApi() {
  return mockGql({
    BatchProducts: () => ({ products: connectionOf([{ id: 'p1', code: 'MUS-FAM', name: 'Mutuelle santé famille' }]) }),
    Locations: () => ({ locations: connectionOf([]) }),
    BatchPreview: (v) => ({
      batchPreview: {
        year: v.year,
        month: v.month,
        level: 'national',
        indexes: [index],
        bills: [bill({})],
        capitation: [],
        claimsValuated: 3,
        pendingClaims: 0,
        linesRemunerated: 4,
        claimed: '19500.00',
        remunerated: '1791.21',
      },
    }),
    RunBatch: () => ({ runBatch: { result: { run: { ...run, status: 'queued' }, jobId: 'job1' } } }),
    Job: () => ({
      job: { id: 'job1', type: 'claim-batch.run', status: 'done', done: 4, total: 4, error: null, result: null },
    }),
    BatchRun: () => ({
      batchRun: { run, indexes: [index], bills: [bill({ id: 'b1', runId: 'run1' })], capitation: [] },
    }),
  });
}

const renderAt = (path: string, rights: string[]) =>
  renderApp({ modules: [batchWeb], path, user: testUser({ rights }) });

describe('monthly batch form', () => {
  it('previews October (index, amounts per facility), then runs it and opens the run with its bill files', {
    timeout: 60_000,
  }, async () => {
    const sent = fakeApi();
    renderAt('/batch/new', ['claim-batch.run.search', 'claim-batch.run.preview', 'claim-batch.run.process']);
    const month = await screen.findByLabelText('Month', { exact: true });
    fireEvent.change(month, { target: { value: '2026-10' } });
    const runButton = screen.getByRole('button', { name: 'Run the batch' });
    // Nothing to run before the user has seen what the run would do.
    expect(runButton).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));

    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('Preview of October 2026 (nothing is saved yet)')).toBeTruthy();
    const indexes = within(preview).getByRole('table', { name: 'Relative index' });
    expect(await within(indexes).findByText('MUS-FAM — Mutuelle santé famille')).toBeTruthy();
    expect(within(indexes).getByText('0.0919')).toBeTruthy();
    expect(within(indexes).getByText('1,791.21')).toBeTruthy();
    const facilities = within(preview).getByRole('table', { name: 'Amounts per health facility' });
    expect(within(facilities).getByText("HF1201 Hôpital de district de Birni N'Konni")).toBeTruthy();
    expect(within(facilities).getByText('17,708.79')).toBeTruthy();
    expect(sentTo(sent, 'BatchPreview')).toEqual({
      year: 2026,
      month: 10,
      locationId: null,
    });

    await waitFor(() => expect(runButton).toHaveProperty('disabled', false));
    fireEvent.click(runButton);
    const progress = await screen.findByRole('progressbar', { name: 'Batch run in progress' });
    await waitFor(() => expect(progress.getAttribute('aria-valuetext')).toBe('4 / 4'));
    fireEvent.click(await screen.findByRole('link', { name: 'Open the run' }));
    expect(
      await screen.findByRole('heading', { name: 'Batch of October 2026 — National' }, { timeout: 10_000 }),
    ).toBeTruthy();
    const run = sentTo(sent, 'RunBatch').input as Record<string, unknown>;
    expect(run).toMatchObject({ year: 2026, month: 10, locationId: null });
    expect(run.clientMutationId).toBeTypeOf('string');
    const pdf = screen.getByRole('link', { name: 'Download PDF' });
    expect(pdf.getAttribute('href')).toBe('/api/claim-batch/bills/b1.pdf');
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/claim-batch/bills/b1.csv',
    );
  });

  it('asks for the district before previewing a district batch', { timeout: 30_000 }, async () => {
    const sent = fakeApi();
    renderAt('/batch/new', ['claim-batch.run.preview']);
    await screen.findByLabelText('Month', { exact: true });
    // Without the run right, the form only previews.
    expect(screen.queryByRole('button', { name: 'Run the batch' })).toBeNull();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Level' }));
    fireEvent.click(await screen.findByRole('option', { name: 'District' }));
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('Choose the region or the district, or pick the national level')).toBeTruthy();
    expect(sent.some((s) => s.operation === 'BatchPreview')).toBe(false);
  });
});
