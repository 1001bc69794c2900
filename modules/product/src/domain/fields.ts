/**
 * The product's scalar fields (DOMAIN.md §7.1), described once: the validation rules, the table columns, the
 * GraphQL types and the web form all read this list, so a field cannot be forgotten in one of them.
 */
export type FieldKind = 'text' | 'money' | 'percent' | 'int' | 'enum' | 'date' | 'cycle' | 'uuid';

export type Section = 'general' | 'periods' | 'premiums' | 'ceilings' | 'categories' | 'relative' | 'capitation';

export interface FieldSpec {
  /** camelCase name in the API; the column is its snake_case form. */
  name: string;
  kind: FieldKind;
  section: Section;
  required?: boolean;
  /** text: max length. */
  max?: number;
  /** enum: allowed codes. */
  values?: readonly string[];
  /** Value when the input leaves the field out (a decimal string for money/percent). */
  default?: string | number;
}

const f = (name: string, kind: FieldKind, section: Section, more: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind,
  section,
  ...more,
});

const families = ['Treatment', 'Insuree', 'Policy'] as const;
const variants = ['', 'Ip', 'Op'] as const;
const famFields = (prefix: 'ded' | 'max'): FieldSpec[] =>
  families.flatMap((fam) => variants.map((v) => f(`${prefix}${v}${fam}`, 'money', 'ceilings')));

export const HF_LEVELS = ['D', 'C', 'H'] as const;
export const HF_SUBLEVELS = ['I', 'N', 'R'] as const;

export const PRODUCT_FIELDS: readonly FieldSpec[] = [
  f('code', 'text', 'general', { required: true, max: 8 }),
  f('name', 'text', 'general', { required: true, max: 100 }),
  f('locationId', 'uuid', 'general'),
  f('dateFrom', 'date', 'general', { required: true }),
  f('dateTo', 'date', 'general', { required: true }),
  f('conversionProductId', 'uuid', 'general'),
  f('accCodePremiums', 'text', 'general', { max: 25 }),
  f('accCodeRemuneration', 'text', 'general', { max: 25 }),

  f('insurancePeriod', 'int', 'periods', { required: true, default: 12 }),
  f('administrationPeriod', 'int', 'periods'),
  f('gracePeriodEnrolment', 'int', 'periods', { default: 0 }),
  f('gracePeriodRenewal', 'int', 'periods'),
  f('gracePeriodPayment', 'int', 'periods'),
  f('startCycle1', 'cycle', 'periods'),
  f('startCycle2', 'cycle', 'periods'),
  f('startCycle3', 'cycle', 'periods'),
  f('startCycle4', 'cycle', 'periods'),
  f('maxInstallments', 'int', 'periods'),
  f('recurrence', 'int', 'periods'),
  f('enrolmentDiscountPerc', 'percent', 'periods'),
  f('enrolmentDiscountPeriod', 'int', 'periods'),
  f('renewalDiscountPerc', 'percent', 'periods', { default: '0.00' }),
  f('renewalDiscountPeriod', 'int', 'periods', { default: 0 }),

  f('maxMembers', 'int', 'premiums', { required: true, default: 0 }),
  f('threshold', 'int', 'premiums'),
  f('lumpSum', 'money', 'premiums', { required: true, default: '0.00' }),
  f('premiumAdult', 'money', 'premiums'),
  f('premiumChild', 'money', 'premiums'),
  f('registrationLumpSum', 'money', 'premiums'),
  f('registrationFee', 'money', 'premiums'),
  f('generalAssemblyLumpSum', 'money', 'premiums'),
  f('generalAssemblyFee', 'money', 'premiums'),

  f('ceilingType', 'enum', 'ceilings', { values: ['I', 'T', 'P'] }),
  f('ceilingInterpretation', 'enum', 'ceilings', { values: ['I', 'H'] }),
  ...famFields('ded'),
  ...famFields('max'),
  f('maxPolicyExtraMember', 'money', 'ceilings'),
  f('maxPolicyExtraMemberIp', 'money', 'ceilings'),
  f('maxPolicyExtraMemberOp', 'money', 'ceilings'),
  f('maxCeilingPolicy', 'money', 'ceilings'),
  f('maxCeilingPolicyIp', 'money', 'ceilings'),
  f('maxCeilingPolicyOp', 'money', 'ceilings'),

  ...(['Consultation', 'Surgery', 'Delivery', 'Hospitalization', 'Visits', 'Antenatal'] as const).map((c) =>
    f(`maxNo${c}`, 'int', 'categories'),
  ),
  ...(['Consultation', 'Surgery', 'Delivery', 'Hospitalization', 'Antenatal'] as const).map((c) =>
    f(`maxAmount${c}`, 'money', 'categories'),
  ),

  ...[1, 2, 3, 4].flatMap((i) => [
    f(`capitationLevel${i}`, 'enum', 'capitation', { values: HF_LEVELS }),
    f(`capitationSublevel${i}`, 'enum', 'capitation', { values: HF_SUBLEVELS }),
  ]),
  f('shareContribution', 'percent', 'capitation', { default: '100.00' }),
  f('weightPopulation', 'percent', 'capitation'),
  f('weightNbFamilies', 'percent', 'capitation'),
  f('weightInsuredPopulation', 'percent', 'capitation', { default: '100.00' }),
  f('weightNbInsuredFamilies', 'percent', 'capitation'),
  f('weightNbVisits', 'percent', 'capitation'),
  f('weightAdjustedAmount', 'percent', 'capitation'),
];

/**
 * The money terms a policy inherits from its product for its coverage (deductibles, ceilings, category amounts) and
 * the category counts, by name: the policy module (enquiry, member coverage) and the claim engine read these.
 */
export const COVERAGE_MONEY_FIELDS = [
  'dedTreatment',
  'dedIpTreatment',
  'dedOpTreatment',
  'dedInsuree',
  'dedIpInsuree',
  'dedOpInsuree',
  'dedPolicy',
  'dedIpPolicy',
  'dedOpPolicy',
  'maxTreatment',
  'maxIpTreatment',
  'maxOpTreatment',
  'maxInsuree',
  'maxIpInsuree',
  'maxOpInsuree',
  'maxPolicy',
  'maxIpPolicy',
  'maxOpPolicy',
  'maxPolicyExtraMember',
  'maxPolicyExtraMemberIp',
  'maxPolicyExtraMemberOp',
  'maxCeilingPolicy',
  'maxCeilingPolicyIp',
  'maxCeilingPolicyOp',
  'maxAmountConsultation',
  'maxAmountSurgery',
  'maxAmountDelivery',
  'maxAmountHospitalization',
  'maxAmountAntenatal',
] as const;
export const COVERAGE_COUNT_FIELDS = [
  'maxNoConsultation',
  'maxNoSurgery',
  'maxNoDelivery',
  'maxNoHospitalization',
  'maxNoVisits',
  'maxNoAntenatal',
] as const;

/** snake_case column name of a field. */
export const columnName = (name: string): string => name.replace(/([A-Z0-9]+)/g, (m) => `_${m.toLowerCase()}`);

/** Relative-price period fields, derived from the relative distribution (DOMAIN.md §7.3). */
export const PERIOD_FIELDS = { B: 'periodRelPrices', I: 'periodRelPricesIp', O: 'periodRelPricesOp' } as const;
