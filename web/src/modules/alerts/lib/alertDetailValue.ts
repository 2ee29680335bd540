import { formatDateTime } from '@/ui/lib/formatDateTime';

// An alert's details are the raiser's facts as strings; a time among them is an ISO timestamp.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A detail as the drawer shows it: a timestamp in the reader's own time zone, anything else as given. */
export function alertDetailValue(value: string): string {
  return ISO_TIMESTAMP.test(value) ? formatDateTime(value) : value;
}
