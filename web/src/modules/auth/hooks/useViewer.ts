import { useContext } from 'react';
import type { ViewerFieldsFragment } from '@/generated/graphql';
import { ViewerContext } from './ViewerContext';

/** The signed-in person; only usable below AppLayout, which loads it. */
export function useViewer(): ViewerFieldsFragment {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer() is used outside the signed-in layout.');
  return viewer;
}
