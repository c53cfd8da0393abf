// @vidinfra/ui: the React components the web app and the studio share, on one design system
// (Mantine): its theme, the player, the loading / empty / error states, badges and times.
export { Countdown } from './Countdown.tsx';
export { EmptyState } from './EmptyState.tsx';
export { ErrorAlert, Loading, messageOf } from './QueryStates.tsx';
export { Pages } from './Pages.tsx';
export { StatusBadge } from './StatusBadge.tsx';
export { theme } from './theme.ts';
export { formatCountdown, formatDateTime } from './when.ts';
export { LivePlayer } from './player/LivePlayer.tsx';
export { RecordingPlayer } from './player/RecordingPlayer.tsx';
export { liveHlsConfig } from './player/live-hls-config.ts';
export { FormError } from './FormError.tsx';
export { showServerErrors, useFormAction, useSchemaForm } from './forms.ts';
export type { LivePlayerProps, PlayheadClock } from './player/LivePlayer.tsx';
export { ChatList, type ChatListMessage, type ChatListProps } from './chat/ChatList.tsx';
export { StaffBadge } from './chat/StaffBadge.tsx';
export { PollCard, type PollCardProps } from './polls/PollCard.tsx';
export type { PlaybackProbe } from './player/LivePlayer.tsx';
export { formatPercent, viewerHealthStats } from './viewer-health.ts';
export { ApiContext, useApi, useApiServices, type ApiServices } from './engage/api-context.ts';
export { ChatComposer } from './engage/ChatComposer.tsx';
export {
  EngageContext,
  useEngage,
  useFeedEvents,
  type Engage,
  type FeedListener,
} from './engage/engage-context.ts';
export { useChatMessages } from './engage/use-chat-messages.ts';
export { usePlayheadGate } from './engage/use-playhead-gate.ts';
export { usePolls } from './engage/use-polls.ts';
export { useRealtimeFeed } from './engage/use-realtime-feed.ts';
export {
  RealtimeConnectionProvider,
  useRealtimeConnection,
} from './engage/realtime-connection-context.tsx';
