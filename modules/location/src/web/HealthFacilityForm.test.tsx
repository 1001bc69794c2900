import { connectionOf, gqlError, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import locationWeb from './index';

const DISTRICT = { id: 'd1', code: 'R1D1', name: 'Tahoua', type: 'D', parentId: 'r1' };

/** The code lists the form reads, as an administrator left them: Charity deactivated, the dispensary renamed. */
const entry = (list: string, code: string, name: string, nameFr: string, active = true) => ({
  id: `${list}-${code}`,
  list,
  code,
  name,
  nameFr,
  sortOrder: 1,
  active,
  requiresNumber: false,
  builtIn: true,
});
const list = (id: string, entries: ReturnType<typeof entry>[]) => ({
  id,
  name: id,
  policy: 'closed',
  canAdd: false,
  canDeactivate: true,
  codeMaxLength: 2,
  numericCodes: false,
  hasRequiresNumber: false,
  entries,
});
const CODE_LISTS = [
  list('legalForm', [
    entry('legalForm', 'G', 'Government', 'Public'),
    entry('legalForm', 'C', 'Charity', 'Organisation caritative', false),
    entry('legalForm', 'P', 'Private organization', 'Organisation privée'),
  ]),
  list('hfLevel', [
    entry('hfLevel', 'D', 'Health post', 'Poste de santé'),
    entry('hfLevel', 'C', 'Health centre', 'Centre de santé'),
    entry('hfLevel', 'H', 'Hospital', 'Hôpital'),
  ]),
  list('hfSubLevel', [entry('hfSubLevel', 'N', 'No sub-level', 'Sans sous-niveau')]),
  list('careType', [
    entry('careType', 'O', 'Out-patient', 'Ambulatoire'),
    entry('careType', 'I', 'In-patient', 'Hospitalisation'),
    entry('careType', 'B', 'Both', 'Les deux'),
  ]),
  list('hfStatus', [entry('hfStatus', 'AC', 'Active', 'Active'), entry('hfStatus', 'IN', 'Inactive', 'Inactive')]),
];

/** Answers the GraphQL calls the form makes; records the mutation variables. */
function fakeApi() {
  return mockGql({
    CodeLists: () => ({ codeLists: CODE_LISTS }),
    Locations: () => ({ locations: connectionOf([DISTRICT]) }),
    CreateHealthFacility: () =>
      gqlError('CONFLICT', 'The code HF1 is already used by another health facility: choose another.', [
        { field: 'code', message: 'The code HF1 is already used.' },
      ]),
  });
}

/** The new-facility form, for a clerk who may add facilities. */
const renderForm = (language: 'en' | 'fr' = 'en') =>
  renderApp({
    modules: [locationWeb],
    path: '/admin/health-facilities/new',
    user: testUser({ language, rights: ['location.hf.search', 'location.hf.add'] }),
  });

/** Picks an option of an MUI select by its visible text. */
async function choose(label: string, option: string) {
  fireEvent.mouseDown(within(screen.getByLabelText(label).parentElement as HTMLElement).getByRole('combobox'));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('health facility form', { timeout: 20_000 }, () => {
  it('sends every required field and shows the server’s message beside the code', async () => {
    const sent = fakeApi();
    renderForm();
    fireEvent.change(await screen.findByLabelText('Code'), { target: { value: 'HF1' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'CSI Galmi' } });
    await choose('Legal form', 'Government');
    await choose('Level', 'Health centre');
    await choose('Care type', 'Both');
    await waitFor(() => expect(sent.some((s) => s.operation === 'Locations')).toBe(true));
    await choose('District', 'R1D1 — Tahoua');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The code HF1 is already used.', { selector: 'p' })).toBeTruthy();
    expect(sentTo(sent, 'CreateHealthFacility').input).toMatchObject({
      code: 'HF1',
      name: 'CSI Galmi',
      legalForm: 'G',
      level: 'C',
      careType: 'B',
      locationId: 'd1',
      status: 'AC',
      email: null,
      catchments: [],
    });
  });

  it('offers the code lists’ active entries, as the administrator named them, in the UI language', async () => {
    fakeApi();
    renderForm('fr');
    const names = async (label: string) => {
      fireEvent.mouseDown(
        within((await screen.findByLabelText(label)).parentElement as HTMLElement).getByRole('combobox'),
      );
      const listbox = await screen.findByRole('listbox');
      const shown = within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent);
      fireEvent.keyDown(listbox, { key: 'Escape' });
      await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
      return shown;
    };
    await waitFor(async () => expect(await names('Niveau')).toEqual(['Poste de santé', 'Centre de santé', 'Hôpital']));
    // The deactivated legal form (Charity) is not offered for a new facility.
    expect(await names('Forme juridique')).toEqual(['Public', 'Organisation privée']);
  });

  it('labels the fields in French', async () => {
    fakeApi();
    renderForm('fr');
    for (const label of ['Code', 'Nom', 'Forme juridique', 'Niveau', 'Type de soins', 'District']) {
      expect(await screen.findByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
  });
});
