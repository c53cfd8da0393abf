import { describe, expect, it } from 'vitest';
import { AT, LATER, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  ActiveRecordingResponse,
  RecordingDownloadResponse,
  RecordingFileQuery,
  RecordingListResponse,
  RecordingResponse,
  UpdateRecordingRequest,
} from './recordings.ts';

const recording = (overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  session_id: uuid(),
  owner_id: uuid(),
  title: 'Launch webinar',
  status: 'ready',
  visibility: 'private',
  default_playback: true,
  size_bytes: 1_500_000_000,
  duration_seconds: 3600,
  mime_type: 'video/mp4',
  started_at: AT,
  stopped_at: AT,
  ready_at: LATER,
  created_at: AT,
  ...overrides,
});

describe('RecordingResponse', () => {
  it.each(['recording', 'processing', 'ready', 'failed'])('accepts status %s', (status) => {
    expect(RecordingResponse.safeParse(recording({ status })).success).toBe(true);
  });

  it('rejects unknown status, visibility and negative sizes', () => {
    rejectsAt(RecordingResponse, recording({ status: 'queued' }), ['status']);
    rejectsAt(RecordingResponse, recording({ visibility: 'unlisted' }), ['visibility']);
    rejectsAt(RecordingResponse, recording({ size_bytes: -1 }), ['size_bytes']);
  });

  it('leaves size and duration out until known', () => {
    const active = recording({
      status: 'recording',
      size_bytes: undefined,
      duration_seconds: undefined,
      stopped_at: undefined,
      ready_at: undefined,
    });
    expect(parses(RecordingResponse, active).size_bytes).toBeUndefined();
  });

  it('lists in pages and answers the active one or null', () => {
    const page = { items: [recording()], total: 1, page: 1, limit: 20 };
    expect(RecordingListResponse.safeParse(page).success).toBe(true);
    expect(parses(ActiveRecordingResponse, { recording: null })).toEqual({ recording: null });
  });
});

describe('recording requests', () => {
  it('update title, visibility and default playback', () => {
    expect(parses(UpdateRecordingRequest, { title: ' Final ', default_playback: true })).toEqual({
      title: 'Final',
      default_playback: true,
    });
    rejectsAt(UpdateRecordingRequest, { visibility: 'hidden' }, ['visibility']);
    rejectsAt(UpdateRecordingRequest, { status: 'ready' }, []);
  });

  it('download through a signed URL with expiry, served with ?token=', () => {
    const body = { url: 'https://x.example.com/api/recordings/1/file?token=abc', expires_in: 300 };
    expect(parses(RecordingDownloadResponse, body)).toEqual(body);
    expect(parses(RecordingFileQuery, { token: 'abc' })).toEqual({ token: 'abc' });
    rejectsAt(RecordingFileQuery, {}, ['token']);
  });
});
