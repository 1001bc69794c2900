import { defineWebModule } from '@mutua/web-kernel';
import { mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CodeSelect } from './CodeSelect';
import codelistWeb from './index';

const entry = (list: string, code: string, name: string, nameFr: string, sortOrder: number, active = true) => ({
  id: `${list}-${code}`,
  list,
  code,
  name,
  nameFr,
  sortOrder,
  active,
  requiresNumber: false,
  builtIn: true,
});
const LISTS = [
  {
    id: 'gender',
    name: 'Gender',
    policy: 'protected',
    canAdd: false,
    canDeactivate: false,
    codeMaxLength: 1,
    numericCodes: false,
    hasRequiresNumber: false,
    entries: [
      entry('gender', 'M', 'Male', 'Masculin', 1),
      entry('gender', 'F', 'Female', 'Féminin', 2),
      entry('gender', 'O', 'Other', 'Autre', 3),
    ],
  },
  {
    id: 'profession',
    name: 'Profession',
    policy: 'open',
    canAdd: true,
    canDeactivate: true,
    codeMaxLength: 4,
    numericCodes: true,
    hasRequiresNumber: false,
    entries: [
      entry('profession', '1', 'Housewife', 'Femme au foyer', 1),
      entry('profession', '2', 'Employee', 'Employé(e)', 2),
      entry('profession', '4', 'Others', 'Autre', 4, false),
    ],
  },
];

/** Answers the code lists query and records every mutation. */
function fakeApi() {
  return mockGql({
    CodeLists: () => ({ codeLists: LISTS }),
    DeactivateCodeListEntry: () => ({
      deactivateCodeListEntry: { codeListEntry: { ...LISTS[1]!.entries[1], active: false } },
    }),
  });
}

/** A form of another module using the select. */
function Form({ list, initial = '' }: { list: string; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <CodeSelect
        list={list}
        name={list}
        label={list === 'gender' ? 'Gender' : 'Profession'}
        value={value}
        onChange={setValue}
      />
      <output data-testid="value">{value}</output>
    </>
  );
}
const formModule = defineWebModule({
  id: 'form',
  routes: [
    { path: '/gender', component: () => <Form list="gender" /> },
    { path: '/profession', component: () => <Form list="profession" initial="4" /> },
  ],
});

function renderAt(path: string, rights: string[] = []) {
  return renderApp({ modules: [codelistWeb, formModule], path, user: testUser({ rights }) }).app;
}

async function openSelect(label: string) {
  fireEvent.mouseDown(within((await screen.findByLabelText(label)).parentElement as HTMLElement).getByRole('combobox'));
  return screen.findByRole('listbox');
}
const optionNames = (listbox: HTMLElement) =>
  within(listbox)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('CodeSelect', () => {
  it('lists the active entries in sort order and gives the chosen code', async () => {
    fakeApi();
    renderAt('/gender');
    const listbox = await openSelect('Gender');
    await waitFor(() => expect(optionNames(listbox)).toEqual(['Male', 'Female', 'Other']));
    fireEvent.click(within(listbox).getByRole('option', { name: 'Female' }));
    expect(screen.getByTestId('value').textContent).toBe('F');
  });

  it('labels the entries in French after switching language', async () => {
    fakeApi();
    const app = renderAt('/gender');
    await openSelect('Gender');
    await screen.findByRole('option', { name: 'Male' });
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    await act(async () => {
      await app.i18n.changeLanguage('fr');
    });
    const listbox = await openSelect('Gender');
    await waitFor(() => expect(optionNames(listbox)).toEqual(['Masculin', 'Féminin', 'Autre']));
  });

  it('keeps a stored value whose entry was deactivated, and offers no other inactive one', async () => {
    fakeApi();
    renderAt('/profession');
    const listbox = await openSelect('Profession');
    await waitFor(() => expect(optionNames(listbox)).toEqual(['Housewife', 'Employee', 'Others']));
  });
});

describe('the code lists page', () => {
  it('shows a list’s entries and deactivates one for an editor', async () => {
    const sent = fakeApi();
    renderAt('/admin/code-lists', ['codelist.entry.edit']);
    expect(await screen.findByRole('heading', { name: 'Code lists' })).toBeTruthy();
    // Gender: rules depend on its codes, so no deactivation and no additions.
    await screen.findByRole('cell', { name: 'Masculin' });
    expect(screen.queryByRole('button', { name: 'Deactivate M' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add an entry' })).toBeNull();
    const listbox = await openSelect('List');
    fireEvent.click(within(listbox).getByRole('option', { name: 'Profession' }));
    await screen.findByRole('cell', { name: 'Femme au foyer' });
    expect(screen.getByRole('button', { name: 'Add an entry' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate 2' }));
    await waitFor(() => expect(sent.some((s) => s.operation === 'DeactivateCodeListEntry')).toBe(true));
    expect(sentTo(sent, 'DeactivateCodeListEntry').input).toMatchObject({ id: 'profession-2' });
  });

  it('is in the administration menu of editors only', async () => {
    fakeApi();
    renderAt('/', ['codelist.entry.edit']);
    fireEvent.click(await screen.findByRole('button', { name: /Administration/ }));
    expect(await screen.findByRole('menuitem', { name: 'Code lists' })).toBeTruthy();
  });
});
