// @vidinfra/ui: the React components the web app and the studio share, on one design system
// (Mantine): its theme, the player, the loading / empty / error states, badges and times.
export { Countdown } from './Countdown.tsx';
export { EmptyState } from './EmptyState.tsx';
export { ErrorAlert, Loading, messageOf } from './QueryStates.tsx';
export { StatusBadge } from './StatusBadge.tsx';
export { theme } from './theme.ts';
export { formatCountdown, formatDateTime } from './when.ts';
export { LivePlayer } from './player/LivePlayer.tsx';
export { RecordingPlayer } from './player/RecordingPlayer.tsx';
export { liveHlsConfig } from './player/live-hls-config.ts';
export { showServerErrors, useSchemaForm } from './forms.ts';
