import { describe, expect, it } from 'vitest';
import { invitationExpiry } from './invitationExpiry';

const NOW = Date.parse('2026-12-03T08:00:00Z');
const inHours = (h: number) => new Date(NOW + h * 3600_000).toISOString();

describe('invitationExpiry', () => {
  it('should say 7 days when a link was just issued', () => {
    expect(invitationExpiry(inHours(7 * 24 - 0.01), NOW)).toEqual({
      text: 'Invitation expires in 7 days',
      urgent: false,
      expired: false,
    });
  });

  it('should count in hours when less than two days are left', () => {
    expect(invitationExpiry(inHours(30), NOW).text).toBe('Invitation expires in 30 hours');
    expect(invitationExpiry(inHours(30), NOW).urgent).toBe(false);
    expect(invitationExpiry(inHours(5.2), NOW)).toEqual({ text: 'Invitation expires in 6 hours', urgent: true, expired: false });
    expect(invitationExpiry(inHours(1), NOW).text).toBe('Invitation expires in 1 hour');
  });

  it('should say under an hour when minutes are left', () => {
    expect(invitationExpiry(inHours(0.2), NOW).text).toBe('Invitation expires in under an hour');
  });

  it('should say expired and ask for a re-send when the time has passed', () => {
    expect(invitationExpiry(inHours(0), NOW)).toEqual({ text: 'Invitation expired: re-send it', urgent: true, expired: true });
    expect(invitationExpiry(inHours(-48), NOW).expired).toBe(true);
  });

  it('should ask for a re-send when there is no live link', () => {
    expect(invitationExpiry(null, NOW)).toEqual({ text: 'No live invitation link: re-send it', urgent: true, expired: true });
  });

  it('should not invent a number when the date cannot be read', () => {
    expect(invitationExpiry('not a date', NOW).text).toBe('Invitation expiry unknown');
  });
});
