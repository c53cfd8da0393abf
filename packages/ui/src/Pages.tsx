// Page numbers under a paged list, each control named for a screen reader ("Page 2",
// "next page"); nothing when everything fits on one page.
import { Pagination } from '@mantine/core';

export function Pages(props: { total: number; value: number; onChange: (page: number) => void }) {
  if (props.total <= 1) return null;
  return (
    <Pagination
      total={props.total}
      value={props.value}
      onChange={props.onChange}
      getControlProps={(control) => ({ 'aria-label': `${control} page` })}
      getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
    />
  );
}
