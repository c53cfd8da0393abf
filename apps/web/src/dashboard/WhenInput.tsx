// A date and time field for an ISO time: the browser's own local date-time picker (keyboard
// friendly everywhere), converted to and from the contract's UTC.
import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { fromLocalInput, toLocalInput } from './local-time.ts';

export function WhenInput(props: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  error?: ReactNode;
  description?: string;
}) {
  return (
    <TextInput
      type="datetime-local"
      label={props.label}
      description={props.description}
      required
      value={toLocalInput(props.value)}
      onChange={(event) => props.onChange(fromLocalInput(event.currentTarget.value))}
      // An empty field fails the ISO check; say what is missing instead.
      error={props.error && !props.value ? 'Pick a date and time' : props.error}
    />
  );
}
