// Calls a row the way a case describes it and checks answers against the contract's envelope.
import { ErrorResponse, SuccessResponse } from '@vidinfra/domain';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { Reply, TestApp } from '../harness.ts';
import { buildWorld, type Shared, type World, type WorldOptions } from './fixtures.ts';
import type { Case, Ctx, Expectation, Request } from './model.ts';
import type { Role } from './roles.ts';

export const LIBRARY_PREFIX = '/libraries/{library_id}';

/** Where and how a row is called: its REST path template and the world it runs in. */
export interface Target {
  method: string;
  /** Path template relative to /api, e.g. `/sessions/{id}/join`. */
  template: string;
  world: WorldOptions;
}

export const pathParams = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${template}`);
    return encodeURIComponent(value);
  });
}

/** The resource `{id}` names, by the path's first segment; `{library_id}`: the shared library. */
function defaultParams(template: string, ctx: Ctx): Record<string, string> {
  const segment = template.replace(LIBRARY_PREFIX, '').split('/')[1];
  const ids: Record<string, string | undefined> = {
    sessions: ctx.world.session.id,
    rooms: ctx.world.room.id,
    presets: ctx.world.preset?.id,
  };
  const params: Record<string, string> = { library_id: ctx.shared.libraryId };
  const id = segment ? ids[segment] : undefined;
  if (id) params.id = id;
  return params;
}

export class Runner {
  private readonly worlds = new Map<string, Promise<World>>();

  constructor(
    private readonly api: TestApp,
    private readonly shared: () => Shared,
  ) {}

  /**
   * A world for one call: a fresh one when `shareKey` is null (a call that may change state),
   * else the one world of that key and options (reads; refusals of one row).
   */
  world(target: Target, shareKey: string | null): Promise<World> {
    if (shareKey === null) return buildWorld(this.api, this.shared(), target.world);
    const key = `${shareKey} ${JSON.stringify(target.world)}`;
    let world = this.worlds.get(key);
    if (!world) {
      world = buildWorld(this.api, this.shared(), target.world);
      this.worlds.set(key, world);
    }
    return world;
  }

  context(world: World, role: Role): Ctx {
    const shared = this.shared();
    return {
      api: this.api,
      shared,
      people: shared.people,
      world,
      as: role,
      person: role === 'anonymous' ? null : shared.people[role],
      scratch: {},
    };
  }

  /** The request a case makes, its path parameters defaulted from the world. */
  async request(kase: Case, target: Target, ctx: Ctx, prepare = kase.prepare): Promise<Request> {
    const request = (await prepare?.(ctx)) ?? {};
    return { ...request, params: { ...defaultParams(target.template, ctx), ...request.params } };
  }

  private address(target: Target, request: Request, role: Role) {
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    const path = `/api${fillPath(target.template, request.params ?? {})}${query}`;
    const token = role === 'anonymous' ? undefined : this.shared().people[role].token;
    return { path, token };
  }

  send(
    target: Target,
    request: Request,
    role: Role,
    options: { rawBody?: string } = {},
  ): Promise<Reply> {
    const { path, token } = this.address(target, request, role);
    const payload = options.rawBody === undefined ? { body: request.body } : options;
    return this.api.call(target.method, path, { token, ...payload });
  }

  /** A file row's answer as it comes. */
  download(target: Target, request: Request, role: Role): Promise<FileReply> {
    const { path, token } = this.address(target, request, role);
    return fetchFile(this.api, path, token);
  }

  /** Prepares the case as `role` in a world, calls it, and returns what a check needs. */
  async call(kase: Case, target: Target, role: Role, shareKey: string | null) {
    const world = await this.world(target, shareKey);
    const ctx = this.context(world, role);
    const request = await this.request(kase, target, ctx);
    ctx.request = request;
    const before = await kase.state?.(ctx);
    const file = kase.file ? await this.download(target, request, role) : null;
    const reply = file ? null : await this.send(target, request, role);
    return { ctx, request, reply, file, before };
  }
}

const describeReply = (reply: Reply) =>
  `${reply.status} ${JSON.stringify(reply.body)}`.slice(0, 600);

export function expectSuccess(reply: Reply, output?: z.ZodType): unknown {
  expect(reply.status, describeReply(reply)).toBeGreaterThanOrEqual(200);
  expect(reply.status, describeReply(reply)).toBeLessThan(300);
  const envelope = SuccessResponse.safeParse(reply.body);
  expect(envelope.success, `success envelope: ${describeReply(reply)}`).toBe(true);
  expect(reply.body.data, 'data').toBeDefined();
  if (output) {
    const parsed = output.safeParse(reply.body.data);
    expect(
      parsed.error?.issues ?? [],
      `data against the contract schema: ${describeReply(reply)}`,
    ).toEqual([]);
  }
  return reply.body.data;
}

export interface FileReply {
  status: number;
  headers: Record<string, unknown>;
  text: string;
}

/** GET of a file: status, headers and the raw text (no envelope to parse). */
export async function fetchFile(api: TestApp, path: string, token?: string): Promise<FileReply> {
  const response = await api.app.inject({
    method: 'GET',
    url: path,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.statusCode, headers: response.headers, text: response.body };
}

/**
 * A file answer: 200, no envelope, sent with a file name as an attachment (or inline: an image
 * shown in the page, like a recording's poster).
 */
export function expectFile(reply: FileReply): FileReply {
  const summary = `${reply.status} ${reply.text.slice(0, 300)}`;
  expect(reply.status, summary).toBe(200);
  expect(String(reply.headers['content-disposition']), 'a file with a name').toMatch(
    /^(attachment|inline); filename="[^"]+"/,
  );
  return reply;
}

export function expectRefusal(reply: Reply, expected: Expectation) {
  const actual = { status: reply.status, code: reply.body.error?.code };
  const wanted = { status: expected.status, code: expected.code ?? actual.code };
  expect(actual, describeReply(reply)).toEqual(wanted);
  const envelope = ErrorResponse.safeParse(reply.body);
  expect(envelope.error?.issues ?? [], `error envelope: ${describeReply(reply)}`).toEqual([]);
}

/** A refused call must leave what the row writes as it was. */
export async function expectNothingWritten(kase: Case, ctx: Ctx, before: unknown) {
  if (!kase.state) return;
  expect(await kase.state(ctx), 'a refused call wrote nothing').toEqual(before);
}
