// Checks the package against the contract document itself, so a schema or rule missing here
// fails the build when the spec names it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from './index.ts';

const SPEC = readFileSync(new URL('../../../docs/api-contract.md', import.meta.url), 'utf8');

/** The body of the `## <title>` section. */
function section(title: string): string {
  const start = SPEC.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`spec has no section "${title}"`);
  const body = SPEC.slice(start + title.length + 4);
  const end = body.indexOf('\n## ');
  return end < 0 ? body : body.slice(0, end);
}

/** The comma-separated list that opens "Schemas named by the reference", up to its first period. */
function specSchemaNames(): string[] {
  const list = section('Schemas named by the reference').split('.')[0] ?? '';
  return list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The Caller column of every operation table row. */
function specCallerLabels(): string[] {
  return SPEC.split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Name') && !line.startsWith('|-'))
    .map((line) => line.split('|')[4]?.trim() ?? '');
}

const exports = domain as Record<string, unknown>;
const isSchema = (value: unknown): value is z.ZodType => value instanceof z.ZodType;
const idOf = (schema: z.ZodType) => z.globalRegistry.get(schema)?.id;

describe('schemas named by the reference', () => {
  const names = specSchemaNames();

  it('are all found in the spec', () => {
    expect(names.length).toBeGreaterThanOrEqual(60);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it.each(names)('%s is exported as a zod schema with meta id %s', (name) => {
    const schema = exports[name];
    expect(isSchema(schema), `${name} is not an exported zod schema`).toBe(true);
    expect(idOf(schema as z.ZodType)).toBe(name);
  });
});

describe('named components', () => {
  const registered = Object.keys(z.toJSONSchema(z.globalRegistry).schemas);

  it('every exported schema with an id is exported under that id', () => {
    const mismatched = Object.entries(exports)
      .filter(([, value]) => isSchema(value) && idOf(value) !== undefined)
      .filter(([name, value]) => idOf(value as z.ZodType) !== name);
    expect(mismatched.map(([name]) => name)).toEqual([]);
  });

  it('every registered id is an export of that name (no hidden components)', () => {
    const hidden = registered.filter((id) => !isSchema(exports[id]) || idOf(exports[id]) !== id);
    expect(hidden).toEqual([]);
  });

  it.each(['input', 'output'] as const)('all convert to JSON Schema (%s) for OpenAPI', (io) => {
    const { schemas } = z.toJSONSchema(z.globalRegistry, { io, unrepresentable: 'throw' });
    expect(Object.keys(schemas).length).toBeGreaterThanOrEqual(100);
  });

  it('use snake_case keys on the wire', () => {
    const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'output' });
    const keys = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (!node || typeof node !== 'object') return;
      const { properties } = node as { properties?: Record<string, unknown> };
      if (properties) Object.keys(properties).forEach((key) => keys.add(key));
      Object.values(node).forEach(collect);
    };
    collect(schemas);
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((key) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(key))).toEqual([]);
  });

  it('request schemas reject unknown keys', () => {
    const requests = Object.entries(exports).filter(
      ([name, value]) => /(Request|Query|Param)$/.test(name) && isSchema(value),
    );
    expect(requests.length).toBeGreaterThan(40);
    const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'input' });
    const lax = requests
      .map(([name]) => name)
      .filter((name) => schemas[name]?.additionalProperties !== false);
    expect(lax).toEqual([]);
  });
});

describe('Caller column', () => {
  it.each([...new Set(specCallerLabels())])('"%s" maps to a Caller rule', (label) => {
    expect(domain.CALLERS).toContain(domain.CALLER_BY_SPEC_LABEL[label]);
  });

  it('covers every table row', () => {
    expect(specCallerLabels().length).toBeGreaterThan(100);
  });
});
