import { type ChangeEvent, useState } from 'react';
import { fieldErrorOnLeave } from '../lib/fieldErrorOnLeave';
import { useFieldErrors } from './useFieldErrors';

/** The fields of F that hold text, the ones a TextInput or PasswordInput edits. */
type TextField<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/**
 * A form's values and what is wrong with them, checked the way the console's forms check: a field's
 * message clears as soon as it changes, leaving a filled field checks it, `validateAll` (on submit)
 * checks every field. `validate` says what is wrong with each field (null: nothing).
 */
export function useValidatedForm<F extends object>(empty: F, validate: (form: F) => Record<keyof F & string, string | null>) {
  type Field = keyof F & string;
  const [form, setForm] = useState<F>(empty);
  const { errors, show, clear, reset: resetErrors } = useFieldErrors<Field>();

  const set = <K extends Field>(field: K, value: F[K]) => {
    setForm((prev) => ({ ...prev, [field]: value }));
    clear(field);
  };
  const check = (field: Field) => {
    const next = fieldErrorOnLeave(form, field, validate);
    if (next) show(next);
  };
  /** Shows what is wrong with every field; true when nothing is. */
  const validateAll = () => show(validate(form));
  const reset = () => {
    setForm(empty);
    resetErrors();
  };
  /** Value, change, leave and error wiring for a text input, spread onto it. */
  const textInputProps = (field: TextField<F>) => ({
    value: form[field] as string,
    // TextField<F> guarantees F[field] is a string; TypeScript cannot follow that through the mapped type.
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(field, event.currentTarget.value as F[typeof field]),
    onBlur: () => check(field),
    error: errors[field],
  });

  return { form, errors, set, validateAll, reset, textInputProps };
}
