// Recordings under test: a media backend whose recording calls the test controls (and whose
// events it emits), a real MP4 made by ffmpeg, and recordings made straight through the
// repositories in any state.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Recording } from '@vidinfra/db';
import { localMediaBackend, type MediaBackend } from '@vidinfra/services';
import type { TestApp } from './harness.ts';

export type MediaEvent = Parameters<Parameters<MediaBackend['onEvent']>[0]>[0];

type Call = { sessionId?: string; recordingId: string; externalId?: string };

/**
 * The local backend with its recording calls recorded and, on demand, failing; `emit` delivers
 * a media event to every subscriber (each services instance on this backend).
 */
export function controlledMedia(dataDir: string) {
  const listeners = new Set<(event: MediaEvent) => void>();
  const calls = { start: [] as Call[], stop: [] as Call[], retry: [] as Call[] };
  const failing = { start: false, stop: false, retry: false };
  let available = true;
  const base = localMediaBackend({
    publicUrl: 'http://vidinfra.test',
    apiKey: 'devkey',
    apiSecret: 'test-media-secret-test-media-secret',
    dataDir,
  });
  const media: MediaBackend = {
    ...base,
    available: async () => available,
    async startRecording(sessionId, recordingId) {
      calls.start.push({ sessionId, recordingId });
      if (failing.start) throw new Error('egress refused to start');
      return { externalId: `egress-${recordingId}` };
    },
    async stopRecording(sessionId, recordingId, externalId) {
      calls.stop.push({ sessionId, recordingId, externalId });
      if (failing.stop) throw new Error('egress lost');
    },
    async retryRecording(recordingId, externalId) {
      calls.retry.push({ recordingId, externalId });
      if (failing.retry) throw new Error('nothing left to process');
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    media,
    calls,
    failing,
    setAvailable: (value: boolean) => {
      available = value;
    },
    emit: (event: MediaEvent) => {
      for (const listener of listeners) listener(event);
    },
    subscribers: () => listeners.size,
  };
}

/** A 2-second MP4 (ffmpeg's test pattern) at `dir/name`; its path and size. */
export function makeMp4(dir: string, name: string): { path: string; size: number } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=160x120:rate=10'],
      ...['-pix_fmt', 'yuv420p', '-movflags', '+faststart', path],
    ],
    { stdio: 'ignore' },
  );
  return { path, size: statSync(path).size };
}

/** A recording of the session owned by `ownerId`, moved to `status` through the repositories. */
export async function recordingIn(
  api: TestApp,
  sessionId: string,
  ownerId: string,
  status: Recording['status'] = 'recording',
  fields: Partial<Pick<Recording, 'filePath' | 'sizeBytes' | 'durationSeconds' | 'title'>> = {},
): Promise<Recording> {
  const created = await api.db.repos.recordings.create({
    sessionId,
    ownerId,
    title: fields.title ?? 'Recorded talk',
    startedAt: new Date(),
  });
  if (status === 'recording' && !Object.keys(fields).length) return created;
  const stopped = status === 'recording' ? {} : { stoppedAt: new Date() };
  const ready = status === 'ready' ? { readyAt: new Date() } : {};
  return (await api.db.repos.recordings.update(created.id, {
    status,
    ...stopped,
    ...ready,
    ...fields,
  }))!;
}
