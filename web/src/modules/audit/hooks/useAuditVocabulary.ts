import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { AuditVocabularyDocument } from '@/generated/graphql';
import { actionOptions } from '../lib/auditFilter';

/**
 * The actions and resource types the filters know, from the server (its registered root fields
 * and modules' actions). Until they arrive, or if they cannot, the fields still take free text.
 */
export function useAuditVocabulary(): { actions: string[]; resourceTypes: string[] } {
  const { data } = useQuery(AuditVocabularyDocument, { fetchPolicy: 'cache-first' });
  return useMemo(
    () => ({
      actions: actionOptions(data?.auditVocabulary.actions ?? []),
      resourceTypes: data?.auditVocabulary.resourceTypes ?? [],
    }),
    [data],
  );
}
