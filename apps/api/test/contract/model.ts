// What a case of the contract suite is: how to call its row as a given role in a given world,
// what a success must look like, and the row's documented errors.
import type { z } from 'zod';
import type { Reply, TestApp } from '../harness.ts';
import type { People, Person, Shared, World, WorldOptions } from './fixtures.ts';
import type { Denial, Role, RoleSet } from './roles.ts';
import type { FileReply } from './runner.ts';

/** An expected answer: a success (2xx) or a refusal (its code, when the contract names one). */
export interface Expectation {
  status: number;
  code?: string;
}

export interface Ctx {
  api: TestApp;
  shared: Shared;
  people: People;
  world: World;
  as: Role;
  /** The acting person; null when anonymous. */
  person: Person | null;
  /** The request as sent (set before `verify` runs). */
  request?: Request;
  /** Values a case's steps hand to each other. */
  scratch: Record<string, string>;
}

export interface Request {
  /** Values of the path's `{name}` parameters. */
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

export interface DocumentedError {
  name: string;
  as: Role;
  /** The world the refused call runs in (default: the case's). */
  world?: WorldOptions;
  /** Sets the scene; returns the request (default: the case's). Path parameters default as for the case. */
  prepare?(ctx: Ctx): Promise<Request | void>;
  expect: Expectation;
  /** Further checks after the answer (besides the case's `state`, checked anyway on refusals). */
  after?(ctx: Ctx, reply: Reply): Promise<void>;
}

export interface Case {
  /** Which roles the row is called as (default: session). */
  roles?: RoleSet;
  world?: WorldOptions;
  /** Reads share one world; anything else gets a fresh world per call (default: GET = shared). */
  sharedWorld?: boolean;
  prepare?(ctx: Ctx): Request | Promise<Request>;
  /** The contract schema of `data`. */
  output?: z.ZodType;
  /** REST answers the file itself (no envelope), checked by `verifyFile`. */
  file?: boolean;
  verify?(data: any, ctx: Ctx): void | Promise<void>;
  /** A file row's own checks of the file (media type, parsed content). */
  verifyFile?(file: FileReply, ctx: Ctx): void | Promise<void>;
  /** What the row writes (row counts, fields): a refused call must leave it unchanged. */
  state?(ctx: Ctx): Promise<unknown>;
  /** Refusals the Notes add to the Caller rule (e.g. join: 403 when banned). */
  refuse?: Partial<Record<Role, Denial>>;
  /**
   * What an unknown `{id}` answers when not 404: a row opened by a token for one resource
   * answers another id as the token's mismatch, so it never tells which ids exist.
   */
  unknownId?: Expectation;
  /** Path parameters besides `id` that name resources (unknown → 404). */
  resourceParams?: string[];
  errors?: DocumentedError[];
}

export const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** The acting person, for rows whose caller is never anonymous on success. */
export const me = (ctx: Ctx): Person => {
  if (!ctx.person) throw new Error(`role ${ctx.as} has no account`);
  return ctx.person;
};
