import { defineWebModule } from '@mutua/web-kernel';
import { badInput, mockGql, renderApp, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import contributionWeb from './index';
import { PolicyContributionsPanel } from './PolicyContributionsPanel';

const clerk = testUser({ rights: ['contribution.contribution.search', 'contribution.contribution.add'] });

const PAYMENT = {
  policyId: 'p1',
  status: 1,
  value: '25500.00',
  paid: '10000.00',
  due: '15500.00',
  photoFees: '0.00',
  installments: 1,
  maxInstallments: 3,
  deadline: '2025-07-31',
  startDate: '2025-07-01',
};
const FIRST = {
  id: 'c1',
  policyId: 'p1',
  familyId: 'f1',
  productId: 'pr1',
  payerId: null,
  payer: null,
  amount: '10000.00',
  receipt: 'RC-001',
  payDate: '2025-06-10',
  payType: 'C',
  isPhotoFee: false,
  isOffline: false,
};

const host = defineWebModule({
  id: 'host',
  routes: [{ path: '/policy', component: () => <PolicyContributionsPanel policyId="p1" familyId="f1" /> }],
});

/** The server's preview: what paying `amount` more on FIRST's policy would leave due. */
function preview(variables: Record<string, unknown>) {
  const paidAfter =
    1_000_000n +
    BigInt(String(variables.amount).replace('.', '')) * (String(variables.amount).includes('.') ? 1n : 100n);
  const value = 2_550_000n;
  const dueAfter = paidAfter >= value ? 0n : value - paidAfter;
  const fmt = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
  return {
    contributionPreview: {
      ...PAYMENT,
      paidAfter: fmt(paidAfter),
      dueAfter: fmt(dueAfter),
      activates: paidAfter >= value,
      effectiveDate: paidAfter >= value ? '2025-07-01' : null,
      installment: 2,
      warnings: [],
    },
  };
}

function start(answers: { create?: (input: Record<string, unknown>) => unknown } = {}) {
  const calls = mockGql({
    PolicyContributions: () => ({ policyContributions: [FIRST], policyPayment: PAYMENT }),
    ContributionPreview: preview,
    CreateContribution: (v) => answers.create?.(v.input as Record<string, unknown>),
  });
  renderApp({ modules: [contributionWeb, host], path: '/policy', user: clerk });
  const inputs = () =>
    calls.filter((c) => c.operation === 'CreateContribution').map((c) => c.variables.input as Record<string, unknown>);
  return { inputs };
}

describe('PolicyContributionsPanel', { timeout: 30_000 }, () => {
  it('shows the paid total against the value, what remains, and the contributions', async () => {
    start();
    expect(await screen.findByText('RC-001')).toBeTruthy();
    expect(screen.getByTestId('payment-value').textContent).toContain('25,500.00');
    expect(screen.getByTestId('payment-paid').textContent).toContain('10,000.00');
    expect(screen.getByTestId('payment-due').textContent).toContain('15,500.00');
    expect(screen.getByTestId('payment-installments').textContent).toContain('1 of at most 3');
  });

  it('tells before saving whether the payment activates the policy, then saves it once', async () => {
    const { inputs } = start({
      create: (input) => ({
        createContribution: {
          contribution: { ...FIRST, id: 'c2', receipt: input.receipt, amount: input.amount },
          activated: true,
          policy: { id: 'p1', status: 2, effectiveDate: '2025-07-01' },
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add contribution' }));
    const dialog = await screen.findByRole('dialog');
    const amount = within(dialog).getByLabelText(/Amount/) as HTMLInputElement;
    // The form proposes the remaining amount.
    expect(amount.value).toBe('15500.00');
    const preview = within(dialog).getByTestId('contribution-preview');
    await waitFor(() => expect(preview.textContent).toContain('the policy becomes active on 2025-07-01'));
    expect(preview.textContent).toContain('Remaining before this payment: 15,500.00');
    expect(preview.textContent).toContain('Remaining after this payment: 0.00');

    fireEvent.change(amount, { target: { value: '5000' } });
    await waitFor(() => expect(preview.textContent).toContain('Remaining after this payment: 10,500.00'));
    expect(preview.textContent).toContain('stays waiting for payment');

    fireEvent.change(amount, { target: { value: '15500' } });
    fireEvent.change(within(dialog).getByLabelText(/Receipt number/), { target: { value: 'RC-002' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Contribution saved: the policy is now active from 2025-07-01.')).toBeTruthy();
    expect(inputs()).toHaveLength(1);
    expect(inputs()[0]).toMatchObject({ policyId: 'p1', amount: '15500', receipt: 'RC-002', payType: 'C' });
    expect(typeof inputs()[0]?.clientMutationId).toBe('string');
  });

  it('shows the server’s message under the receipt when the receipt is taken', async () => {
    start({
      create: () =>
        badInput(
          [{ field: 'receipt', message: 'The receipt number RC-001 is already used for this product.' }],
          'The receipt number RC-001 is already used for this product.',
        ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add contribution' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Receipt number/), { target: { value: 'RC-001' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(within(dialog).getAllByText(/RC-001 is already used for this product/).length).toBeGreaterThan(0),
    );
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
