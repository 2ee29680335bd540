import { useCallback, useReducer } from 'react';
import { currentCursor, cursorPagerReducer, initialCursorPagerState, pageNumber } from '../lib/cursorPager';

export type CursorPager = ReturnType<typeof useCursorPager>;

export function useCursorPager() {
  const [state, dispatch] = useReducer(cursorPagerReducer, initialCursorPagerState);
  return {
    after: currentCursor(state),
    page: pageNumber(state),
    next: useCallback((endCursor: string | null | undefined) => dispatch({ type: 'next', endCursor }), []),
    previous: useCallback(() => dispatch({ type: 'previous' }), []),
    reset: useCallback(() => dispatch({ type: 'reset' }), []),
  };
}
