import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Longest side of a camera capture: enough for a card photo, small enough for poor connections. */
const CAPTURE_SIDE = 480;

/**
 * An optional photo: a JPEG/PNG file, or a capture from the device camera (getUserMedia → canvas → JPEG). Shows the
 * chosen photo, or the stored one (`currentUrl`).
 */
export function PhotoInput({
  value,
  currentUrl,
  onChange,
}: {
  value: Blob | null;
  currentUrl?: string | null;
  onChange: (photo: Blob | null) => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [cameraError, setCameraError] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!value || typeof URL.createObjectURL !== 'function') {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(value);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [value]);
  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
    return () => {
      for (const tr of stream?.getTracks() ?? []) tr.stop();
    };
  }, [stream]);

  async function openCamera() {
    setCameraError(false);
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera');
      setStream(await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false }));
    } catch {
      setCameraError(true);
    }
  }
  function capture() {
    const v = video.current;
    if (!v?.videoWidth) return;
    const scale = Math.min(1, CAPTURE_SIDE / Math.max(v.videoWidth, v.videoHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(v.videoWidth * scale);
    canvas.height = Math.round(v.videoHeight * scale);
    canvas.getContext('2d')?.drawImage(v, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((b) => b && onChange(b), 'image/jpeg', 0.85);
    setStream(null);
  }
  const shown = preview ?? (value ? null : (currentUrl ?? null));
  return (
    <Box>
      <Typography variant="subtitle2" component="p" sx={{ mb: 1 }}>
        {t('insuree.field.photo')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        {shown ? (
          <img src={shown} alt={t('insuree.field.photo')} style={{ width: 120, height: 150, objectFit: 'cover' }} />
        ) : (
          <Box sx={{ width: 120, height: 150, bgcolor: 'action.hover', display: 'grid', placeItems: 'center' }}>
            <Typography variant="caption">{t('insuree.label.noPhoto')}</Typography>
          </Box>
        )}
        {stream ? (
          <Stack spacing={1}>
            {/* biome-ignore lint/a11y/useMediaCaption: a live camera preview has no audio to caption */}
            <video ref={video} autoPlay playsInline style={{ width: 200 }} />
            <Button variant="contained" onClick={capture}>
              {t('insuree.action.capture')}
            </Button>
            <Button onClick={() => setStream(null)}>{t('insuree.action.cancel')}</Button>
          </Stack>
        ) : (
          <Stack spacing={1}>
            <Button component="label" variant="outlined">
              {t('insuree.action.upload')}
              <input
                hidden
                type="file"
                name="photo"
                accept="image/jpeg,image/png"
                aria-label={t('insuree.action.upload')}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) onChange(f);
                }}
              />
            </Button>
            <Button variant="outlined" onClick={() => void openCamera()}>
              {t('insuree.action.camera')}
            </Button>
            {value ? <Button onClick={() => onChange(null)}>{t('insuree.action.removePhoto')}</Button> : null}
          </Stack>
        )}
      </Stack>
      {cameraError ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('insuree.label.cameraUnavailable')}
        </Alert>
      ) : null}
    </Box>
  );
}
