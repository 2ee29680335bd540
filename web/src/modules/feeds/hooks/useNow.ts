import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs`, so countdowns and "… ago" texts keep moving. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
