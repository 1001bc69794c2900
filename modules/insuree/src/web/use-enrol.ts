import { GqlError } from '@mutua/web-kernel';
import { useState } from 'react';
import { type Duplicate, findDuplicates, type InsureeDraft } from './api';

/**
 * The enrolment save flow shared by the family and member forms: look for likely duplicates first; when there are
 * some, show them and save only after an explicit confirmation (`confirmDuplicates`).
 */
export function useEnrol(save: (confirmDuplicates: boolean) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);

  async function run(confirm: boolean) {
    setBusy(true);
    setError(null);
    try {
      await save(confirm);
      setDuplicates([]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return {
    busy,
    error,
    duplicates,
    /** Checks for duplicates, then saves (or asks). */
    async submit(draft: InsureeDraft, villageId: string | null) {
      setError(null);
      let found: Duplicate[] = [];
      try {
        if (draft.lastName.trim() && draft.dob) found = await findDuplicates(draft, villageId);
      } catch (e) {
        if (!(e instanceof GqlError)) throw e;
      }
      if (found.length) setDuplicates(found);
      else await run(false);
    },
    confirm: () => run(true),
    cancel: () => setDuplicates([]),
  };
}
