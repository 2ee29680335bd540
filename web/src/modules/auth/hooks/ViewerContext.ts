import { createContext } from 'react';
import type { ViewerFieldsFragment } from '@/generated/graphql';

export const ViewerContext = createContext<ViewerFieldsFragment | null>(null);
