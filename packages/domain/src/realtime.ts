// Realtime contract: channels, durable events, server → client messages, client → server
// actions, and the Socket.IO event maps built from them.
export * from './realtime/channels.ts';
export * from './realtime/events.ts';
export * from './realtime/messages.ts';
export * from './realtime/actions.ts';
export * from './realtime/playback-report.ts';
export * from './realtime/rtc-signal.ts';
export * from './realtime/protocol.ts';
