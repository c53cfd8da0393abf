// The studio's side panel: Chat (with moderation), Polls and Stage as tabs, each kept mounted so
// it keeps following the feed while another is shown; the Stage tab counts who is waiting.
import { Badge, Paper, Tabs } from '@mantine/core';
import { IconChartBar, IconMessages, IconUsersGroup } from '@tabler/icons-react';
import { StudioChat } from './StudioChat.tsx';
import { StudioPolls } from './StudioPolls.tsx';
import { StudioStage } from './StudioStage.tsx';
import { useStageQueue } from './use-stage-queue.ts';

export function StudioSidePanel() {
  const stage = useStageQueue();
  const waiting = stage.hands.length + stage.requests.length;
  return (
    <Paper withBorder component="section" aria-label="Chat, polls and stage">
      {/* Hidden tabs keep their effects (display: none, not Activity): they follow the feed. */}
      <Tabs defaultValue="chat" keepMounted keepMountedMode="display-none">
        <Tabs.List grow>
          <Tabs.Tab value="chat" leftSection={<IconMessages size={16} aria-hidden />}>
            Chat
          </Tabs.Tab>
          <Tabs.Tab value="polls" leftSection={<IconChartBar size={16} aria-hidden />}>
            Polls
          </Tabs.Tab>
          <Tabs.Tab
            value="stage"
            leftSection={<IconUsersGroup size={16} aria-hidden />}
            rightSection={
              waiting > 0 ? (
                <Badge size="xs" color="red" circle aria-label={`${waiting} waiting`}>
                  {waiting}
                </Badge>
              ) : null
            }
          >
            Stage
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chat" p="sm">
          <StudioChat />
        </Tabs.Panel>
        <Tabs.Panel value="polls" p="sm">
          <StudioPolls />
        </Tabs.Panel>
        <Tabs.Panel value="stage" p="sm">
          <StudioStage queue={stage} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
