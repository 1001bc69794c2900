/**
 * What an administrator may do with a list:
 * - `open`: openIMIS lets schemes add local entries (professions, education levels, …); any entry may be deactivated.
 * - `closed`: the entries are fixed, but none drives a rule: they may be renamed, re-sorted and deactivated.
 * - `protected`: rules read these codes (patient category from gender, hospital ceilings from the HF level, claim
 *   category from the service category, …): entries may only be renamed and re-sorted.
 */
export type ListPolicy = 'open' | 'closed' | 'protected';

/** A code list: its id, its names, its policy and the shape of its codes. */
export interface CodeListDef {
  id: string;
  name: string;
  nameFr: string;
  policy: ListPolicy;
  /** Longest code the list's column holds (openIMIS column width). */
  codeMax: number;
  /** Codes are small integers (openIMIS smallint keys). */
  numeric?: boolean;
  /** Entries carry `requiresNumber` (confirmation types). */
  hasRequiresNumber?: boolean;
}

/** Every code list, in the order the admin page shows them (DOMAIN.md §3, §5, §2.4). */
export const CODE_LISTS: readonly CodeListDef[] = [
  { id: 'gender', name: 'Gender', nameFr: 'Sexe', policy: 'protected', codeMax: 1 },
  { id: 'maritalStatus', name: 'Marital status', nameFr: 'État civil', policy: 'closed', codeMax: 1 },
  { id: 'relationship', name: 'Relationship', nameFr: 'Lien de parenté', policy: 'open', codeMax: 4, numeric: true },
  { id: 'profession', name: 'Profession', nameFr: 'Profession', policy: 'open', codeMax: 4, numeric: true },
  { id: 'education', name: 'Education', nameFr: 'Niveau d’études', policy: 'open', codeMax: 4, numeric: true },
  {
    id: 'identificationType',
    name: 'Identification type',
    nameFr: 'Type de pièce d’identité',
    policy: 'open',
    codeMax: 1,
  },
  { id: 'familyType', name: 'Family type', nameFr: 'Type de famille', policy: 'open', codeMax: 2 },
  {
    id: 'confirmationType',
    name: 'Confirmation type',
    nameFr: 'Type de confirmation',
    policy: 'open',
    codeMax: 3,
    hasRequiresNumber: true,
  },
  { id: 'legalForm', name: 'Legal form', nameFr: 'Forme juridique', policy: 'closed', codeMax: 1 },
  {
    id: 'hfLevel',
    name: 'Health facility level',
    nameFr: 'Niveau de formation sanitaire',
    policy: 'protected',
    codeMax: 1,
  },
  { id: 'hfSubLevel', name: 'Health facility sub-level', nameFr: 'Sous-niveau', policy: 'closed', codeMax: 1 },
  { id: 'careType', name: 'Care type', nameFr: 'Type de soins', policy: 'protected', codeMax: 1 },
  {
    id: 'hfStatus',
    name: 'Health facility status',
    nameFr: 'Statut de la formation sanitaire',
    policy: 'protected',
    codeMax: 2,
  },
  // The location module's configured levels (composition.json → location.config.levels) may differ; these are the
  // openIMIS defaults, named here so forms and reports label them alike.
  { id: 'locationType', name: 'Location type', nameFr: 'Type de localité', policy: 'protected', codeMax: 1 },
  { id: 'payerType', name: 'Payer type', nameFr: 'Type de payeur', policy: 'closed', codeMax: 1 },
  {
    id: 'ceilingInterpretation',
    name: 'Ceiling interpretation',
    nameFr: 'Interprétation des plafonds',
    policy: 'protected',
    codeMax: 1,
  },
  { id: 'insureeStatus', name: 'Insuree status', nameFr: 'Statut de l’assuré', policy: 'protected', codeMax: 2 },
  { id: 'payType', name: 'Payment type', nameFr: 'Mode de paiement', policy: 'protected', codeMax: 1 },
  { id: 'visitType', name: 'Visit type', nameFr: 'Type de visite', policy: 'protected', codeMax: 1 },
  {
    id: 'patientCondition',
    name: 'Patient condition at discharge',
    nameFr: 'État du patient à la sortie',
    policy: 'closed',
    codeMax: 1,
  },
  { id: 'itemType', name: 'Medical item type', nameFr: 'Type de produit médical', policy: 'protected', codeMax: 1 },
  { id: 'serviceType', name: 'Medical service type', nameFr: 'Type d’acte médical', policy: 'protected', codeMax: 1 },
  { id: 'serviceCategory', name: 'Service category', nameFr: 'Catégorie d’acte', policy: 'protected', codeMax: 1 },
  { id: 'serviceLevel', name: 'Service level', nameFr: 'Niveau d’acte', policy: 'protected', codeMax: 1 },
  { id: 'packageType', name: 'Package type', nameFr: 'Type de forfait', policy: 'protected', codeMax: 1 },
  { id: 'language', name: 'Language', nameFr: 'Langue', policy: 'protected', codeMax: 5 },
];

const byId = new Map(CODE_LISTS.map((l) => [l.id, l]));

/** The definition of a list, or undefined when no list has this id. */
export const listDef = (id: string): CodeListDef | undefined => byId.get(id);

/** Longest name of an entry (openIMIS lookup names are varchar(50)). */
export const NAME_MAX = 50;
/** Highest sort order. */
export const SORT_MAX = 9999;
