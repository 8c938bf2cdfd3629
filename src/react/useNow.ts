import { useEffect, useState } from 'react';

/** The current time, re-rendering on every whole second while `active` (for countdowns). */
export function useNow(active: boolean, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = now();
      setTime(current);
      // Align to the next whole second so every countdown on screen changes together.
      timer = setTimeout(tick, 1000 - (current % 1000) || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [active, now]);
  return active ? time : now();
}
