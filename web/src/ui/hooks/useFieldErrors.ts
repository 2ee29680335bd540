import { useCallback, useState } from 'react';

export type FieldErrors<K extends string> = Partial<Record<K, string | null>>;

/**
 * What a form says is wrong with each field: shown after a check (submit, or leaving a field) and
 * cleared as soon as that field changes, so a message never argues with what is being typed.
 */
export function useFieldErrors<K extends string>() {
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  /** Shows the given messages; returns true when there are none. */
  const show = useCallback((next: FieldErrors<K>): boolean => {
    setErrors((prev) => ({ ...prev, ...next }));
    return Object.values(next).every((message) => !message);
  }, []);
  const clear = useCallback((field: K) => setErrors((prev) => (prev[field] ? { ...prev, [field]: null } : prev)), []);
  const reset = useCallback(() => setErrors({}), []);
  return { errors, show, clear, reset };
}
