// The admin dashboard's first page.
import { Title } from '@mantine/core';

export function AdminHome() {
  return <Title order={2}>Admin</Title>;
}
