// The layout of the published picture, one choice of four; "Screen + camera" needs a shared screen.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { LAYOUT_LABELS, LAYOUTS, type Layout } from '../compositor/layout.ts';

export function LayoutPicker({
  value,
  onChange,
  sharing,
}: {
  value: Layout;
  onChange(layout: Layout): void;
  sharing: boolean;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="studio-layout-label">
        Layout
      </Text>
      <SegmentedControl
        aria-labelledby="studio-layout-label"
        fullWidth
        size="xs"
        value={value}
        onChange={(next) => onChange(next as Layout)}
        data={LAYOUTS.map((layout) => ({
          value: layout,
          label: LAYOUT_LABELS[layout],
          disabled: layout === 'screen-pip' && !sharing,
        }))}
        styles={{ label: { whiteSpace: 'normal', lineHeight: 1.2 } }}
      />
    </Stack>
  );
}
