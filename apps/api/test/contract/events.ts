// The realtime events a row recorded (the outbox the gateway delivers from).
import { channelForEvent, type RealtimeEventName } from '@vidinfra/domain';
import type { TestApp } from '../harness.ts';

/** Payloads of `event` recorded on its channel for `id` (a session id, or a user id). */
export async function recordedEvents(api: TestApp, event: RealtimeEventName, id: string) {
  const rows = await api.db.repos.outbox.since(channelForEvent(event, id), 0, 10_000);
  return rows.filter((row) => row.event === event).map((row) => row.payload);
}

/** How many events the session's channel holds: a refused call adds none. */
export async function sessionChannelSize(api: TestApp, sessionId: string) {
  const rows = await api.db.repos.outbox.since(channelForEvent('host.video', sessionId), 0, 10_000);
  return rows.length;
}
