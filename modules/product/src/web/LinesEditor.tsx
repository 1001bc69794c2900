import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ErrorAlert, fieldError, SelectInput, TextInput, useAuth } from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findMedical,
  getLimitDefaults,
  INT_TERMS,
  LINE_TERMS,
  type LimitDefaults,
  type LineRow,
  setProductLines,
} from './api';

type Kind = 'item' | 'service';
type Draft = { medicalId: string; code: string; name: string; terms: Record<string, string> };

const CHOICES: Record<string, string[]> = {
  priceOrigin: ['P', 'O', 'R'],
  limitationType: ['C', 'F'],
  limitationTypeE: ['C', 'F'],
  limitationTypeR: ['C', 'F'],
  ceilingExclusionAdult: ['H', 'N', 'B'],
  ceilingExclusionChild: ['H', 'N', 'B'],
};
const PAGE = 25;

/** The terms a new line starts with: the configured defaults, 100 % for co-insurance, 0 for a fixed amount. */
function newTerms(d: LimitDefaults | undefined): Record<string, string> {
  const type = d?.limitationType ?? 'C';
  const limit = type === 'C' ? '100' : '0';
  const out: Record<string, string> = Object.fromEntries(LINE_TERMS.map((k) => [k, '']));
  Object.assign(out, {
    priceOrigin: d?.priceOrigin ?? 'P',
    limitationType: type,
    limitationTypeE: type,
    limitationTypeR: type,
    limitAdult: limit,
    limitChild: limit,
    limitAdultE: limit,
    limitChildE: limit,
    limitAdultR: limit,
    limitChildR: limit,
    waitingPeriodAdult: d?.waitingPeriodAdult?.toString() ?? '',
    waitingPeriodChild: d?.waitingPeriodChild?.toString() ?? '',
  });
  return out;
}

const toDraft = (l: LineRow): Draft => ({
  medicalId: l.medicalId,
  code: l.code ?? '?',
  name: l.name ?? '',
  terms: Object.fromEntries(LINE_TERMS.map((k) => [k, l[k] === null || l[k] === undefined ? '' : String(l[k])])),
});

/** Term label: the plain ones are translated; the E/R variants add "emergency"/"referral" in the header. */
const termLabel = (t: (k: string) => string, k: string) => {
  const base = k.replace(/E$|R$/, '').replace(/(Adult|Child)(E|R)$/, '$1');
  const known = t(`product.line.${base}`);
  const suffix = /E$/.test(k) ? ' (E)' : /R$/.test(k) && !k.startsWith('priceOrigin') ? ' (R)' : '';
  return `${known}${suffix}`;
};

/**
 * The items or services a product covers: add by code, edit the terms, remove; saved as one versioned change.
 * `readOnly` shows past lines (as-of view).
 */
