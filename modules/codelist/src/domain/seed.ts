/** A built-in entry: code, English name (DOMAIN.md §3), French name (GLOSSARY.md, openIMIS French). */
export type SeedEntry = readonly [code: string, name: string, nameFr: string, requiresNumber?: boolean];

/**
 * The entries every deployment starts with, in display order (sort order = position + 1). Seeded on every start:
 * missing codes are inserted, existing ones (perhaps renamed by an administrator) are left alone.
 */
export const SEED: Readonly<Record<string, readonly SeedEntry[]>> = {
  gender: [
    ['M', 'Male', 'Masculin'],
    ['F', 'Female', 'Féminin'],
    ['O', 'Other', 'Autre'],
  ],
  maritalStatus: [
    ['N', 'Not specified', 'Non précisé'],
    ['M', 'Married', 'Marié(e)'],
    ['S', 'Single', 'Célibataire'],
    ['D', 'Divorced', 'Divorcé(e)'],
    ['W', 'Widowed', 'Veuf/Veuve'],
  ],
  relationship: [
    ['1', 'Brother/Sister', 'Frère/Sœur'],
    ['2', 'Father/Mother', 'Père/Mère'],
    ['3', 'Uncle/Aunt', 'Oncle/Tante'],
    ['4', 'Son/Daughter', 'Fils/Fille'],
    ['5', 'Grand parents', 'Grands-parents'],
    ['6', 'Employee', 'Employé(e)'],
    ['7', 'Others', 'Autre'],
    ['8', 'Spouse', 'Conjoint(e)'],
  ],
  profession: [
    ['1', 'Housewife', 'Femme au foyer'],
    ['2', 'Employee', 'Employé(e)'],
    ['3', 'Self Employee', 'Travailleur indépendant'],
    ['4', 'Others', 'Autre'],
  ],
  education: [
    ['1', 'Nursery', 'Maternelle'],
    ['2', 'Primary school', 'École primaire'],
    ['3', 'Secondary school', 'École secondaire'],
    ['4', 'University', 'Université'],
    ['5', 'Postgraduate studies', 'Études de troisième cycle'],
    ['6', 'PHD', 'Doctorat'],
    ['7', 'Other', 'Autre'],
  ],
  identificationType: [
    ['D', "Driver's License", 'Permis de conduire'],
    ['N', 'National ID', 'Carte nationale d’identité'],
    ['P', 'Passport', 'Passeport'],
    ['V', 'Voter Card', 'Carte d’électeur'],
  ],
  familyType: [
    ['C', 'Council', 'Conseil'],
    ['G', 'Organization', 'Organisation'],
    ['H', 'Household', 'Ménage'],
    ['O', 'Other', 'Autre'],
    ['P', 'Priests', 'Religieux'],
    ['S', 'Students', 'Étudiants'],
    ['T', 'Teachers', 'Enseignants'],
  ],
  // An official confirmation (council, municipality, state) carries a reference number; "Other" does not.
  confirmationType: [
    ['A', 'Local council', 'Conseil local', true],
    ['B', 'Municipality', 'Commune', true],
    ['C', 'State', 'État', true],
    ['D', 'Other', 'Autre', false],
  ],
  legalForm: [
    ['G', 'Government', 'Public'],
    ['D', 'District organization', 'Organisation de district'],
    ['C', 'Charity', 'Organisation caritative'],
    ['P', 'Private organization', 'Organisation privée'],
  ],
  hfLevel: [
    ['D', 'Dispensary', 'Dispensaire'],
    ['C', 'Health Centre', 'Centre de santé'],
    ['H', 'Hospital', 'Hôpital'],
  ],
  hfSubLevel: [
    ['N', 'No sub-level', 'Sans sous-niveau'],
    ['I', 'Integrated', 'Intégré'],
    ['R', 'Reference', 'Référence'],
  ],
  careType: [
    ['O', 'Out-patient', 'Ambulatoire'],
    ['I', 'In-patient', 'Hospitalisation'],
    ['B', 'Both', 'Les deux'],
  ],
  hfStatus: [
    ['AC', 'Active', 'Active'],
    ['IN', 'Inactive', 'Inactive'],
    ['DE', 'Delisted', 'Radiée'],
    ['ID', 'Idle', 'En attente'],
  ],
  locationType: [
    ['R', 'Region', 'Région'],
    ['D', 'District', 'District'],
    ['W', 'Municipality', 'Commune'],
    ['V', 'Village', 'Village'],
  ],
  payerType: [
    ['C', 'Co-operative', 'Coopérative'],
    ['D', 'Donor', 'Donateur'],
    ['G', 'Government', 'Gouvernement'],
    ['L', 'Local Authority', 'Collectivité locale'],
    ['O', 'Other', 'Autre'],
    ['P', 'Private Organization', 'Organisation privée'],
  ],
  ceilingInterpretation: [
    ['I', 'Claim type (in-patient or out-patient)', 'Type de demande (hospitalisation ou ambulatoire)'],
    ['H', 'Health facility type (hospital or not)', 'Type de formation sanitaire (hôpital ou non)'],
  ],
  insureeStatus: [
    ['AC', 'Active', 'Actif'],
    ['IN', 'Inactive', 'Inactif'],
    ['DE', 'Dead', 'Décédé'],
  ],
  payType: [
    ['C', 'Cash', 'Espèces'],
    ['B', 'Bank transfer', 'Virement bancaire'],
    ['M', 'Mobile phone', 'Téléphone mobile'],
    ['F', 'Funding', 'Financement'],
  ],
  // GLOSSARY.md: visit type normal / emergency / referral → normale / urgence / référence ("O" is the normal visit).
  visitType: [
    ['O', 'Other', 'Normale'],
    ['E', 'Emergency', 'Urgence'],
    ['R', 'Referral', 'Référence'],
  ],
  patientCondition: [
    ['H', 'Healed', 'Guéri'],
    ['D', 'Deceased', 'Décédé'],
    ['E', 'Escaped', 'Parti sans autorisation'],
    ['R', 'Referral', 'Référé'],
  ],
  itemType: [
    ['D', 'Drug', 'Médicament'],
    ['M', 'Medical consumable', 'Consommable médical'],
  ],
  serviceType: [
    ['P', 'Preventative', 'Préventif'],
    ['C', 'Curative', 'Curatif'],
  ],
  serviceCategory: [
    ['C', 'Consultation', 'Consultation'],
    ['V', 'Visit', 'Visite'],
    ['A', 'Antenatal', 'Consultation prénatale'],
    ['D', 'Delivery', 'Accouchement'],
    ['S', 'Surgery', 'Chirurgie'],
    ['H', 'Hospitalization', 'Hospitalisation'],
    ['O', 'Other', 'Autre'],
  ],
  serviceLevel: [
    ['S', 'Simple service', 'Acte simple'],
    ['V', 'Visit', 'Visite'],
    ['D', 'Day of stay', 'Journée d’hospitalisation'],
    ['H', 'Hospital case', 'Forfait hospitalier'],
  ],
  packageType: [
    ['S', 'Simple', 'Simple'],
    ['P', 'Package', 'Forfait'],
    ['F', 'Fixed-price package', 'Forfait à prix fixe'],
  ],
  language: [
    ['en', 'English', 'Anglais'],
    ['fr', 'French', 'Français'],
  ],
};

/** The seed as rows (without ids), sort order from position. */
export function seedRows(): Array<{
  list: string;
  code: string;
  name: string;
  nameFr: string;
  sortOrder: number;
  requiresNumber: boolean;
}> {
  return Object.entries(SEED).flatMap(([list, entries]) =>
    entries.map(([code, name, nameFr, requiresNumber], i) => ({
      list,
      code,
      name,
      nameFr,
      sortOrder: i + 1,
      requiresNumber: requiresNumber ?? false,
    })),
  );
}
