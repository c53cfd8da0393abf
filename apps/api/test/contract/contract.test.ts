// The contract suite: every row of the covered spec sections, called through its REST path as
// every role its Caller column admits (2xx, contract schema) and every role it excludes (the
// error envelope), with bad input, the documented errors, and the library-scoped twins.
import { beforeAll, describe, expect, it } from 'vitest';
import { dialect, useTestApp } from '../harness.ts';
import {
  CASES,
  COVERED_SECTIONS,
  LATER_WORK,
  LIBRARY_SCOPED_PHRASES,
  statedRowCount,
} from './cases.ts';
import { createShared, type Shared } from './fixtures.ts';
import type { Case, Expectation } from './model.ts';
import { admits, callerRule, denialFor, ROLE_SETS, type Role } from './roles.ts';
import {
  expectFile,
  expectNothingWritten,
  expectRefusal,
  expectSuccess,
  LIBRARY_PREFIX,
  pathParams,
  Runner,
  type Target,
} from './runner.ts';
import { allSpecRows, libraryScopedPhrases, specRows, type SpecRow } from './spec-rows.ts';

const api = useTestApp({ REFRESH_REUSE_GRACE_SECONDS: '0' });
let shared: Shared;
let openapi: { paths?: Record<string, Record<string, { summary?: string }>> };
const runner = new Runner(api, () => shared);

beforeAll(async () => {
  shared = await createShared(api);
  openapi = (await api.call('GET', '/api/openapi.json')).body as typeof openapi;
});

const ROWS = specRows(COVERED_SECTIONS);
const IN_SCOPE = ROWS.filter((row) => !LATER_WORK[row.name]);
const ROW_BY_NAME = new Map(allSpecRows().map((row) => [row.name, row]));
const BODY_METHODS = ['POST', 'PATCH', 'PUT'];
const SUCCESS: Expectation = { status: 200 };
const ACTOR_PREFERENCE: Role[] = [
  'owner',
  'libOwner',
  'admin',
  'member',
  'host',
  'viewer',
  'moderator',
  'stage',
];

const expectationFor = (kase: Case, row: SpecRow, role: Role): Expectation => {
  const rule = callerRule(row.callerLabel);
  return kase.refuse?.[role] ?? (admits(rule, role) ? SUCCESS : denialFor(rule, role));
};

const labelOf = (expected: Expectation) =>
  expected.status < 300 ? '2xx' : `${expected.status} ${expected.code ?? ''}`.trim();

/** A signed-in role the row admits, to send bad input as. */
const allowedActor = (kase: Case, row: SpecRow): Role => {
  const roles: readonly Role[] = ROLE_SETS[kase.roles ?? 'session'];
  const actor = ACTOR_PREFERENCE.find(
    (role) => roles.includes(role) && expectationFor(kase, row, role).status < 300,
  );
  if (!actor) throw new Error(`no role may call ${row.name}`);
  return actor;
};

