import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badInput, mockGql } from '../../testing/mock-gql';
import { renderApp, testUser } from '../../testing/render-app';

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('change password page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('needs the three fields, refuses two different new passwords, then changes it and clears the form', async () => {
    const calls = mockGql({ ChangeMyPassword: () => ({ changeMyPassword: { me: testUser() } }) });
    renderApp({ user: testUser(), path: '/profile/password' });
    const button = await screen.findByRole('button', { name: 'Change password' });
    expect(document.title).toBe('Change password · Mutua');
    type('Current password', 'old-pw');
    type('New password', 'new-pw-1');
    expect(button.hasAttribute('disabled')).toBe(true);
    type('Confirm new password', 'new-pw-2');
    expect(button.hasAttribute('disabled')).toBe(false);

    fireEvent.click(button);
    expect(await screen.findByText('The two passwords do not match.')).toBeTruthy();
    expect(calls).toEqual([]);

    type('Confirm new password', 'new-pw-1');
    fireEvent.click(button);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Your password has been changed.');
    expect(screen.queryByText('The two passwords do not match.')).toBeNull();
    expect(calls[0]?.variables.input).toMatchObject({ currentPassword: 'old-pw', newPassword: 'new-pw-1' });
    expect([value('Current password'), value('New password'), value('Confirm new password')]).toEqual(['', '', '']);
  });

  it("shows the server's password-policy message under the new password", async () => {
    mockGql({ ChangeMyPassword: () => badInput([{ field: 'newPassword', message: 'At least 8 characters' }]) });
    renderApp({ user: testUser(), path: '/profile/password' });
    await screen.findByRole('button', { name: 'Change password' });
    type('Current password', 'old-pw');
    type('New password', 'short');
    type('Confirm new password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getAllByText('At least 8 characters').length).toBeGreaterThan(0));
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
  });
});
