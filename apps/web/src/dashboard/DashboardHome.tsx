// The host dashboard's first page.
import { Title } from '@mantine/core';

export function DashboardHome() {
  return <Title order={2}>Dashboard</Title>;
}
