import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userHasRight } from '../auth/me';
import { mainMenu } from '../contributions/core-points';
import { contribute } from '../contributions/define-point';
import { defineWebModule } from '../contributions/define-web-module';
import { renderApp, testUser } from '../testing/render-app';
import { visibleMenu } from './visible-menu';

const claims = defineWebModule({
  id: 'claim',
  contributions: [
    contribute(mainMenu, {
      group: 'claims',
      id: 'claim.search',
      label: 'Health facility claims',
      to: '/claims',
      right: 'claim.search',
    }),
    contribute(mainMenu, {
      group: 'insurees',
      id: 'insuree.search',
      label: 'Insurees',
      to: '/insurees',
      right: 'insuree.search',
    }),
    contribute(mainMenu, {
      group: 'insurees',
      id: 'insuree.family',
      label: 'Add family/group',
      to: '/family',
      right: 'insuree.add',
    }),
  ],
});

describe('main menu', () => {
  it('shows only the groups and items the user has rights for', async () => {
    renderApp({ modules: [claims], user: testUser({ rights: ['core.user.search', 'insuree.search'] }) });

    expect(await screen.findByRole('button', { name: /Insurees and Policies/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Administration/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Profile/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Claims/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Tools/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /Administration/ }));
    expect(await screen.findByRole('menuitem', { name: 'Users' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Roles' })).toBeNull();
  });

  it('lets an administrator see every item', () => {
    const items = claims.contributions.map((c) => c.value) as Parameters<typeof visibleMenu>[0];
    const groups = visibleMenu(items, () => true);
    expect(groups.map((g) => g.group)).toEqual(['insurees', 'claims']);
    expect(groups[0]?.items.map((i) => i.id)).toEqual(['insuree.search', 'insuree.family']);
  });

  it('orders items inside a group by their order field', () => {
    const groups = visibleMenu(
      [
        { group: 'tools', id: 'b', label: 'B', to: '/b', order: 20 },
        { group: 'tools', id: 'a', label: 'A', to: '/a', order: 10 },
      ],
      () => false,
    );
    expect(groups[0]?.items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('shows an item that asks for any of several rights to a user holding one of them', async () => {
    const imports = defineWebModule({
      id: 'location',
      contributions: [
        contribute(mainMenu, {
          group: 'tools',
          id: 'location.imports',
          label: 'Imports',
          to: '/imports',
          right: ['location.import', 'location.hf.import'],
        }),
      ],
    });
    const items = imports.contributions.map((c) => c.value) as Parameters<typeof visibleMenu>[0];
    const seenBy = (rights: string[], isAdmin = false) =>
      visibleMenu(items, (r) => userHasRight(testUser({ rights, isAdmin }), r)).flatMap((g) =>
        g.items.map((i) => i.id),
      );
    expect(seenBy(['location.hf.import'])).toEqual(['location.imports']);
    expect(seenBy(['location.import'])).toEqual(['location.imports']);
    expect(seenBy(['location.hf.search'])).toEqual([]);
    expect(seenBy([], true)).toEqual(['location.imports']);

    renderApp({ modules: [imports], user: testUser({ rights: ['location.hf.import'] }) });
    fireEvent.click(await screen.findByRole('button', { name: /Tools/ }));
    expect(await screen.findByRole('menuitem', { name: 'Imports' })).toBeTruthy();
  });

  it('offers Logout in the Profile menu', async () => {
    renderApp({ user: testUser() });
    fireEvent.click(await screen.findByRole('button', { name: /Profile/ }));
    expect(await screen.findByRole('menuitem', { name: 'Logout' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'My profile' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'Change password' })).toBeTruthy();
  });
});
