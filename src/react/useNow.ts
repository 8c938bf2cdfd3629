import { useEffect, useState } from 'react';

/**
 * The current time, re-rendering once a second while `active`: at the moments when the whole
 * seconds left until `deadline` change (so "5s" turns "4s" exactly one second after it appeared).
 */
export function useNow(active: boolean, now: () => number = Date.now, deadline?: number | null): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = now();
      setTime(current);
      const phase = deadline == null ? current : deadline - current;
      timer = setTimeout(tick, ((phase % 1000) + 1000) % 1000 || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [active, now, deadline]);
  return active ? time : now();
}
