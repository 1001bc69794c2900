import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import { ErrorAlert, SelectInput, TextInput } from '@mutua/web-kernel';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliverFeedback, feedbackOfficers, problemOf } from './api';

const QUESTIONS = ['careRendered', 'paymentAsked', 'drugPrescribed', 'drugReceived'] as const;

/**
 * The feedback form of a claim selected for feedback: the patient's answers, an overall assessment and the enrolment
 * officer who collected them (those serving the patient's village are offered; another can be searched).
 */
export function FeedbackDialog({ claimId, onClose }: { claimId: string; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<(typeof QUESTIONS)[number], boolean>>({
    careRendered: false,
    paymentAsked: false,
    drugPrescribed: false,
    drugReceived: false,
  });
  const [assessment, setAssessment] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [officerId, setOfficerId] = useState('');
  const [search, setSearch] = useState('');
  const officers = useQuery({
    queryKey: ['claim.feedbackOfficers', claimId, search],
    queryFn: () => feedbackOfficers(claimId, search.trim()),
  });
  const offered = officers.data ?? [];
  useEffect(() => {
    // The village's only officer is the one who collected the feedback, unless the user says otherwise.
    if (!search && !officerId && offered.length === 1) setOfficerId(offered[0]!.id);
  }, [offered, search, officerId]);
  const save = useMutation({
    mutationFn: () =>
      deliverFeedback(claimId, {
        ...answers,
        assessment: assessment === '' ? null : Number(assessment),
        feedbackDate: date,
        officerId: officerId || null,
      }),
    onSuccess: () => onClose(true),
  });
  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby="claim-feedback-title" fullWidth>
      <DialogTitle id="claim-feedback-title">{t('claim.feedback.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ mt: 1 }}>
          {QUESTIONS.map((q) => (
            <FormControlLabel
              key={q}
              control={
                <Checkbox checked={answers[q]} onChange={(e) => setAnswers({ ...answers, [q]: e.target.checked })} />
              }
              label={t(`claim.feedback.${q}`)}
            />
          ))}
          <SelectInput
            name="assessment"
            label={t('claim.feedback.assessment')}
            value={assessment}
            emptyLabel={t('claim.page.none')}
            error={problemOf(save.error, 'assessment')}
            options={['-1', '0', '1', '2', '3', '4', '5'].map((v) => ({
              value: v,
              label: t(`claim.feedback.score_${v}`),
            }))}
            onChange={setAssessment}
          />
          <SelectInput
            name="officerId"
            label={t('claim.feedback.officer')}
            value={officerId}
            emptyLabel={t('claim.page.none')}
            error={problemOf(save.error, 'officerId')}
            options={offered.map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))}
            onChange={setOfficerId}
          />
          <TextInput
            name="officerSearch"
            label={t('claim.feedback.officerSearch')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setOfficerId('');
            }}
          />
          <TextInput
            name="feedbackDate"
            type="date"
            required
            label={t('claim.feedback.date')}
            value={date}
            error={problemOf(save.error, 'feedbackDate')}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <ErrorAlert error={save.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('claim.action.cancel')}</Button>
        <Button variant="contained" disabled={save.isPending} onClick={() => save.mutate()}>
          {t('claim.feedback.deliver')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
