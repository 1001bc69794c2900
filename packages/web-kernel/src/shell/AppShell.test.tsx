import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, testUser } from '../testing/render-app';

describe('app shell', () => {
  it('has a skip link to main, a banner with the named main menu, one main landmark and a page title', async () => {
    renderApp({ user: testUser(), path: '/' });
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(document.title).toBe('Home · Mutua');
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    const main = screen.getByRole('main');
    expect(skip.getAttribute('href')).toBe(`#${main.id}`);
    expect(main.getAttribute('tabindex')).toBe('-1');
    expect(screen.getByRole('banner').contains(screen.getByRole('navigation', { name: 'Main menu' }))).toBe(true);
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });
});
