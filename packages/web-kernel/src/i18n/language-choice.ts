import { gql } from '../api/http';
import { ME_FIELDS, type Me } from '../auth/me';
import { isLanguage, type Language } from './create-i18n';

const PICKED = 'mutua.language.picked';
const CHANGE_LANGUAGE = `mutation ChangeMyLanguage($input: ChangeMyLanguageInput!) {
  changeMyLanguage(input: $input) { me { ${ME_FIELDS} } }
}`;

/** Stores the signed-in user's language on the server and returns the updated user. */
export async function storeLanguage(lng: Language): Promise<Me> {
  const res = await gql<{ changeMyLanguage: { me: Me } }>(CHANGE_LANGUAGE, { input: { language: lng } });
  return res.changeMyLanguage.me;
}

/** A language picked on the login page wins over the stored one at the next sign-in (and is then stored). */
export function rememberPickedLanguage(lng: Language): void {
  try {
    sessionStorage.setItem(PICKED, lng);
  } catch {
    // storage unavailable (private mode): the stored language applies
  }
}

export function takePickedLanguage(): Language | null {
  try {
    const v = sessionStorage.getItem(PICKED);
    sessionStorage.removeItem(PICKED);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}
