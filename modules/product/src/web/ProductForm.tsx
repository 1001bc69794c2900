import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import {
  ConfirmDialog,
  ErrorAlert,
  FormGrid,
  fieldError,
  PageHeader,
  SelectInput,
  TextInput,
  useAuth,
  useGo,
} from '@mutua/web-kernel';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldSpec, PRODUCT_FIELDS, type Section } from '../domain/fields';
import { createProduct, deleteProduct, duplicateProduct, listOptions, type ProductRow, updateProduct } from './api';

const SECTIONS: Section[] = ['general', 'periods', 'premiums', 'ceilings', 'categories', 'capitation'];
const CARE_TYPES = ['B', 'I', 'O'] as const;

/** Field name → text; the relative distribution per care type under `distribution.<B|I|O>`. */
type Form = Record<string, string>;

function toForm(p: ProductRow | null): Form {
  const fields = Object.fromEntries(
    PRODUCT_FIELDS.map((f) => {
      const v = p ? p[f.name] : f.default;
      return [f.name, v === null || v === undefined ? '' : String(v)];
    }),
  );
  const distribution = Object.fromEntries(
    CARE_TYPES.map((c) => [
      `distribution.${c}`,
      p?.relativeDistribution.find((d) => d.careType === c)?.periods.join(', ') ?? '',
    ]),
  );
  return { ...fields, ...distribution };
}

/** Blank means "no value"; a whole-number field that is not one goes as -1 so the server names it. */
function toInput(f: Form): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of PRODUCT_FIELDS) {
    const v = (f[spec.name] ?? '').trim();
    if (v === '') out[spec.name] = null;
    else if (spec.kind === 'int') out[spec.name] = /^\d+$/.test(v) ? Number(v) : -1;
    else out[spec.name] = v;
  }
  out.relativeDistribution = CARE_TYPES.filter((c) => f[`distribution.${c}`]?.trim()).map((c) => ({
    careType: c,
    periods: f[`distribution.${c}`]!.split(/[,;\s]+/).filter(Boolean),
  }));
  return out;
}

/**
 * Every field of a product (DOMAIN.md §7.1), grouped in sections, with duplicate and delete for a saved one.
 * `readOnly` shows a past version (as-of view); `banner` goes under the title.
 */
