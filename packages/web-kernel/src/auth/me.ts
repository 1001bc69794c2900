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

/** True when the user holds the right (administrators hold every right). */
export function userHasRight(user: Me | null, right: string | undefined): boolean {
  if (!right) return user !== null;
  if (!user) return false;
  return user.isAdmin || user.rights.includes(right);
}
