import codelistWeb from '@mutua/codelist/web';
import { connectionOf, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import insureeWeb from './index';

const entry = (list: string, code: string, name: string, nameFr: string) => ({
  id: `${list}-${code}`,
  list,
  code,
  name,
  nameFr,
  sortOrder: 0,
  active: true,
  builtIn: true,
  requiresNumber: false,
});
const lists = [
  { id: 'gender', entries: [entry('gender', 'M', 'Male', 'Masculin'), entry('gender', 'F', 'Female', 'Féminin')] },
  ...[
    'maritalStatus',
    'profession',
    'education',
    'identificationType',
    'familyType',
    'confirmationType',
    'relationship',
  ].map((id) => ({ id, entries: [] })),
].map((l) => ({
  ...l,
  name: l.id,
  policy: 'open',
  canAdd: false,
  canDeactivate: false,
  codeMaxLength: 4,
  numericCodes: false,
  hasRequiresNumber: false,
}));
const village = { id: '0190aaaa-0000-7000-8000-000000000001', code: 'R1D1M1V1', name: 'Affala' };
const duplicate = {
  insureeId: '0190aaaa-0000-7000-8000-000000000009',
  familyId: '0190aaaa-0000-7000-8000-000000000008',
  chfId: '100000015',
  lastName: 'Issoufou',
  otherNames: 'Hamidou',
  dob: '1980-03-14',
  reasons: ['name'],
};

function fakeApi() {
  return mockGql({
    CodeLists: () => ({ codeLists: lists }),
    Locations: () => ({ locations: connectionOf([village]) }),
    InsureeDuplicates: () => ({ insureeDuplicates: [duplicate] }),
    CreateFamily: () => ({
      createFamily: { family: { id: duplicate.familyId.replace('8', '7') }, head: { id: 'h1' } },
    }),
    Family: () => ({ family: null }),
  });
}

describe('family form', () => {
  it('shows likely duplicates and saves the family with its head only after confirmation (French)', {
    timeout: 60_000,
  }, async () => {
    const sent = fakeApi();
    renderApp({
      modules: [codelistWeb, insureeWeb],
      path: '/families/new',
      user: testUser({
        language: 'fr',
        rights: ['insuree.family.add', 'insuree.family.search', 'insuree.insuree.search', 'insuree.insuree.add'],
      }),
    });
    const last = await screen.findByLabelText('Nom', { exact: true });
    fireEvent.change(last, { target: { value: 'Issoufou' } });
    fireEvent.change(screen.getByLabelText('Prénoms', { exact: true }), { target: { value: 'Hamidou' } });
    fireEvent.change(screen.getByLabelText('Date de naissance', { exact: true }), { target: { value: '1980-03-14' } });
    // The village picker searches as the user types.
    const villageBox = screen.getByLabelText('Village', { exact: true });
    fireEvent.change(villageBox, { target: { value: 'Aff' } });
    fireEvent.click(await screen.findByText('R1D1M1V1 — Affala', {}, { timeout: 5000 }));
    expect(screen.getByRole('button', { name: 'Prendre une photo' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    expect(within(dialog).getByText('Doublons possibles')).toBeTruthy();
    expect(within(dialog).getByText(/100000015/)).toBeTruthy();
    expect(within(dialog).getByText('nom proche, même date de naissance et même village')).toBeTruthy();
    expect(sent.some((s) => s.operation === 'CreateFamily')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ce sont des personnes différentes : enregistrer' }));
    await waitFor(() => expect(sent.some((s) => s.operation === 'CreateFamily')).toBe(true), { timeout: 10_000 });
    expect(sentTo(sent, 'CreateFamily').input).toMatchObject({
      locationId: village.id,
      confirmDuplicates: true,
      head: { lastName: 'Issoufou', otherNames: 'Hamidou', dob: '1980-03-14', chfId: null },
    });
  });
});
