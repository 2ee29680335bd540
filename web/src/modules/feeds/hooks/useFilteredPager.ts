import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useCursorPager } from '@/ui/hooks/useCursorPager';

/**
 * A server-paged list's filter form and pager: the form as typed, the filter the server is asked
 * for (300 ms after typing stops), what is wrong with it (then nothing is asked), and a pager that
 * goes back to page 1 whenever the filter changes.
 */
export function useFilteredPager<F, V>(empty: F, variablesOf: (form: F) => V, problemOf: (form: F) => string | null) {
  const [form, setForm] = useState<F>(empty);
  const [debounced] = useDebouncedValue(form, 300);
  const problem = problemOf(debounced);
  const variables = variablesOf(debounced);
  const pager = useCursorPager();
  const { reset } = pager;
  const key = JSON.stringify(variables);
  useEffect(() => reset(), [key, reset]);
  return { form, setForm, problem, variables, pager, filtered: key !== JSON.stringify(variablesOf(empty)) };
}
