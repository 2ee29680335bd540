import { describe, expect, it } from 'vitest';
import { NOTIFICATIONS_POSITION } from './notificationsPosition';

describe('NOTIFICATIONS_POSITION', () => {
  it('should stack notifications at the bottom when the header holds the user menu at the top', () => {
    expect(NOTIFICATIONS_POSITION.startsWith('bottom-')).toBe(true);
  });
});
