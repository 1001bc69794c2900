/** The logged-in user, as returned by `/api/auth/me`, login and the `me` query. */
export interface Me {
  id: string;
  username: string;
  lastName: string;
  otherNames: string;
  email: string | null;
  language: 'en' | 'fr';
  rights: string[];
  isAdmin: boolean;
  districtIds: string[] | null;
  healthFacilityId: string | null;
  mustChangePassword: boolean;
}

/** GraphQL selection of the Me fields. */
export const ME_FIELDS =
  'id username lastName otherNames email language rights isAdmin districtIds healthFacilityId mustChangePassword';

/**
 * What a menu item, route or check asks for: one right, or a list of which the user needs any one
 * (`['location.import', 'location.hf.import']`). An empty list lets only administrators through.
 */
export type RightRequirement = string | readonly string[];

/** True when the user holds the right, or one of the listed rights (administrators hold every right). */
export function userHasRight(user: Me | null, right: RightRequirement | undefined): boolean {
  if (!right) return user !== null;
  if (!user) return false;
  if (user.isAdmin) return true;
  return typeof right === 'string' ? user.rights.includes(right) : right.some((r) => user.rights.includes(r));
}
