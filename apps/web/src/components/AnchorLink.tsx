// Mantine's Anchor as a typed router link (TanStack Router's createLink, as its docs show).
import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

type Props = AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>;

const RoutedAnchor = forwardRef<HTMLAnchorElement, Props>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
RoutedAnchor.displayName = 'RoutedAnchor';

export const AnchorLink = createLink(RoutedAnchor);
