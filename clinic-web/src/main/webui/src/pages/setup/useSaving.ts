import { useState } from 'react';
import { useClinic } from '../../clinic';

/** A set-up form's saving: the refusal to show, a word that it worked, and fresh reference data afterwards. */
export function useSaving() {
  const clinic = useClinic();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(change: () => Promise<unknown>, message: string): Promise<boolean> {
    setError(null);
    setSaved(null);
    try {
      await change();
      setSaved(message);
      await clinic.reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }

  return { error, saved, save };
}
