import {
  ActiveViewersResponse,
  AttendanceExportQuery,
  AttendanceListResponse,
  AttendanceResponse,
  AttendanceStatsResponse,
  Id,
  IdParam,
  PaginationQuery,
  AttendanceExportResponse,
  LeaveSessionResponse,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

/** The export as REST serves it: the file itself, CSV or a JSON array of rows with emails. */
const EXPORT_FILE = {
  contentTypes: {
    'text/csv': z
      .string()
      .meta({ description: 'RFC 4180: a header record, then one per attendee' }),
    'application/json': z.array(AttendanceResponse.extend({ email: z.string().optional() })),
  },
};

export const attendanceOps = {
  leave: operation({
    name: 'Leave a session',
    description:
      "Any signed-in caller. Closes the caller's open attendance interval in the session (`left` says whether one was open) and updates the viewer count. Idempotent.",
    method: 'POST',
    path: '/sessions/{id}/leave',
    caller: 'any',
    resource: 'session',
    input: IdParam,
    output: LeaveSessionResponse,
    handle: ({ ctx }) => ctx.services.attendance.leave(ctx.access, ctx.actor),
  }),
  viewers: operation({
    name: 'Get active viewers for a session',
    description:
      'Staff of the session (host side or moderator). Who is watching now, with their session role and since when; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/sessions/{id}/viewers',
    caller: 'staff',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: ActiveViewersResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.attendance.viewers(ctx.access, query),
  }),
  list: operation({
    name: 'Get full attendance list',
    description:
      'Host side of the session. One row per attendee: first join, last leave and total watch seconds folded from their join/leave intervals; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/sessions/{id}/attendance',
    caller: 'host_side',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: AttendanceListResponse,
    libraryScoped: true,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.attendance.list(ctx.access, query),
  }),
  stats: operation({
    name: 'Get attendance statistics',
    description:
      'Host side of the session. Unique viewers, peak concurrent viewers (and when), current viewers, average and total watch seconds.',
    method: 'GET',
    path: '/sessions/{id}/attendance/stats',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: AttendanceStatsResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.attendance.stats(ctx.access),
  }),
  export: operation({
    name: 'Export attendance data',
    description:
      'Host side of the session. Every attendee with email, first join, last leave, watch seconds and interval count: `?format=csv` (RFC 4180, the default) or `json`; REST streams the file as an attachment, tRPC answers its content.',
    method: 'GET',
    path: '/sessions/{id}/attendance/export',
    caller: 'host_side',
    resource: 'session',
    input: AttendanceExportQuery.extend({ id: Id }),
    output: AttendanceExportResponse,
    libraryScoped: true,
    file: EXPORT_FILE,
    handle: ({ ctx, input }) => ctx.services.attendance.export(ctx.access, input.format),
  }),
};
