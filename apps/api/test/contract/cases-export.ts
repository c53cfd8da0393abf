// The attendance export: REST answers the file itself (CSV per RFC 4180, or a JSON array),
// streamed as an attachment; errors stay envelopes.
import { AttendanceResponse } from '@vidinfra/domain';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { z } from 'zod';
import { watching } from './engagement-steps.ts';
import type { Case, Ctx } from './model.ts';
import { fetchFile, type FileReply } from './runner.ts';

const CSV_HEADER = [
  'user_id',
  'display_name',
  'email',
  'first_join_at',
  'last_leave_at',
  'total_watch_seconds',
  'interval_count',
];

const ExportRows = z.array(AttendanceResponse.extend({ email: z.string().optional() }));

/** The export in `format`, fetched as the caller of `file`. */
async function exportAs(ctx: Ctx, format: 'csv' | 'json') {
  const path = `/api${ctx.world.libraryId ? `/libraries/${ctx.world.libraryId}` : ''}`;
  const url = `${path}/sessions/${ctx.world.session.id}/attendance/export?format=${format}`;
  return fetchFile(ctx.api, url, ctx.person?.token);
}

function expectCsv(file: FileReply, ctx: Ctx) {
  expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(file.headers['content-disposition']).toContain(
    `filename="attendance-${ctx.world.session.id}.csv"`,
  );
  const [header, ...records] = parse(file.text, { relax_column_count: false }) as string[][];
  expect(header).toEqual(CSV_HEADER);
  expect(records.map((record) => record.slice(0, 3))).toEqual([
    [ctx.people.viewer.id, ctx.people.viewer.displayName, ctx.people.viewer.email],
  ]);
}

export const attendanceExportCase: Case = {
  file: true,
  prepare: async (ctx) => {
    await watching(ctx, ctx.people.viewer.id);
    return { query: { format: 'csv' } };
  },
  verifyFile: async (file, ctx) => {
    expectCsv(file, ctx);
    const json = await exportAs(ctx, 'json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const rows = ExportRows.parse(JSON.parse(json.text));
    expect(rows.map((row) => [row.user_id, row.email])).toEqual([
      [ctx.people.viewer.id, ctx.people.viewer.email],
    ]);
  },
  errors: [
    {
      name: 'an unknown format is 400 VALIDATION_ERROR',
      as: 'owner',
      prepare: async () => ({ query: { format: 'xml' } }),
      expect: { status: 400, code: 'VALIDATION_ERROR' },
    },
  ],
};
