import { Validator } from '@seriousme/openapi-schema-validator';
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { describe, expect, it } from 'vitest';
import { PLAIN_ROUTE_OPERATIONS } from '../src/webhooks.ts';
import { appRouter } from '@vidinfra/api';
import { dialect, useTestApp } from './harness.ts';

const api = useTestApp();

/** The spec's "Schemas named by the reference". */
const NAMED_SCHEMAS =
  `SuccessResponse, ErrorResponse, LoginRequest, RefreshTokenRequest, LogoutRequest,
ViewerRegisterRequest, DeviceLoginRequest, GenerateAuthCodeRequest, ExchangeAuthCodeRequest,
UserResponse, AuthResponse, ViewerRegisterResponse, GenerateAuthCodeResponse, CreateRoomRequest,
UpdateRoomRequest, RoomAnalytics, RoomResponse, RoomListResponse, CreateSessionRequest,
RescheduleSessionRequest, UpdateSessionSettingsRequest, SessionResponse, CreateSessionResponse,
StartSessionResponse, StudioURLResponse, ShareURLResponse, JoinSessionResponse,
SessionListResponse, DashboardStatsResponse, CreatePresetRequest, UpdatePresetRequest,
PresetResponse, CreatePollRequest, VoteRequest, PollOptionResponse, PollResponse,
PollListResponse, CreateChatMessageRequest, ChatMessageResponse, ChatMessagesResponse,
RaiseHandRequest, HandRaiseResponse, JoinRequestResponse, AddToStageRequest,
StageParticipantResponse, UpdateStagePermissionsRequest, RemoveFromStageRequest,
UpdateRecordingRequest, RecordingResponse, RecordingListResponse, RecordingDownloadResponse,
AttendanceResponse, AttendanceListResponse, AttendanceStatsResponse, ActiveViewerResponse,
ActiveViewersResponse, BanParticipantRequest, BannedParticipantResponse,
BannedParticipantsListResponse, AddParticipantRoleRequest, SessionParticipantResponse,
SessionParticipantsListResponse`.split(/,\s*/);

/** The spec's Auth rows, the ones this part of the API serves. */
const AUTH_OPERATIONS = [
  ['post', '/auth/login', 'Login with email and password'],
  ['post', '/auth/refresh', 'Refresh access token'],
  ['post', '/auth/viewer/register', 'Register a new viewer with device token'],
  ['post', '/auth/device/login', 'Login with device token'],
  ['post', '/auth/code/exchange', 'Exchange auth code for tokens'],
  ['get', '/auth/me', 'Get current authenticated user'],
  ['post', '/auth/logout', 'Logout and invalidate refresh token'],
  ['post', '/auth/code', 'Generate a short-lived auth code'],
  ['post', '/libraries/{library_id}/auth/code', 'Generate a short-lived auth code'],
] as const;

type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  paths: Record<string, Record<string, { summary?: string; description?: string }>>;
  components: { schemas: Record<string, unknown> };
};

const fetchDocument = async () => {
  const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json<OpenApiDocument>();
};

/** Every REST operation the server defines, [method, path, summary]: procedures and plain routes. */
const definedOperations = () => [
  ...Object.values(
    (appRouter as AnyRouter)._def.procedures as Record<string, AnyProcedure>,
  ).flatMap((procedure) => {
    const openapi = (procedure._def.meta as OpenApiMeta | undefined)?.openapi;
    return openapi ? [[openapi.method.toLowerCase(), openapi.path, openapi.summary] as const] : [];
  }),
  ...PLAIN_ROUTE_OPERATIONS,
];

const summaryOf = (document: OpenApiDocument, method: string, path: string) =>
  document.paths[path]?.[method]?.summary;

describe(`API reference (${dialect})`, () => {
  it('serves the reference page with a script from our own origin', async () => {
    const entry = await api.app.inject({ method: 'GET', url: '/api/docs' });
    const pageUrl = new URL(entry.headers.location ?? '/api/docs', 'http://vidinfra.test/api/docs');
    const page = await api.app.inject({ method: 'GET', url: pageUrl.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('/api/openapi.json');

    const sources = [...page.body.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).not.toEqual([]);
    for (const source of sources) {
      const scriptUrl = new URL(source, pageUrl);
      expect(scriptUrl.origin).toBe(pageUrl.origin);
      const script = await api.app.inject({ method: 'GET', url: scriptUrl.pathname });
      expect(script.statusCode).toBe(200);
      expect(script.headers['content-type']).toMatch(/^application\/javascript/);
      expect(script.body).toContain('createApiReference');
    }
  });

  it('serves a valid OpenAPI 3.1 document', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every operation under its summary, and nothing else', async () => {
    const document = await fetchDocument();
    const defined = definedOperations();
    for (const [method, path, summary] of defined)
      expect(summaryOf(document, method, path), `${method} ${path}`).toBe(summary);
    const documented = Object.values(document.paths).flatMap((item) => Object.keys(item));
    expect(documented).toHaveLength(defined.length);
    for (const [method, path, summary] of AUTH_OPERATIONS)
      expect(summaryOf(document, method, path), `${method} ${path}`).toBe(summary);
  });

  it('describes every operation, so the ways into a live session read apart', async () => {
    const document = await fetchDocument();
    const undescribed = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => !operation.description?.trim())
        .map(([method]) => `${method} ${path}`),
    );
    expect(undescribed).toEqual([]);
    const ways = ['start', 'go_live', 'webcam_hls'].map(
      (action) => document.paths[`/sessions/{id}/${action}`]?.post?.description,
    );
    expect(ways.every(Boolean)).toBe(true);
    expect(new Set(ways).size).toBe(ways.length);
  });

  it('names every schema of the reference under components.schemas', async () => {
    const { components } = await fetchDocument();
    const missing = NAMED_SCHEMAS.filter((name) => !(name in components.schemas));
    expect(missing).toEqual([]);
  });
});
