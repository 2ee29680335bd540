import { dateWindowProblem, dateWindowVariables, type DateWindowForm, type DateWindowVariables } from './dateWindow';

export type TransferKind = 'deposit' | 'withdrawal';

export type TransferFilterForm = DateWindowForm & { kind: TransferKind | null; asset: string };

export type TransferFilterVariables = DateWindowVariables & { kind: TransferKind | null; asset: string | null };

export const NO_TRANSFER_FILTER: TransferFilterForm = { kind: null, asset: '', fromDate: '', toDate: '' };

/** The form as the server's filter arguments; an empty field is no filter. */
export function transferFilterVariables(form: TransferFilterForm): TransferFilterVariables {
  const asset = form.asset.trim().toUpperCase();
  return { kind: form.kind, asset: asset === '' ? null : asset, ...dateWindowVariables(form) };
}

/** What is wrong with the form before it is sent: a reversed range, or an asset code no venue uses. */
export function transferFilterProblem(form: TransferFilterForm): string | null {
  if (form.asset.trim().length > 32) return 'An asset code is at most 32 characters.';
  return dateWindowProblem(form);
}
