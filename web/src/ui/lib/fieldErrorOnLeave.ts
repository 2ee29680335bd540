/**
 * What to show when a field is left: its own message when it holds something, nothing when it is
 * empty, so a person tabbing through a fresh form is not scolded before they have typed.
 * Null means "show nothing new" (an empty field waits for submit).
 */
export function fieldErrorOnLeave<F, K extends keyof F & string>(
  form: F,
  field: K,
  validate: (form: F) => Record<K, string | null>,
): Partial<Record<K, string | null>> | null {
  if (!form[field]) return null;
  return { [field]: validate(form)[field] } as Partial<Record<K, string | null>>;
}
