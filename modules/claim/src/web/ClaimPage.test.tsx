import { connectionOf, emptyAuditHistory, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import claimWeb from './index';

const me = testUser({
  language: 'fr',
  rights: ['claim.claim.search', 'claim.claim.submit', 'claim.claim.process'],
});

const line = (over: Record<string, unknown>) => ({
  id: 'l1',
  kind: 'item',
  medicalId: 'm1',
  item: { code: 'PARA500', name: 'Paracétamol 500 mg' },
  service: null,
  qtyProvided: '2',
  qtyApproved: null,
  priceAsked: '150.00',
  priceAdjusted: null,
  priceApproved: '150.00',
  priceValuated: null,
  explanation: null,
  justification: null,
  status: 1,
  rejectionReason: 0,
  rejectionParams: null,
  deductableAmount: null,
  exceedCeilingAmount: null,
  remuneratedAmount: null,
  ...over,
});

const claim = {
  id: 'c1',
  code: 'C-7',
  status: 4,
  reviewStatus: 1,
  feedbackStatus: 1,
  dateFrom: '2026-02-10',
  dateTo: null,
  dateClaimed: '2026-02-11',
  visitType: 'O',
  claimed: '1300.00',
  approved: '300.00',
  valuated: null,
  healthFacility: { code: 'HF1101', name: 'CS Kati' },
  insuree: { chfId: '100000001', lastName: 'Diallo', otherNames: 'Awa' },
  diagnosis: { code: 'A01', name: 'Fièvre typhoïde' },
  hfId: 'hf1',
  insureeId: 'i1',
  icdId: 'icd1',
  secondaryIcdIds: [],
  secondaryDiagnoses: [],
  category: 'V',
  feedbackAvailable: false,
  guaranteeId: null,
  explanation: null,
  adjustment: null,
  remunerated: null,
  dateProcessed: null,
  restoreId: null,
  reviewFlags: [],
  items: [line({})],
  services: [
    line({
      id: 'l2',
      kind: 'service',
      item: null,
      service: { code: 'CONS', name: 'Consultation spécialisée' },
      qtyProvided: '1',
      priceAsked: '1000.00',
      priceApproved: null,
      status: 2,
      rejectionReason: 17,
      rejectionParams: { date: '2026-03-01', months: 3 },
    }),
  ],
  attachments: [],
  feedback: null,
};

describe('claim page', () => {
  it('shows the status, the amounts and a rejected line’s translated reason with its date', {
    timeout: 60_000,
  }, async () => {
    mockGql({ ...emptyAuditHistory, Claim: () => ({ claim }) });
    renderApp({ modules: [claimWeb], path: '/claims/c1', user: me });
    expect(await screen.findByRole('heading', { name: 'Demande C-7', level: 1 })).toBeTruthy();
    expect(screen.getByTestId('claim-status').textContent).toContain('Vérifiée');
    const services = screen.getByRole('region', { name: 'Actes médicaux' });
    const row = within(services).getByText('CONS Consultation spécialisée').closest('tr')!;
    expect(row.textContent).toContain('Rejeté');
    expect(row.textContent).toContain('Délai de carence non écoulé : couvert à partir du 2026-03-01 (3 mois)');
    const items = screen.getByRole('region', { name: 'Médicaments' });
    expect(within(items).getByText('PARA500 Paracétamol 500 mg').closest('tr')!.textContent).toContain('Accepté');
    expect(screen.getByTestId('amount-claimed').textContent).toMatch(/1\s?300,00/);
    expect(screen.getByTestId('amount-approved').textContent).toBe('300,00');
    // a checked claim: process is offered, submit is not
    expect(screen.getByRole('button', { name: 'Traiter' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Soumettre' })).toBeNull();
  });

  it('tells the claim’s history in the user’s words: statuses, amounts, line codes and reasons, no ids', {
    timeout: 60_000,
  }, async () => {
    const entry = (id: string, action: string, before: unknown, after: unknown) => ({
      id,
      at: '2026-02-11T10:00:00Z',
      username: 'clerk',
      action,
      before,
      after,
    });
    const history = [
      entry('a3', 'process', null, { status: 16, valuated: '1300.00', remunerated: '1300.00' }),
      entry('a2', 'submit', null, {
        status: 4,
        lines: [
          { kind: 'item', index: 0, status: 1, medicalId: 'm1', rejectionReason: 0 },
          {
            kind: 'service',
            index: 0,
            status: 2,
            medicalId: 'm1',
            rejectionReason: 17,
            rejectionParams: { date: '2026-03-01', months: 3 },
          },
        ],
      }),
      entry('a1', 'create', null, {
        id: 'c1',
        code: 'C-7',
        status: 2,
        hfId: 'hf1',
        items: [{ medicalId: 'm1', qtyProvided: '2.00', priceAsked: '150.00', status: 1, rejectionReason: 0 }],
        createdAt: '2026-02-11T10:00:00Z',
      }),
      entry(
        'a4',
        'feedback.deliver',
        { feedbackStatus: 4 },
        {
          feedbackStatus: 8,
          feedback: {
            careRendered: true,
            paymentAsked: false,
            drugPrescribed: null,
            assessment: 4,
            feedbackDate: '2026-02-20',
          },
        },
      ),
    ];
    mockGql({ AuditHistory: () => ({ auditHistory: connectionOf(history) }), Claim: () => ({ claim }) });
    renderApp({ modules: [claimWeb], path: '/claims/c1', user: me });
    const table = await screen.findByRole('table', { name: 'Historique' });
    await within(table).findByText('Traitée');
    const rows = within(table).getAllByRole('row');
    const text = (i: number) => rows[i]!.textContent ?? '';
    expect(text(1)).toContain('Traitée');
    expect(text(1)).toContain('Statut : ∅ → Valorisée');
    expect(text(1)).toMatch(/Valorisé : ∅ → 1\s?300,00/);
    expect(text(2)).toContain('Soumise et vérifiée');
    expect(text(2)).toContain('PARA500 — Accepté; CONS — Rejeté');
    expect(text(2)).toContain('Rejeté : Délai de carence non écoulé : couvert à partir du 2026-03-01 (3 mois)');
    expect(text(3)).toContain('Formation sanitaire : ∅ → HF1101 CS Kati');
    expect(text(3)).toContain('PARA500 × 2 @ 150,00');
    expect(text(3)).not.toContain('c1');
    expect(text(3)).not.toContain('createdAt');
    expect(text(4)).toContain('Retour effectué');
    expect(text(4)).toContain('Statut du retour : Sélectionnée → Effectuée');
    expect(text(4)).toContain(
      'Retour sur la demande : ∅ → Les soins ont été rendus : oui; Un paiement a été demandé : non; 4 Très bon; Date du retour : 2026-02-20',
    );
  });
});

describe('review page', () => {
  it('shows what the claim is about and each line’s verdict, and sends only the lines the reviewer changed', {
    timeout: 60_000,
  }, async () => {
    const sent = mockGql({
      ...emptyAuditHistory,
      Claim: () => ({ claim }),
      SaveClaimReview: () => ({ saveClaimReview: { claim: { id: 'c1' } } }),
    });
    renderApp({
      modules: [claimWeb],
      path: '/claims/c1/review',
      user: testUser({ language: 'fr', rights: ['claim.claim.search', 'claim.claim.review'] }),
    });
    expect(await screen.findByRole('heading', { name: 'Revue de la demande C-7', level: 1 })).toBeTruthy();
    expect(screen.getByText('HF1101 CS Kati')).toBeTruthy();
    expect(screen.getByText('100000001 Diallo Awa')).toBeTruthy();
    const item = screen.getByRole('region', { name: 'PARA500 Paracétamol 500 mg' });
    expect(item.textContent).toMatch(/Demandé : 2 × 150,00 — Accepté/);
    const service = screen.getByRole('region', { name: 'CONS Consultation spécialisée' });
    expect(service.textContent).toContain('Rejeté : Délai de carence non écoulé');
    // The field reads short on screen; its accessible name says which line it is.
    const qtyField = within(item).getByLabelText('Quantité approuvée pour PARA500 Paracétamol 500 mg');
    expect(within(item).getAllByText('Quantité approuvée').length).toBeGreaterThan(0);
    fireEvent.change(qtyField, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la revue' }));
    await waitFor(() =>
      expect(sentTo(sent, 'SaveClaimReview').input).toMatchObject({
        id: 'c1',
        lines: [{ id: 'l1', qtyApproved: '1', priceApproved: '150.00', justification: null, reject: false }],
        deliver: false,
      }),
    );
  });
});

describe('feedback form', () => {
  it('offers the officer serving the patient’s village, already chosen, and sends the feedback linked to them', {
    timeout: 60_000,
  }, async () => {
    const sent = mockGql({
      ...emptyAuditHistory,
      Claim: () => ({ claim: { ...claim, feedbackStatus: 4 } }),
      ClaimFeedbackOfficers: (v) => ({
        claimFeedbackOfficers: v.search ? [] : [{ id: 'o2', code: 'EO0002', name: 'Moussa Hadiza' }],
      }),
      DeliverClaimFeedback: () => ({ deliverClaimFeedback: { claim: { id: 'c1' } } }),
    });
    renderApp({
      modules: [claimWeb],
      path: '/claims/c1',
      user: testUser({ language: 'fr', rights: ['claim.claim.search', 'claim.claim.feedback'] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Saisir le retour' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retour sur la demande' });
    const officer = within(dialog).getByRole('combobox', { name: 'Agent d’enrôlement qui l’a recueilli' });
    await waitFor(() => expect(officer.textContent).toBe('EO0002 Moussa Hadiza'));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Les soins ont été rendus' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer le retour' }));
    await waitFor(() =>
      expect(sentTo(sent, 'DeliverClaimFeedback').input).toMatchObject({
        id: 'c1',
        careRendered: true,
        paymentAsked: false,
        officerId: 'o2',
      }),
    );
  });
});
