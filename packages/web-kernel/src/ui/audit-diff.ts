/** One changed field between two audited states of a record. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function asObject(v: unknown): Record<string, unknown> {
  if (typeof v === 'string') {
    try {
      return asObject(JSON.parse(v));
    } catch {
      return {};
    }
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Fields whose value differs between `before` and `after` (JSON objects or JSON strings), in key order. */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const b = asObject(before);
  const a = asObject(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  // Own fields only: a field named like an Object method ("toString") must not read the method.
  const own = (o: Record<string, unknown>, k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
  return keys
    .filter((k) => JSON.stringify(own(b, k) ?? null) !== JSON.stringify(own(a, k) ?? null))
    .map((k) => ({ field: k, before: own(b, k), after: own(a, k) }));
}

/** Short display form of an audited value. */
export function formatAuditValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** How one audited field reads in a record's history: its label and its values in the user's words. */
export interface HistoryField {
  label: string;
  /** The value as text (default: as stored); never called with an empty value (shown as ∅). */
  format?: (value: unknown) => string;
}

/**
 * A record's history in its module's words: field labels and value formats (`null` leaves a field out: ids, time
 * stamps), and action labels. Fields and actions not listed read as stored.
 */
export interface HistoryView {
  fields?: Readonly<Record<string, HistoryField | null>>;
  actions?: Readonly<Record<string, string>>;
  /** Where the labels of fields not listed are translated: `insuree.field` reads `lastName` as `insuree.field.lastName`. */
  labelKey?: string;
}

/** Version and bookkeeping fields of every record: not what a user changed, left out unless a view lists them. */
export const BOOKKEEPING_FIELDS: readonly string[] = [
  'id',
  'rowId',
  'validityFrom',
  'validFrom',
  'validTo',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'jsonExt',
];

/** One change of a history entry, ready to show. */
export interface ChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/**
 * The changes of an audit entry as the view describes them, in its order: not the fields it leaves out, nor those
 * that read the same.
 */
export function describeChanges(
  before: unknown,
  after: unknown,
  view?: HistoryView,
  /** Label and value of what the view does not describe (the panel translates them: `labelKey`, yes/no). */
  fallback: { label?: (field: string) => string; value?: (v: unknown) => string } = {},
): ChangeLine[] {
  const lines: ChangeLine[] = [];
  // In the view's order (a record's fields as its page shows them), the fields it does not list after them.
  const fields = view?.fields ?? {};
  const order = new Map(Object.keys(fields).map((k, i) => [k, i]));
  const rank = (field: string) => order.get(field) ?? order.size;
  for (const c of diffFields(before, after)) {
    // Own entries only, as in diffFields: a field named "toString" is not described by Object's method.
    const f = Object.hasOwn(fields, c.field) ? fields[c.field] : undefined;
    if (f === null || (f === undefined && BOOKKEEPING_FIELDS.includes(c.field))) continue;
    const show = (v: unknown) =>
      v === null || v === undefined || v === ''
        ? '∅'
        : f?.format
          ? f.format(v)
          : (fallback.value?.(v) ?? formatAuditValue(v));
    const [b, a] = [show(c.before), show(c.after)];
    const label = f?.label ?? fallback.label?.(c.field) ?? c.field;
    if (b !== a) lines.push({ field: c.field, label, before: b, after: a }); // [] and none: both ∅
  }
  return lines.sort((x, y) => rank(x.field) - rank(y.field));
}
