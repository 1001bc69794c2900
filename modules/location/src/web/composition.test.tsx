import type { WebModule } from '@mutua/web-kernel';
import { renderApp, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import locationWeb from './index';

const start = (modules: WebModule[]) => renderApp({ modules, user: testUser({ isAdmin: true }) }).app;

async function administrationMenu() {
  fireEvent.click(await screen.findByRole('button', { name: 'Administration' }));
  return screen.findByRole('menu');
}

// The web half of "a composition without an optional module": its menus and pages are absent, the rest works.
describe('composing the web app with and without the location module', () => {
  it('shows the location menus when the module is composed', async () => {
    start([locationWeb]);
    const menu = await administrationMenu();
    expect(within(menu).getByRole('menuitem', { name: 'Health facilities' })).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: 'Locations' })).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: 'Users' })).toBeTruthy();
  });

  it('has no location menu items, and its pages are unknown, without the module', async () => {
    const app = start([]);
    const menu = await administrationMenu();
    expect(within(menu).queryByRole('menuitem', { name: 'Health facilities' })).toBeNull();
    expect(within(menu).queryByRole('menuitem', { name: 'Locations' })).toBeNull();
    expect(within(menu).getByRole('menuitem', { name: 'Users' })).toBeTruthy();
    fireEvent.keyDown(menu, { key: 'Escape' });
    await app.router.navigate({ to: '/admin/health-facilities' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
});
