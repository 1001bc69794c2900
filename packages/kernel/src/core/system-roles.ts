/** The openIMIS system roles and the legacy right codes each holds (DOMAIN.md §2.2–§2.3, base data). */
export interface SystemRole {
  name: string;
  nameFr: string;
  isSystem: number;
  codes: readonly number[];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** is_system bit of the IMIS Administrator: holders pass every right check. */
export const ADMIN_ROLE_BIT = 64;

export const SYSTEM_ROLES: readonly SystemRole[] = [
  {
    name: 'Enrolment Officer',
    nameFr: "Agent d'enrôlement",
    isSystem: 1,
    codes: [
      ...range(101001, 101004),
      ...range(101101, 101105),
      ...range(101201, 101205),
      ...range(101301, 101304),
      111001,
      111009,
      131200,
      131201,
    ],
  },
  { name: 'Manager', nameFr: 'Gestionnaire', isSystem: 2, codes: [101105, 131201, 131202, 131203, 131208] },
  {
    name: 'Accountant',
    nameFr: 'Comptable',
    isSystem: 4,
    codes: [
      101001,
      101101,
      101105,
      101201,
      101301,
      ...range(101401, 101404),
      ...range(111101, 111103),
      ...range(131204, 131206),
      ...range(131210, 131222),
      131401,
    ],
  },
  {
    name: 'Clerk',
    nameFr: 'Employé de bureau',
    isSystem: 8,
    codes: [...range(101001, 101004), ...range(101101, 101105), ...range(101201, 101205), ...range(101301, 101304)],
  },
  {
    name: 'Medical Officer',
    nameFr: 'Médecin-conseil',
    isSystem: 16,
    codes: [111001, 111008, 111009, 111010, 111011, 131223],
  },
  {
    name: 'Scheme Administrator',
    nameFr: 'Administrateur du régime',
    isSystem: 32,
    codes: [
      101105,
      ...range(121001, 121005),
      ...range(121101, 121104),
      ...range(121201, 121205),
      ...range(121301, 121305),
      ...range(121401, 121404),
      ...range(121501, 121504),
      ...range(121601, 121604),
      ...range(121801, 121804),
      ...range(122101, 122104),
      ...range(131001, 131004),
      ...range(131101, 131107),
      131209,
    ],
  },
  {
    name: 'IMIS Administrator',
    nameFr: 'Administrateur IMIS',
    isSystem: ADMIN_ROLE_BIT,
    codes: [
      101105,
      ...range(121701, 121704),
      ...range(121901, 121906),
      ...range(122000, 122005),
      131005,
      131006,
      131207,
      ...range(131301, 131304),
    ],
  },
  { name: 'Receptionist', nameFr: 'Réceptionniste', isSystem: 128, codes: [101001, 101101, 101105, 101201] },
  {
    name: 'Claim Administrator',
    nameFr: 'Gestionnaire des demandes',
    isSystem: 256,
    codes: [101001, 101101, 101105, 101201, 111001, 111002, 111004, 111005, 111006, 111007, 111012],
  },
  { name: 'Claim Contributor', nameFr: 'Contributeur aux demandes', isSystem: 512, codes: [111001, 111002, 111005] },
  {
    name: 'HF Administrator',
    nameFr: 'Administrateur de FOSA',
    isSystem: 524288,
    codes: [...range(121701, 121704), 131101, 131103, ...range(131301, 131304)],
  },
  {
    name: 'Offline Administrator',
    nameFr: 'Administrateur hors ligne',
    isSystem: 1048576,
    codes: [...range(121701, 121704), 131101, 131103, ...range(131301, 131304)],
  },
];
