// Realtime contract: channels, server → client events, client → server actions.
export * from './realtime/channels.ts';
export * from './realtime/events.ts';
export * from './realtime/actions.ts';