export function LinesEditor({
  productId,
  kind,
  lines,
  readOnly = false,
}: {
  productId: string;
  kind: Kind;
  lines: LineRow[];
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const canEdit = !readOnly && hasRight('product.product.edit');
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Draft[]>(() => lines.map(toDraft));
  const [removed, setRemoved] = useState<string[]>([]);
  const [code, setCode] = useState('');
  // A product may cover hundreds of lines: render them a page at a time.
  const [shown, setShown] = useState(PAGE);
  const [codeError, setCodeError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const prefix = `${kind}s`;
  const defaults = useQuery({ queryKey: ['product.limitDefaults'], queryFn: getLimitDefaults, enabled: canEdit });
  const save = useMutation({
    mutationFn: () =>
      setProductLines({
        productId,
        [kind === 'item' ? 'items' : 'services']: rows.map((r) => ({
          medicalId: r.medicalId,
          ...Object.fromEntries(
            LINE_TERMS.map((k) => {
              const v = r.terms[k]?.trim() ?? '';
              return [k, v === '' ? null : INT_TERMS.has(k) ? (/^\d+$/.test(v) ? Number(v) : -1) : v];
            }),
          ),
        })),
        [kind === 'item' ? 'removeItems' : 'removeServices']: removed,
      }),
    onMutate: () => setSaved(false),
    onSuccess: async (product) => {
      setRemoved([]);
      // show the lines as stored (normalized amounts), keeping this editor (and its notice) mounted
      const stored = kind === 'item' ? product.items : product.services;
      if (stored) setRows(stored.map(toDraft));
      setSaved(true);
      queryClient.setQueryData(['product.product', productId], product);
      await queryClient.invalidateQueries({ queryKey: ['core.auditHistory', 'Product', productId] });
    },
  });
  const add = async () => {
    const found = await findMedical(kind, code);
    if (!found) return setCodeError(t('product.page.notFoundCode'));
    setCodeError(undefined);
    setCode('');
    if (rows.some((r) => r.medicalId === found.id)) return;
    setRemoved((r) => r.filter((id) => id !== found.id));
    setShown((n) => Math.max(n, rows.length + 1));
    setRows((r) => [
      ...r,
      {
        medicalId: found.id,
        code: found.code,
        name: found.name,
        terms: newTerms(defaults.data),
      },
    ]);
  };
  const setTerm = (i: number, k: string, v: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, terms: { ...r.terms, [k]: v } } : r)));
  const title = t(kind === 'item' ? 'product.page.items' : 'product.page.services');
  return (
    <Box component="section" aria-label={title} sx={{ mt: 4 }}>
      <Typography variant="h6" component="h2">
        {title} ({rows.length})
      </Typography>
      <ErrorAlert error={save.error} />
      {canEdit ? (
        <Box sx={{ display: 'flex', gap: 1, my: 1, maxWidth: 480 }}>
          <TextInput
            name={`${kind}Code`}
            label={t('product.page.lineCode')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={codeError}
          />
          <Button variant="outlined" onClick={() => void add()}>
            {t('product.page.addLine')}
          </Button>
        </Box>
      ) : null}
      <Box sx={{ overflowX: 'auto', maxHeight: 480 }}>
        <Table size="small" stickyHeader aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{t('product.field.code')}</TableCell>
              <TableCell>{t('product.field.name')}</TableCell>
              {LINE_TERMS.map((k) => (
                <TableCell key={k}>{termLabel(t, k)}</TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.slice(0, shown).map((r, i) => (
              <TableRow key={r.medicalId}>
                <TableCell>{r.code}</TableCell>
                <TableCell sx={{ minWidth: 180 }}>{r.name}</TableCell>
                {LINE_TERMS.map((k) => {
                  const name = `${prefix}.${i}.${k}`;
                  const label = `${r.code} ${termLabel(t, k)}`;
                  const error = fieldError(save.error, name);
                  return (
                    <TableCell key={k} sx={{ minWidth: 90 }}>
                      {CHOICES[k] ? (
                        <SelectInput
                          name={name}
                          label={label}
                          disabled={!canEdit}
                          options={CHOICES[k]!.map((v) => ({ value: v, label: v }))}
                          {...(k.startsWith('ceiling') ? { emptyLabel: '—' } : {})}
                          value={r.terms[k] ?? ''}
                          onChange={(v) => setTerm(i, k, v)}
                          error={error}
                        />
                      ) : (
                        <TextInput
                          name={name}
                          label={label}
                          disabled={!canEdit}
                          value={r.terms[k] ?? ''}
                          onChange={(e) => setTerm(i, k, e.target.value)}
                          error={error}
                        />
                      )}
                    </TableCell>
                  );
                })}
                <TableCell>
                  {canEdit ? (
                    <Button
                      size="small"
                      color="error"
                      onClick={() => {
                        setRows((rs) => rs.filter((_, j) => j !== i));
                        setRemoved((rm) => [...rm, r.medicalId]);
                      }}
                    >
                      {t('product.page.remove')}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {rows.length > shown ? (
        <Button size="small" onClick={() => setShown((n) => n + PAGE * 4)}>
          {t('product.page.showMore', { count: rows.length - shown })}
        </Button>
      ) : null}
      {canEdit ? (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 1 }}>
          <Button variant="contained" disabled={save.isPending} onClick={() => save.mutate()}>
            {t('product.page.saveLines')}
          </Button>
        </Box>
      ) : null}
      <Snackbar
        open={saved}
        autoHideDuration={4000}
        onClose={() => setSaved(false)}
        message={t('product.page.linesSaved', { title })}
      />
    </Box>
  );
}
