import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, testUser } from '../testing/render-app';
import { homePanels, mainMenu } from './core-points';
import { contribute } from './define-point';
import { defineWebModule } from './define-web-module';

function BrokenPanel(): never {
  throw new Error('panel exploded');
}

const broken = defineWebModule({ id: 'claim-ai', contributions: [contribute(homePanels, BrokenPanel)] });
const healthy = defineWebModule({
  id: 'claim',
  contributions: [contribute(homePanels, () => <p>Claims to review: 3</p>)],
});

describe('ContributionBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows an error card naming the module of a contribution that throws, and renders the rest', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderApp({ modules: [broken, healthy], user: testUser() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Jane Doe' })).toBeTruthy();
    expect(screen.getByText('Claims to review: 3')).toBeTruthy();
    const card = screen.getByRole('alert');
    expect(card.textContent).toContain('claim-ai');
    expect(card.textContent).toContain('panel exploded');
    expect(screen.getByRole('banner')).toBeTruthy();
  });

  it('shows an error card instead of a module page that throws, inside the shell', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const mod = defineWebModule({ id: 'report', routes: [{ path: '/reports', component: BrokenPanel }] });
    renderApp({ modules: [mod], user: testUser(), path: '/reports' });
    const card = await screen.findByRole('alert');
    expect(card.textContent).toContain('report');
    expect(screen.getByRole('navigation')).toBeTruthy();
  });

  it('refuses two modules with the same id, and two modules claiming the same route', () => {
    expect(() => renderApp({ modules: [healthy, healthy] })).toThrow(/'claim' is composed twice/);
    const a = defineWebModule({ id: 'a', routes: [{ path: '/x', component: () => null }] });
    const b = defineWebModule({ id: 'b', routes: [{ path: '/x', component: () => null }] });
    expect(() => renderApp({ modules: [a, b] })).toThrow(/route '\/x' is declared by both 'a' and 'b'/);
  });

  it('rejects a payload of the wrong shape at compile time', () => {
    // @ts-expect-error: 'reports' is not a MenuGroup and `to` is missing
    const bad = contribute(mainMenu, { group: 'reports', id: 'x', label: 'x' });
    expect(bad.point.id).toBe('core.mainMenu');
  });
});
