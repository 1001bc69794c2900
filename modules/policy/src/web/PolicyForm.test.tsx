import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import policyWeb from './index';

function user(rights: string[], language: 'en' | 'fr' = 'en'): Me {
  return {
    id: 'u1',
    username: 'clerk',
    lastName: 'Issa',
    otherNames: 'Amadou',
    email: null,
    language,
    rights,
    isAdmin: false,
    districtIds: null,
    healthFacilityId: null,
    mustChangePassword: false,
  };
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const previous = {
  id: 'p1',
  familyId: 'f1',
  productId: 'prod-fam',
  product: { id: 'prod-fam', code: 'MUS-FAM', name: 'Mutuelle santé famille' },
  stage: 'N',
  status: 2,
  enrollDate: '2025-11-10',
  startDate: '2026-01-01',
  effectiveDate: '2026-01-01',
  expiryDate: '2026-12-31',
  value: '17575.00',
  officerId: null,
  previousPolicyId: null,
  members: [],
};

function fakeApi() {
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      sent.push(body);
      if (body.query.includes('query Policy(')) return json({ data: { policy: previous } });
      if (body.query.includes('PolicyProducts'))
        return json({
          data: { policyProducts: [{ id: 'prod-fam', code: 'MUS-FAM', name: 'Mutuelle santé famille' }] },
        });
      if (body.query.includes('PolicyOfficers'))
        return json({ errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] });
      if (body.query.includes('PolicyValues'))
        return json({
          data: {
            policyValues: {
              productId: 'prod-fam',
              startDate: '2027-01-01',
              expiryDate: '2027-12-31',
              value: '16720.00',
              discount: '880.00',
              membersCounted: 3,
              membersAboveMax: 1,
            },
          },
        });
      if (body.query.includes('RenewPolicy'))
        return json({ data: { renewPolicy: { policy: { ...previous, id: 'p2', stage: 'R', status: 1 } } } });
      return json({ data: {} });
    }),
  );
  return sent;
}

function renderAt(path: string, me: Me) {
  const app = createMutuaApp({
    modules: [policyWeb],
    history: createMemoryHistory({ initialEntries: [path] }),
    user: me,
  });
  void app.i18n.changeLanguage(me.language);
  render(
    <MutuaProviders app={app}>
      <RouterProvider router={app.router} context={{ auth: app.auth }} />
    </MutuaProviders>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('policy form', () => {
  it('shows the computed dates and value before saving, then renews (French)', { timeout: 60_000 }, async () => {
    const sent = fakeApi();
    renderAt('/policies/p1/renew', user(['policy.policy.search', 'policy.policy.renew'], 'fr'));
    expect(await screen.findByRole('heading', { name: 'Renouveler la police' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('16720.00'), { timeout: 10_000 });
    expect(screen.getByTestId('startDate').textContent).toBe('2027-01-01');
    expect(screen.getByTestId('expiryDate').textContent).toBe('2027-12-31');
    expect(screen.getByText('880.00')).toBeTruthy();
    expect(screen.getByText(/1 membre\(s\) au-delà du maximum/)).toBeTruthy();
    const values = sent.find((s) => s.query.includes('PolicyValues'))!;
    expect(values.variables).toMatchObject({
      familyId: 'f1',
      productId: 'prod-fam',
      previousPolicyId: 'p1',
      stage: 'R',
    });
    expect(sent.some((s) => s.query.includes('RenewPolicy'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la police' }));
    await waitFor(() => expect(sent.some((s) => s.query.includes('RenewPolicy'))).toBe(true));
    const renew = sent.find((s) => s.query.includes('RenewPolicy'))!;
    expect((renew.variables.i as Record<string, unknown>).policyId).toBe('p1');
  });
});
