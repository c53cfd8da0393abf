// The 16:9 black frame with rounded corners every player draws its video in.
import { AspectRatio } from '@mantine/core';
import type { ReactNode } from 'react';

export const VIDEO_STYLE = {
  display: 'block',
  width: '100%',
  height: '100%',
  objectFit: 'contain',
} as const;

export function VideoFrame({ children }: { children: ReactNode }) {
  return (
    <AspectRatio
      ratio={16 / 9}
      bg="black"
      style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}
    >
      {children}
    </AspectRatio>
  );
}
