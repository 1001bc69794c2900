import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import officerWeb from './index';

const admin: Me = {
  id: 'u1',
  username: 'admin',
  lastName: 'Admin',
  otherNames: 'Demo',
  email: null,
  language: 'en',
  rights: [],
  isAdmin: true,
  districtIds: null,
  healthFacilityId: null,
  mustChangePassword: false,
};

const EO = {
  id: 'o1',
  code: 'EO0001',
  lastName: 'Issoufou',
  otherNames: 'Abdoulaye',
  dob: '1982-03-14',
  phone: '+227 90 11 22 33',
  email: null,
  locationId: 'd1',
  location: { id: 'd1', code: 'R1D1', name: 'Tahoua' },
  substituteId: null,
  substitute: null,
  worksTo: null,
  veoCode: null,
  veoLastName: null,
  veoOtherNames: null,
  veoDob: null,
  veoPhone: null,
  phoneCommunication: true,
  address: null,
  userId: null,
  villageIds: ['v1'],
  villages: [{ id: 'v1', code: 'R1D1M1V1', name: 'Affala' }],
};
const connection = (nodes: unknown[]) => ({
  edges: nodes.map((node, i) => ({ cursor: String(i), node })),
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: nodes.length,
});

/** A fake GraphQL server: answers by operation; records mutation inputs. */
function stubServer(mutation: (input: Record<string, unknown>) => unknown) {
  const inputs: Array<Record<string, unknown>> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body)) as {
        query: string;
        variables: Record<string, unknown>;
      };
      let body: unknown;
      if (query.includes('mutation')) {
        inputs.push(variables.input as Record<string, unknown>);
        body = mutation(variables.input as Record<string, unknown>);
      } else if (query.includes('EnrolmentOfficers')) body = { data: { enrolmentOfficers: connection([EO]) } };
      else if (query.includes('query Level')) {
        body = { data: { locations: connection([{ id: 'd1', code: 'R1D1', name: 'Tahoua' }]) } };
      } else if (query.includes('Villages')) {
        body = {
          data: {
            location: {
              id: 'd1',
              code: 'R1D1',
              name: 'Tahoua',
              children: [
                {
                  id: 'm1',
                  code: 'R1D1M1',
                  name: 'Affala',
                  children: [
                    { id: 'v1', code: 'R1D1M1V1', name: 'Affala' },
                    { id: 'v2', code: 'R1D1M1V2', name: 'Garadoumé' },
                  ],
                },
              ],
            },
          },
        };
      } else if (query.includes('Users')) body = { data: { users: connection([]) } };
      else body = { data: { auditHistory: connection([]) } };
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return inputs;
}

function start(path: string) {
  const app = createMutuaApp({
    modules: [officerWeb],
    history: createMemoryHistory({ initialEntries: [path] }),
    user: admin,
  });
  void app.i18n.changeLanguage('en');
  render(
    <MutuaProviders app={app}>
      <RouterProvider router={app.router} context={{ auth: app.auth }} />
    </MutuaProviders>,
  );
  return app;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('enrolment officers page', () => {
  it('adds both registers to the administration menu', async () => {
    stubServer(() => ({}));
    start('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Administration' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Enrolment officers' })).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: 'Claim administrators' })).toBeTruthy();
  });

  it('lists officers and saves an edit, showing the server’s field error on the villages', async () => {
    const inputs = stubServer(() => ({
      errors: [
        {
          message: 'This village is not in the officer’s district.',
          extensions: {
            code: 'BAD_INPUT',
            problems: [{ field: 'villageIds.0', message: 'This village is not in the officer’s district.' }],
          },
        },
      ],
    }));
    start('/admin/enrolment-officers');
    fireEvent.click(await screen.findByText('EO0001'));
    const dialog = await screen.findByRole('dialog', { name: 'Edit EO0001' });
    expect((within(dialog).getByLabelText('Code', { exact: true }) as HTMLInputElement).value).toBe('EO0001');
    fireEvent.change(within(dialog).getByLabelText('Last name', { exact: true }), { target: { value: 'Issa' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(inputs.length).toBe(1));
    expect(inputs[0]).toMatchObject({ id: 'o1', lastName: 'Issa', locationId: 'd1', villageIds: ['v1'] });
    expect(await within(dialog).findAllByText('This village is not in the officer’s district.')).not.toHaveLength(0);
  });
});
