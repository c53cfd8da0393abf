// Mantine's Button as a typed router link (TanStack Router's createLink).
import { Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

type Props = ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement>;

const RoutedButton = forwardRef<HTMLAnchorElement, Props>((props, ref) => (
  <Button ref={ref} component="a" {...props} />
));
RoutedButton.displayName = 'RoutedButton';

export const ButtonLink = createLink(RoutedButton);