function expectInOpenApi(method: string, template: string, name: string) {
  const operation = openapi.paths?.[template]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} is in /api/openapi.json`).toBeDefined();
  expect(operation?.summary).toBe(name);
}

/** `Sessions › Start a session (POST /sessions/{id}/start)`, for describe.each. */
const titled = (row: SpecRow) => {
  const section = row.section.split(' (')[0];
  return [`${section} › ${row.name} (${row.method} ${row.path})`, row] as const;
};

const isRead = (kase: Case, row: SpecRow) => kase.sharedWorld ?? row.method === 'GET';

/** Reads share one world; a successful write gets a fresh one. */
const successWorld = (kase: Case, row: SpecRow) => (isRead(kase, row) ? 'reads' : null);

/** Refusals change nothing (or fail): reads share the read world, a write row has its own. */
const refusalWorld = (kase: Case, row: SpecRow) =>
  isRead(kase, row) ? 'reads' : `refusals of ${row.method} ${row.path}`;

/** Success as `role`: the envelope, the contract schema, the case's own checks. */
async function expectServed(kase: Case, row: SpecRow, target: Target, role: Role) {
  const { ctx, reply, file } = await runner.call(kase, target, role, successWorld(kase, row));
  if (file) {
    await kase.verifyFile?.(expectFile(file), ctx);
    return file;
  }
  const data = expectSuccess(reply!, kase.output);
  await kase.verify?.(data, ctx);
  return data;
}

/** Refusal as `role`, or with a mangled request: the error envelope, nothing written. */
async function expectRefused(
  kase: Case,
  row: SpecRow,
  target: Target,
  role: Role,
  expected: Expectation,
  mangle: (request: Awaited<ReturnType<Runner['request']>>) => {
    request: Awaited<ReturnType<Runner['request']>>;
    rawBody?: string;
  } = (request) => ({ request }),
) {
  const world = await runner.world(target, refusalWorld(kase, row));
  const ctx = runner.context(world, role);
  const { request, rawBody } = mangle(await runner.request(kase, target, ctx));
  ctx.request = request;
  const before = await kase.state?.(ctx);
  const reply = await runner.send(target, request, role, rawBody ? { rawBody } : {});
  expectRefusal(reply, expected);
  await expectNothingWritten(kase, ctx, before);
}

describe(`the suite covers the spec (${dialect})`, () => {
  it('finds the rows of the covered sections', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it('has a case for every row of the covered sections', () => {
    const missing = IN_SCOPE.filter((row) => !CASES[row.name]).map((row) => row.name);
    expect(missing).toEqual([]);
  });

  it('has no case for an operation the spec does not list', () => {
    const names = new Set(ROWS.map((row) => row.name));
    expect(Object.keys(CASES).filter((name) => !names.has(name))).toEqual([]);
  });

  it('reads every phrase of the Library-scoped section as rows of the spec', () => {
    for (const phrase of libraryScopedPhrases()) {
      const names = LIBRARY_SCOPED_PHRASES[phrase];
      expect(names, `the Library-scoped phrase "${phrase}" is mapped to rows`).toBeDefined();
      const stated = statedRowCount(phrase);
      if (stated !== undefined) expect(names).toHaveLength(stated);
      for (const name of names ?? []) expect(ROW_BY_NAME.has(name), name).toBe(true);
    }
  });

  it.each(Object.entries(LATER_WORK))('%s: not covered (%s)', (name) => {
    expect(ROW_BY_NAME.has(name)).toBe(true);
  });
});

describe.each(IN_SCOPE.map(titled))(`%s [${dialect}]`, (_title, row) => {
  const kase = CASES[row.name];
  if (!kase) {
    it('has a case', () => expect.fail(`no case for the spec row "${row.name}"`));
    return;
  }
  const target: Target = { method: row.method, template: row.path, world: kase.world ?? {} };

  it('is in the OpenAPI document with the Name as summary', () =>
    expectInOpenApi(row.method, row.path, row.name));

  const calls = ROLE_SETS[kase.roles ?? 'session'].map((role) => {
    const expected = expectationFor(kase, row, role);
    return { role, expected, label: labelOf(expected) };
  });
  it.each(calls.map((call) => [call.role, call.label, call] as const))(
    'as %s → %s',
    async (_role, _label, { role, expected }) => {
      if (expected.status < 300) await expectServed(kase, row, target, role);
      else await expectRefused(kase, row, target, role, expected);
    },
  );

  const actor = allowedActor(kase, row);
  const invalid = { status: 400, code: 'VALIDATION_ERROR' };
  if (BODY_METHODS.includes(row.method)) {
    it(`a malformed JSON body → 400 INVALID_JSON (as ${actor})`, () =>
      expectRefused(kase, row, target, actor, { status: 400, code: 'INVALID_JSON' }, (request) => ({
        request,
        rawBody: '{"unterminated": ',
      })));
  }
  it(`an unknown field → 400 VALIDATION_ERROR (as ${actor})`, () =>
    expectRefused(kase, row, target, actor, invalid, (request) =>
      BODY_METHODS.includes(row.method)
        ? { request: { ...request, body: { ...(request.body as object), unexpected_field: 1 } } }
        : { request: { ...request, query: { ...request.query, unexpected_field: '1' } } },
    ));

  const params = pathParams(row.path);
  for (const param of params) {
    it(`a malformed {${param}} → 400 VALIDATION_ERROR (as ${actor})`, () =>
      expectRefused(kase, row, target, actor, invalid, (request) => ({
        request: { ...request, params: { ...request.params, [param]: 'not-a-uuid' } },
      })));
  }
  for (const param of params.slice(0, 1).concat(kase.resourceParams ?? [])) {
    const unknown =
      (param === params[0] && kase.unknownId) || ({ status: 404, code: 'NOT_FOUND' } as const);
    it(`an unknown {${param}} → ${labelOf(unknown)} (as ${actor})`, () =>
      expectRefused(kase, row, target, actor, unknown, (request) => ({
        request: { ...request, params: { ...request.params, [param]: crypto.randomUUID() } },
      })));
  }

  if (kase.errors?.length) {
    it.each(kase.errors.map((error) => [error.name, error] as const))(
      'documented: %s',
      async (_name, error) => {
        const errorTarget = { ...target, world: error.world ?? target.world };
        const world = await runner.world(errorTarget, null);
        const ctx = runner.context(world, error.as);
        const request = await runner.request(
          kase,
          errorTarget,
          ctx,
          async (c) => (await error.prepare?.(c)) ?? (await kase.prepare?.(c)) ?? {},
        );
        ctx.request = request;
        const before = await kase.state?.(ctx);
        const reply = await runner.send(errorTarget, request, error.as);
        if (error.expect.status < 300) expectSuccess(reply);
        else {
          expectRefusal(reply, error.expect);
          await expectNothingWritten(kase, ctx, before);
        }
        await error.after?.(ctx, reply);
      },
    );
  }
});

/** The rows the Library-scoped section lists, in spec order. */
const TWINS = [...new Set(Object.values(LIBRARY_SCOPED_PHRASES).flat())]
  .map((name) => ROW_BY_NAME.get(name))
  .filter((row): row is SpecRow => row !== undefined);

/** Resources a library-scoped answer carries must belong to the library. */
function expectInLibrary(data: unknown, libraryId: string) {
  const body = data as { items?: unknown[]; session?: unknown };
  const resources = Array.isArray(body.items) ? body.items : [body.session ?? body];
  for (const resource of resources as Record<string, unknown>[]) {
    if ('owner_id' in resource || 'scheduled_at' in resource) {
      expect(resource.library_id, 'the resource belongs to the library').toBe(libraryId);
    }
  }
}

describe.each(
  TWINS.map((row) => [`${row.name} (${row.method} ${LIBRARY_PREFIX}${row.path})`, row] as const),
)(`library-scoped: %s [${dialect}]`, (_title, row) => {
  const kase = CASES[row.name];
  if (!kase || !IN_SCOPE.some((covered) => covered.name === row.name)) {
    it.todo(`not covered: ${row.section} is not a covered section`);
    return;
  }
  const template = LIBRARY_PREFIX + row.path;
  const target: Target = {
    method: row.method,
    template,
    world: { ...kase.world, library: 'own' },
  };
  const rule = callerRule(row.callerLabel);
  const member: Role = admits(rule, 'member') && !kase.refuse?.member ? 'member' : 'libOwner';

  it('is in the OpenAPI document with the Name as summary', () =>
    expectInOpenApi(row.method, template, row.name));

  it(`a member (${member}) gets 2xx with the library's resources`, async () => {
    const data = await expectServed(kase, row, target, member);
    expectInLibrary(data, shared.libraryId);
  });

  it('a non-member gets 403 FORBIDDEN', () =>
    expectRefused(kase, row, target, 'nonMember', { status: 403, code: 'FORBIDDEN' }));

  if (pathParams(row.path).includes('id')) {
    it(`a resource of another library is 404 NOT_FOUND (as ${member})`, () =>
      expectRefused(kase, row, { ...target, world: { ...kase.world, library: 'other' } }, member, {
        status: 404,
        code: 'NOT_FOUND',
      }));
  }
});
