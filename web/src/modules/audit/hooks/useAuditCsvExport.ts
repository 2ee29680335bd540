import { useCallback, useState } from 'react';
import { sessionStore } from '@/app/session/sessionStore';
import type { AuditFilter } from '@/generated/graphql';
import { auditExportUrl } from '../lib/auditFilter';

export type ExportResult = { ok: true; filename: string } | { ok: false; message: string };

function filenameFrom(disposition: string | null): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] ?? `vigil-audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv`;
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The CSV export is a plain GET with the Bearer header: fetch it, then hand the blob to the browser. */
export function useAuditCsvExport() {
  const [exporting, setExporting] = useState(false);

  const exportCsv = useCallback(async (filter: AuditFilter): Promise<ExportResult> => {
    const token = sessionStore.token();
    if (!token) {
      sessionStore.clear();
      return { ok: false, message: 'Your session has ended. Sign in again.' };
    }
    setExporting(true);
    try {
      const response = await fetch(auditExportUrl(filter), {
        headers: { authorization: `Bearer ${token}`, accept: 'text/csv' },
      });
      if (response.status === 401) {
        sessionStore.clear();
        return { ok: false, message: 'Your session has ended. Sign in again.' };
      }
      if (response.status === 403) return { ok: false, message: 'Access denied: your role cannot export the audit log.' };
      if (response.status === 429) return { ok: false, message: 'Too many exports. Wait a minute, then try again.' };
      if (!response.ok) return { ok: false, message: `The export failed (HTTP ${response.status}).` };
      const filename = filenameFrom(response.headers.get('content-disposition'));
      saveBlob(await response.blob(), filename);
      return { ok: true, filename };
    } catch {
      return { ok: false, message: 'Vigil could not be reached. Check your connection and try again.' };
    } finally {
      setExporting(false);
    }
  }, []);

  return { exportCsv, exporting };
}
