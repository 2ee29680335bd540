import { describe, expect, it } from 'vitest';
import { currentCursor, cursorPagerReducer, initialCursorPagerState, pageNumber } from './cursorPager';

describe('cursorPagerReducer', () => {
  it('should start on page 1 with no cursor', () => {
    expect(currentCursor(initialCursorPagerState)).toBeNull();
    expect(pageNumber(initialCursorPagerState)).toBe(1);
  });

  it('should move to the end cursor when going next', () => {
    const state = cursorPagerReducer(initialCursorPagerState, { type: 'next', endCursor: 'c1' });
    expect(currentCursor(state)).toBe('c1');
    expect(pageNumber(state)).toBe(2);
  });

  it('should ignore next when the page has no end cursor', () => {
    expect(cursorPagerReducer(initialCursorPagerState, { type: 'next', endCursor: null })).toBe(initialCursorPagerState);
  });

  it('should return to the cursor of the previous page when going back', () => {
    let state = cursorPagerReducer(initialCursorPagerState, { type: 'next', endCursor: 'c1' });
    state = cursorPagerReducer(state, { type: 'next', endCursor: 'c2' });
    state = cursorPagerReducer(state, { type: 'previous' });
    expect(currentCursor(state)).toBe('c1');
  });

  it('should stay on the first page when going back from it', () => {
    expect(cursorPagerReducer(initialCursorPagerState, { type: 'previous' })).toBe(initialCursorPagerState);
  });

  it('should return to page 1 when reset (for example after the filters change)', () => {
    const state = cursorPagerReducer(initialCursorPagerState, { type: 'next', endCursor: 'c1' });
    expect(cursorPagerReducer(state, { type: 'reset' })).toEqual(initialCursorPagerState);
  });
});
