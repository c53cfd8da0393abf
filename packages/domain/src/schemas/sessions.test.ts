import { describe, expect, it } from 'vitest';
import { AT, LATER, parses, rejectsAt, sessionFixture, uuid } from '../testing/fixtures.ts';
import {
  CreateSessionRequest,
  CreateSessionResponse,
  DashboardStatsResponse,
  JoinSessionResponse,
  RescheduleSessionRequest,
  SessionListQuery,
  SessionListResponse,
  SessionResponse,
  ShareURLResponse,
  StartSessionResponse,
  StreamHealthResponse,
  StudioURLResponse,
} from './sessions.ts';

describe('CreateSessionRequest', () => {
  it('takes title, description, scheduled_at, preset and setting overrides', () => {
    const input = {
      title: ' Launch ',
      description: 'All about v2',
      scheduled_at: LATER,
      preset_id: uuid(),
      settings: { max_stage_size: 4 },
    };
    expect(parses(CreateSessionRequest, input)).toEqual({ ...input, title: 'Launch' });
  });

  it('rejects bad times, ids, settings and unknown keys', () => {
    const base = { title: 'Launch', scheduled_at: LATER };
    rejectsAt(CreateSessionRequest, { ...base, scheduled_at: '2025-01-31 18:00' }, [
      'scheduled_at',
    ]);
    rejectsAt(CreateSessionRequest, { ...base, preset_id: 'default' }, ['preset_id']);
    rejectsAt(CreateSessionRequest, { ...base, settings: { max_stage_size: 99 } }, [
      'settings',
      'max_stage_size',
    ]);
    rejectsAt(CreateSessionRequest, { ...base, status: 'live' }, []);
    rejectsAt(CreateSessionRequest, { scheduled_at: LATER }, ['title']);
  });

  it('reschedules to a new UTC time', () => {
    expect(parses(RescheduleSessionRequest, { scheduled_at: AT })).toEqual({ scheduled_at: AT });
    rejectsAt(RescheduleSessionRequest, {}, ['scheduled_at']);
  });
});

describe('SessionResponse', () => {
  it('parses a session and its optional lifecycle times', () => {
    const session = sessionFixture({
      status: 'ended',
      started_at: AT,
      live_at: AT,
      ended_at: LATER,
    });
    expect(parses(SessionResponse, session)).toEqual(session);
    expect(CreateSessionResponse.safeParse(session).success).toBe(true);
  });

  it('knows the four statuses only', () => {
    for (const status of ['scheduled', 'backstage', 'live', 'ended']) {
      expect(SessionResponse.safeParse(sessionFixture({ status })).success).toBe(true);
    }
    rejectsAt(SessionResponse, sessionFixture({ status: 'paused' }), ['status']);
  });

  it('requires resolved settings', () => {
    rejectsAt(SessionResponse, sessionFixture({ settings: { chat_enabled: true } }), [
      'settings',
      'max_stage_size',
    ]);
  });

  it('lists sessions in pages filtered by status and time', () => {
    const page = { items: [sessionFixture()], total: 1, page: 1, limit: 20 };
    expect(SessionListResponse.safeParse(page).success).toBe(true);
    expect(parses(SessionListQuery, { status: 'live', from: AT, limit: '5' })).toEqual({
      status: 'live',
      from: AT,
      page: 1,
      limit: 5,
    });
    rejectsAt(SessionListQuery, { status: 'over' }, ['status']);
  });
});

describe('operation responses', () => {
  it('StudioURLResponse is {url, expires_in}', () => {
    const body = {
      url: `https://viewer.example.com/sessions/${uuid()}/live?code=${uuid()}`,
      expires_in: 60,
    };
    expect(parses(StudioURLResponse, body)).toEqual(body);
    rejectsAt(StudioURLResponse, { ...body, url: 'not a url' }, ['url']);
  });

  it('JoinSessionResponse is {token, ws_url, room, role, hls_url, playback_id, expires_at, media_backend}', () => {
    const body = {
      token: 'lk.jwt',
      ws_url: 'wss://livekit.example.com',
      room: `session-${uuid()}`,
      role: 'viewer',
      hls_url: 'https://cdn.example.com/hls/x/index.m3u8',
      playback_id: 'pb_1',
      expires_at: AT,
      media_backend: 'livekit',
    };
    expect(parses(JoinSessionResponse, body)).toEqual(body);
    rejectsAt(JoinSessionResponse, { ...body, media_backend: 'rtmp' }, ['media_backend']);
    rejectsAt(JoinSessionResponse, { ...body, role: 'guest' }, ['role']);
    rejectsAt(JoinSessionResponse, { ...body, token: undefined }, ['token']);
    rejectsAt(JoinSessionResponse, { ...body, expires_at: null }, ['expires_at']);
  });

  it('ShareURLResponse is {viewer_url, embed_html, hls_url}', () => {
    const body = {
      viewer_url: 'https://viewer.example.com/sessions/1',
      embed_html: '<iframe src="https://viewer.example.com/embed/1"></iframe>',
      hls_url: 'https://viewer.example.com/hls/1/index.m3u8',
    };
    expect(parses(ShareURLResponse, body)).toEqual(body);
  });

  it('StartSessionResponse wraps the session after the transition', () => {
    const body = { session: sessionFixture({ status: 'backstage' }), media_room: 'room-1' };
    expect(parses(StartSessionResponse, body)).toEqual(body);
  });

  it('DashboardStatsResponse counts every status', () => {
    const stats = {
      rooms: 2,
      sessions_total: 6,
      sessions_by_status: { scheduled: 3, backstage: 0, live: 1, ended: 2 },
      live_viewers: 40,
      upcoming_sessions: [sessionFixture()],
      recordings: 2,
      total_watch_seconds: 7200,
    };
    expect(parses(DashboardStatsResponse, stats)).toEqual(stats);
    rejectsAt(
      DashboardStatsResponse,
      { ...stats, sessions_by_status: { scheduled: 3, live: 1, ended: 2 } },
      ['sessions_by_status', 'backstage'],
    );
  });

  it('StreamHealthResponse reports the output', () => {
    const health = {
      session_id: uuid(),
      status: 'live',
      output: 'running',
      bitrate_kbps: 2500,
      fps: 30,
      segment_age_seconds: 1.2,
      viewers: 12,
      reporting_players: 3,
      viewer_latency_p50_ms: 4100,
      viewer_latency_p95_ms: 6900,
      rebuffer_ratio: 0.02,
      checked_at: AT,
    };
    expect(parses(StreamHealthResponse, health)).toEqual(health);
    rejectsAt(StreamHealthResponse, { ...health, output: 'exploded' }, ['output']);
    rejectsAt(StreamHealthResponse, { ...health, rebuffer_ratio: 1.5 }, ['rebuffer_ratio']);
    const unreported = {
      ...health,
      reporting_players: 0,
      viewer_latency_p50_ms: null,
      viewer_latency_p95_ms: null,
      rebuffer_ratio: null,
    };
    expect(parses(StreamHealthResponse, unreported)).toEqual(unreported);
  });
});
