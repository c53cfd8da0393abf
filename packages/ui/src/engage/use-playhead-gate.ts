// Chat in step with the picture: an event committed at server time `at` is due once the
// player's playhead (the program date time of the frame on screen) has reached `at`. While
// something is held back (`holding`) the page looks again four times a second. With sync off,
// or a stream that carries no program date time, everything is due at once.
import { useEffect, useState } from 'react';
import { useEngage } from './engage-context.ts';

const LOOK_AGAIN_MS = 250;

export function usePlayheadGate(holding: boolean) {
  const { clock, syncWithVideo } = useEngage();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!holding || !syncWithVideo) return;
    const timer = setInterval(() => setTick((n) => n + 1), LOOK_AGAIN_MS);
    return () => clearInterval(timer);
  }, [holding, syncWithVideo]);
  const playhead = syncWithVideo ? clock() : null;
  return (at: string) => playhead === null || Date.parse(at) <= playhead;
}
