// A queue of the Stage tab (raised hands, join requests): its title (the section's name), the
// text when it is empty, and each person waiting with Approve / Reject.
import { Button, Stack, Text, Title } from '@mantine/core';
import { StagePerson } from './StagePerson.tsx';

/** Someone waiting: the wire's hand raise or join request. */
interface Waiting {
  id: string;
  display_name: string;
}

export function QueueSection<Item extends Waiting>({
  title,
  empty,
  items,
  detail,
  onApprove,
  onReject,
}: {
  title: string;
  empty: string;
  items: Item[];
  /** The line under the name, if any. */
  detail(item: Item): string | undefined;
  onApprove(item: Item): void;
  onReject(item: Item): void;
}) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={4} size="h5">
        {title}
      </Title>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {items.map((item) => (
        <StagePerson key={item.id} name={item.display_name} detail={detail(item)}>
          <Button
            size="compact-sm"
            onClick={() => onApprove(item)}
            aria-label={`Approve ${item.display_name}`}
          >
            Approve
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => onReject(item)}
            aria-label={`Reject ${item.display_name}`}
          >
            Reject
          </Button>
        </StagePerson>
      ))}
    </Stack>
  );
}
