const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type InvitationExpiry = {
  text: string;
  /** Expired, or less than a day left: worth a re-send before the employee tries it. */
  urgent: boolean;
  expired: boolean;
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * "Invitation expires in 6 days" for an invited employee's live link. Under two days it counts in
 * hours, so "1 day" never hides that the link dies tonight.
 */
export function invitationExpiry(expiresAt: string | null, now: number): InvitationExpiry {
  if (expiresAt === null) return { text: 'No live invitation link: re-send it', urgent: true, expired: true };
  const left = Date.parse(expiresAt) - now;
  if (Number.isNaN(left)) return { text: 'Invitation expiry unknown', urgent: true, expired: false };
  if (left <= 0) return { text: 'Invitation expired: re-send it', urgent: true, expired: true };
  if (left < HOUR) return { text: 'Invitation expires in under an hour', urgent: true, expired: false };
  if (left < 2 * DAY)
    return { text: `Invitation expires in ${plural(Math.ceil(left / HOUR), 'hour')}`, urgent: left < DAY, expired: false };
  return { text: `Invitation expires in ${plural(Math.round(left / DAY), 'day')}`, urgent: false, expired: false };
}
