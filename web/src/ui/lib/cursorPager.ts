// Forward-only cursors (`first`/`after`) browsed as pages: remember the cursor that opened each page
// so "Previous" can go back without the server supporting `before`.
export type CursorPagerState = { stack: Array<string | null> };

export type CursorPagerAction = { type: 'next'; endCursor: string | null | undefined } | { type: 'previous' } | { type: 'reset' };

export const initialCursorPagerState: CursorPagerState = { stack: [null] };

export function cursorPagerReducer(state: CursorPagerState, action: CursorPagerAction): CursorPagerState {
  switch (action.type) {
    case 'next':
      return action.endCursor ? { stack: [...state.stack, action.endCursor] } : state;
    case 'previous':
      return state.stack.length > 1 ? { stack: state.stack.slice(0, -1) } : state;
    case 'reset':
      return initialCursorPagerState;
  }
}

export function currentCursor(state: CursorPagerState): string | null {
  return state.stack[state.stack.length - 1] ?? null;
}

export function pageNumber(state: CursorPagerState): number {
  return state.stack.length;
}
