import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defineWebModule } from '../contributions/define-web-module';
import { renderApp, testUser } from '../testing/render-app';

const imports = defineWebModule({
  id: 'location',
  routes: [{ path: '/imports', component: () => <p>imports</p>, right: ['location.import', 'location.hf.import'] }],
});

describe('404 and forbidden pages', () => {
  it('shows a 404 page inside the shell for an unknown route', async () => {
    renderApp({ user: testUser(), path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('shows a standalone 404 page when logged out', async () => {
    renderApp({ path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.queryByRole('banner')).toBeNull();
  });

  it('shows the forbidden page for a route whose right the user lacks', async () => {
    const mod = defineWebModule({
      id: 'claim',
      routes: [{ path: '/claims', component: () => <p>secret claims</p>, right: 'claim.search' }],
    });
    renderApp({ modules: [mod], user: testUser({ rights: [] }), path: '/claims' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Access denied' })).toBeTruthy();
    expect(screen.queryByText('secret claims')).toBeNull();
  });

  it('lets an administrator through every right', async () => {
    const mod = defineWebModule({
      id: 'claim',
      routes: [{ path: '/claims', component: () => <p>secret claims</p>, right: 'claim.search' }],
    });
    renderApp({ modules: [mod], user: testUser({ isAdmin: true }), path: '/claims' });
    expect(await screen.findByText('secret claims')).toBeTruthy();
  });

  it('lets a user through a route that asks for any of several rights when holding one of them', async () => {
    renderApp({ modules: [imports], user: testUser({ rights: ['location.hf.import'] }), path: '/imports' });
    expect(await screen.findByText('imports')).toBeTruthy();
  });

  it('shows the forbidden page for a route when the user holds none of its rights', async () => {
    renderApp({ modules: [imports], user: testUser({ rights: ['location.hf.search'] }), path: '/imports' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Access denied' })).toBeTruthy();
    expect(screen.queryByText('imports')).toBeNull();
  });
});
