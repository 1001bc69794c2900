import Alert from '@mui/material/Alert';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ErrorAlert, PageHeader, TextInput } from '@mutua/web-kernel';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CoverageRow, coverage, eligibility } from './api';

const LETTER_COLORS = { A: 'success', I: 'default', S: 'warning', R: 'info', E: 'error' } as const;

interface Detector {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

/** Reads a QR code from the camera with the browser's BarcodeDetector; `onCode` gets the text. */
function QrScanner({ onCode, onError }: { onCode: (code: string) => void; onError: (key: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const Ctor = (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
    if (!Ctor || !navigator.mediaDevices?.getUserMedia) {
      onError('policy.enquiry.scanUnsupported');
      return;
    }
    let stream: MediaStream | null = null;
    let stopped = false;
    const detector = new Ctor({ formats: ['qr_code'] });
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (!video.current || stopped) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stopped) {
          const found = await detector.detect(video.current).catch(() => []);
          const text = found[0]?.rawValue?.trim();
          if (text) {
            onCode(text);
            return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        onError('policy.enquiry.cameraDenied');
      }
    })();
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode, onError]);
  return <video ref={video} muted playsInline style={{ width: '100%', maxWidth: 360 }} />;
}

function Amounts({ p }: { p: CoverageRow['policies'][number] }) {
  const { t } = useTranslation();
  const amounts = Object.entries(p.remaining).filter(([, v]) => v !== null);
  const counts = Object.entries(p.countsLeft).filter(([, v]) => v !== null);
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mt: 1 }}>
      {amounts.length ? (
        <Box>
          <Typography variant="subtitle2">{t('policy.enquiry.remaining')}</Typography>
          {amounts.map(([k, v]) => (
            <div key={k}>
              {t(`policy.enquiry.${k}`)}: <strong>{v}</strong>
            </div>
          ))}
        </Box>
      ) : null}
      {counts.length ? (
        <Box>
          <Typography variant="subtitle2">{t('policy.enquiry.countsLeft')}</Typography>
          {counts.map(([k, v]) => (
            <div key={k}>
              {t(`policy.enquiry.${k}`)}: <strong>{v}</strong>
            </div>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

/**
 * `/enquiry`: the counter clerk types (or scans) an insurance number and sees at once who it is (photo, names),
 * whether a policy covers them, what is left, and whether an item or service is covered.
 */
export function EnquiryPage() {
  const { t } = useTranslation();
  const [chfId, setChfId] = useState('');
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const find = useMutation({ mutationFn: (n: string) => coverage(n) });
  const check = useMutation({
    mutationFn: (w: { itemCode?: string; serviceCode?: string }) => eligibility(find.data?.insuree.chfId ?? chfId, w),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chfId.trim()) {
      check.reset();
      find.mutate(chfId.trim());
    }
  };
  const data = find.data;
  return (
    <>
      <PageHeader title={t('policy.enquiry.title')} />
      <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, alignItems: 'start', maxWidth: 640 }}>
        <TextInput
          name="chfId"
          label={t('policy.enquiry.chfId')}
          value={chfId}
          onChange={(e) => setChfId(e.target.value)}
          autoFocus
          slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
        />
        <Button type="submit" variant="contained" sx={{ mt: 1 }}>
          {t('policy.enquiry.search')}
        </Button>
        <Button
          variant="outlined"
          sx={{ mt: 1, whiteSpace: 'nowrap' }}
          onClick={() => {
            setScanError(null);
            setScanning((s) => !s);
          }}
        >
          {t(scanning ? 'policy.enquiry.scanStop' : 'policy.enquiry.scan')}
        </Button>
      </Box>
      {scanError ? <Alert severity="warning">{t(scanError)}</Alert> : null}
      {scanning ? (
        <QrScanner
          onCode={(c) => {
            setScanning(false);
            setChfId(c);
            find.mutate(c);
          }}
          onError={(k) => {
            setScanning(false);
            setScanError(k);
          }}
        />
      ) : null}
      {find.isPending ? <LinearProgress /> : null}
      {find.error ? <ErrorAlert error={find.error} /> : null}
      {find.isSuccess && !data ? (
        <Alert severity="error">{t('policy.enquiry.notFound', { chfId: find.variables })}</Alert>
      ) : null}
      {data ? (
        <Paper sx={{ p: 2, mt: 2 }} aria-label={`${data.insuree.lastName} ${data.insuree.otherNames}`}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <Avatar
              src={data.insuree.photoUrl ?? undefined}
              alt={`${data.insuree.lastName} ${data.insuree.otherNames}`}
              sx={{ width: 96, height: 96 }}
            />
            <Box>
              <Typography variant="h5" component="h2">
                {data.insuree.lastName} {data.insuree.otherNames}
              </Typography>
              <Typography>
                {data.insuree.chfId} · {t('policy.enquiry.born', { dob: data.insuree.dob })}
                {data.insuree.gender ? ` · ${data.insuree.gender}` : ''}
              </Typography>
            </Box>
          </Box>
          {!data.policies.length ? (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {t('policy.enquiry.noPolicy')}
            </Alert>
          ) : null}
          {data.policies.map((p) => (
            <Box key={p.policy.id} sx={{ mt: 2, borderTop: 1, borderColor: 'divider', pt: 1 }}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Chip color={LETTER_COLORS[p.statusLetter]} label={t(`policy.letter.${p.statusLetter}`)} />
                <strong>
                  {p.productCode} — {p.productName}
                </strong>
                <span>
                  {p.policy.effectiveDate ?? p.policy.startDate} → {p.policy.expiryDate}
                </span>
              </Box>
              <Amounts p={p} />
            </Box>
          ))}
          <Box component="section" aria-label={t('policy.enquiry.eligibility')} sx={{ mt: 3 }}>
            <Typography variant="subtitle1">{t('policy.enquiry.eligibility')}</Typography>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'start', maxWidth: 640 }}>
              <TextInput
                name="code"
                label={`${t('policy.enquiry.serviceCode')} / ${t('policy.enquiry.itemCode')}`}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
              <Button
                sx={{ mt: 1 }}
                variant="outlined"
                onClick={() => code.trim() && check.mutate({ serviceCode: code.trim() })}
              >
                {t('policy.enquiry.checkService')}
              </Button>
              <Button
                sx={{ mt: 1 }}
                variant="outlined"
                onClick={() => code.trim() && check.mutate({ itemCode: code.trim() })}
              >
                {t('policy.enquiry.checkItem')}
              </Button>
            </Box>
            {check.error ? <ErrorAlert error={check.error} /> : null}
            {check.data ? (
              <Alert severity={check.data.ok ? 'success' : 'error'} sx={{ mt: 1 }}>
                <strong>{t(check.data.ok ? 'policy.enquiry.eligible' : 'policy.enquiry.notEligible')}</strong>
                {check.data.reasonText ? ` — ${check.data.reasonText}` : ''}
                {check.data.minDate ? ` · ${t('policy.enquiry.minDate', { date: check.data.minDate })}` : ''}
                {' · '}
                {check.data.left === null
                  ? t('policy.enquiry.unlimited')
                  : t('policy.enquiry.left', { count: check.data.left })}
              </Alert>
            ) : null}
          </Box>
        </Paper>
      ) : null}
    </>
  );
}
