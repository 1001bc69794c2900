import type { CodeListService } from '@mutua/codelist';
import type { Ctx, FieldProblem } from '@mutua/kernel';
import { clean } from '../domain/text.js';

/** The facility fields whose values come from a code list (DOMAIN.md §3), with the list's id and the field's label. */
const HF_CODE_FIELDS = [
  { field: 'legalForm', list: 'legalForm' },
  { field: 'level', list: 'hfLevel' },
  { field: 'subLevel', list: 'hfSubLevel' },
  { field: 'careType', list: 'careType' },
  { field: 'status', list: 'hfStatus' },
] as const;

type HfCodes = Partial<Record<(typeof HF_CODE_FIELDS)[number]['field'], string | null | undefined>>;

/**
 * The code-list problems of a facility's coded fields: a value must be an active entry of its list, except a value
 * the facility already had (an entry deactivated since stays on the records that use it). The domain rules already
 * refuse codes the lists cannot hold; this adds what an administrator changed (a deactivated legal form, sub-level).
 * Without the codelist module (it is optional) there is nothing to add. Fields in `skip` already have a problem.
 */
export async function hfCodeProblems(
  codeLists: CodeListService | undefined,
  ctx: Ctx,
  input: HfCodes,
  before: HfCodes | null,
  skip: ReadonlySet<string> = new Set(),
): Promise<FieldProblem[]> {
  if (!codeLists) return [];
  const problems: FieldProblem[] = [];
  for (const { field, list } of HF_CODE_FIELDS) {
    const code = clean(input[field]);
    if (code === null || skip.has(field)) continue;
    const kept = before !== null && clean(before[field]) === code;
    problems.push(
      ...(await codeLists.check(ctx, list, field, code, {
        includeInactive: kept,
        fieldLabel: `location.field.${field}`,
      })),
    );
  }
  return problems;
}
