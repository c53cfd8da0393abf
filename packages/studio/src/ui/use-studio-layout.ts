// The studio's layout: chosen by the host; sharing a screen switches to screen + camera, and the
// share ending (the host's button or the browser's) returns to the layout from before.
import { useEffect, useRef, useState } from 'react';
import type { Layout } from '../compositor/layout.ts';

export function useStudioLayout(sharing: boolean, initial: Layout = 'solo') {
  const [layout, setLayout] = useState<Layout>(initial);
  const before = useRef<Layout | null>(null);

  useEffect(() => {
    if (sharing) {
      before.current = layout;
      setLayout('screen-pip');
    } else if (before.current) {
      setLayout(before.current);
      before.current = null;
    }
    // only when sharing starts or ends
  }, [sharing]);

  return [layout, setLayout] as const;
}
