import { durationText } from './relativeTime';

const DAY = 24 * 60 * 60 * 1000;

export type KeyExpiry = {
  text: string;
  /** Red once expired, orange inside two weeks (time to make a new key), gray otherwise. */
  color: 'red' | 'orange' | 'gray';
};

/**
 * The countdown for a key the venue says will expire (Bybit keys, Binance's trading authority), or
 * null when the venue reported no expiry: "no expiry" is not something Vigil knows.
 */
export function keyExpiry(keyExpiresAt: string | null, now: number): KeyExpiry | null {
  if (keyExpiresAt === null) return null;
  const left = Date.parse(keyExpiresAt) - now;
  if (Number.isNaN(left)) return null;
  if (left <= 0) return { text: `Key expired ${durationText(left)} ago`, color: 'red' };
  return { text: `Key expires in ${durationText(left)}`, color: left < 14 * DAY ? 'orange' : 'gray' };
}