export function ProductForm({
  product,
  readOnly = false,
  banner,
}: {
  product: ProductRow | null;
  readOnly?: boolean;
  banner?: ReactNode;
}) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const go = useGo();
  const queryClient = useQueryClient();
  const canEdit = !readOnly && hasRight(product ? 'product.product.edit' : 'product.product.add');
  const [form, setForm] = useState<Form>(() => toForm(product));
  const [deleting, setDeleting] = useState(false);
  const [dup, setDup] = useState<{ code: string; name: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const options = useQuery({ queryKey: ['product.options'], queryFn: listOptions });
  const save = useMutation({
    mutationFn: () => (product ? updateProduct(product.id, toInput(form)) : createProduct(toInput(form))),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['product.products'] });
      queryClient.setQueryData(['product.product', saved.id], saved);
      if (product) {
        setNotice(t('product.page.saved'));
        await queryClient.invalidateQueries({ queryKey: ['core.auditHistory', 'Product', saved.id] });
      } else go(`/admin/products/${saved.id}`);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteProduct(product?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['product.products'] });
      go('/admin/products');
    },
  });
  const duplicate = useMutation({
    mutationFn: () => duplicateProduct(product?.id ?? '', dup?.code ?? '', dup?.name ?? ''),
    onSuccess: async (copy) => {
      setDup(null);
      await queryClient.invalidateQueries({ queryKey: ['product.products'] });
      go(`/admin/products/${copy.id}`);
    },
  });
  const err = (k: string) => fieldError(save.error, k);
  const set = (k: string) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const optionList = (list?: { edges: Array<{ node: { id: string; code: string; name: string } }> }) =>
    (list?.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.code} ${e.node.name}` }));

  const input = (spec: FieldSpec) => {
    const label = t(`product.field.${spec.name}`);
    const common = {
      name: spec.name,
      label,
      required: spec.required ?? false,
      disabled: !canEdit,
      error: err(spec.name),
    };
    if (spec.name === 'locationId' || spec.name === 'conversionProductId') {
      const opts =
        spec.name === 'locationId'
          ? [...optionList(options.data?.regions), ...optionList(options.data?.districts)]
          : optionList(options.data?.products).filter((o) => o.value !== product?.id);
      return (
        <SelectInput
          key={spec.name}
          {...common}
          options={opts}
          emptyLabel={spec.name === 'locationId' ? t('product.page.national') : '—'}
          value={opts.some((o) => o.value === form[spec.name]) ? (form[spec.name] ?? '') : ''}
          onChange={set(spec.name)}
        />
      );
    }
    if (spec.kind === 'enum') {
      return (
        <SelectInput
          key={spec.name}
          {...common}
          options={(spec.values ?? []).map((v) => ({ value: v, label: v }))}
          emptyLabel="—"
          value={form[spec.name] ?? ''}
          onChange={set(spec.name)}
        />
      );
    }
    return (
      <TextInput
        key={spec.name}
        {...common}
        type={spec.kind === 'date' ? 'date' : 'text'}
        value={form[spec.name] ?? ''}
        onChange={(e) => set(spec.name)(e.target.value)}
        slotProps={{
          ...(spec.kind === 'date' ? { inputLabel: { shrink: true } } : {}),
          htmlInput: {
            ...(spec.max ? { maxLength: spec.max } : {}),
            ...(spec.kind === 'int' || spec.kind === 'money' || spec.kind === 'percent'
              ? { inputMode: 'decimal' }
              : {}),
          },
        }}
      />
    );
  };

  const distributionError = (c: string) => {
    const i = toInput(form).relativeDistribution as Array<{ careType: string }>;
    const index = i.findIndex((d) => d.careType === c);
    if (index < 0) return undefined;
    return (
      err(`relativeDistribution.${index}.periods`) ??
      err(`relativeDistribution.${index}.careType`) ??
      [...Array(12).keys()].map((j) => err(`relativeDistribution.${index}.periods.${j}`)).find(Boolean)
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader
        title={product ? `${t('product.page.product')} ${product.code}` : t('product.page.newProduct')}
        subtitle={product?.name}
        actions={
          product && !readOnly ? (
            <Box sx={{ display: 'flex', gap: 1 }}>
              {hasRight('product.product.duplicate') ? (
                <Button variant="outlined" onClick={() => setDup({ code: '', name: product.name })}>
                  {t('product.page.duplicate')}
                </Button>
              ) : null}
              {hasRight('product.product.delete') ? (
                <Button variant="outlined" color="error" onClick={() => setDeleting(true)}>
                  {t('product.page.delete')}
                </Button>
              ) : null}
            </Box>
          ) : null
        }
      />
      {banner}
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Box
          component="form"
          onSubmit={submit}
          noValidate
          aria-label={product ? product.name : t('product.page.newProduct')}
        >
          <ErrorAlert error={save.error} />
          {SECTIONS.map((s) => (
            <Box component="section" key={s} aria-label={t(`product.section.${s}`)}>
              <Typography variant="h6" component="h2">
                {t(`product.section.${s}`)}
              </Typography>
              <FormGrid columns={3}>{PRODUCT_FIELDS.filter((f) => f.section === s).map(input)}</FormGrid>
              {s === 'categories' ? (
                <Box component="section" aria-label={t('product.section.relative')}>
                  <Typography variant="h6" component="h2">
                    {t('product.section.relative')}
                  </Typography>
                  <FormGrid columns={3}>
                    {CARE_TYPES.map((c) => (
                      <TextInput
                        key={c}
                        name={`distribution${c}`}
                        label={`${t('product.page.careType')} ${c} — ${t('product.page.periods')}`}
                        disabled={!canEdit}
                        value={form[`distribution.${c}`] ?? ''}
                        onChange={(e) => set(`distribution.${c}`)(e.target.value)}
                        error={distributionError(c)}
                      />
                    ))}
                  </FormGrid>
                </Box>
              ) : null}
            </Box>
          ))}
          {canEdit ? (
            <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 3 }}>
              <Button type="submit" variant="contained" disabled={save.isPending}>
                {t('product.page.save')}
              </Button>
            </Box>
          ) : null}
        </Box>
      </Paper>
      <ConfirmDialog
        open={deleting}
        title={t('product.page.delete')}
        message={product ? `${product.code} ${product.name}` : ''}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      >
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
      <ConfirmDialog
        open={dup !== null}
        title={t('product.page.duplicate')}
        message={product ? `${product.code} ${product.name}` : ''}
        confirmLabel={t('product.page.duplicate')}
        busy={duplicate.isPending}
        onConfirm={() => duplicate.mutate()}
        onClose={() => setDup(null)}
      >
        <ErrorAlert error={duplicate.error} />
        <TextInput
          name="duplicateCode"
          label={t('product.page.newCode')}
          required
          value={dup?.code ?? ''}
          onChange={(e) => setDup((d) => ({ code: e.target.value, name: d?.name ?? '' }))}
          error={fieldError(duplicate.error, 'code')}
          sx={{ mt: 2 }}
        />
        <TextInput
          name="duplicateName"
          label={t('product.page.newName')}
          required
          value={dup?.name ?? ''}
          onChange={(e) => setDup((d) => ({ code: d?.code ?? '', name: e.target.value }))}
          error={fieldError(duplicate.error, 'name')}
          sx={{ mt: 2 }}
        />
      </ConfirmDialog>
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </>
  );
}
