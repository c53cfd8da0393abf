import { Parser } from '@asyncapi/parser';
import { CLIENT_ACTIONS, REALTIME_EVENT_NAMES, REALTIME_MESSAGE_NAMES } from '@vidinfra/domain';
import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';

const api = useTestApp();

type AsyncApiDocument = {
  asyncapi: string;
  components: { messages: Record<string, { name: string; title?: string }> };
  servers: Record<string, { host: string; protocol: string }>;
};

const fetchDocument = async () => {
  const res = await api.app.inject({ method: 'GET', url: '/api/asyncapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json<AsyncApiDocument>();
};

describe(`AsyncAPI document (${dialect})`, () => {
  it('is a valid AsyncAPI 3 document', async () => {
    const document = await fetchDocument();
    expect(document.asyncapi).toMatch(/^3\./);
    const { document: parsed, diagnostics } = await new Parser().parse(document as never);
    const errors = diagnostics
      .filter((d) => d.severity === 0)
      .map((d) => `${d.path.join('/')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(parsed).toBeDefined();
  });

  it('has a message for every Socket.IO event of the protocol and every durable event', async () => {
    const { components } = await fetchDocument();
    const names = new Set(Object.values(components.messages).map((m) => m.name));
    expect(REALTIME_MESSAGE_NAMES.filter((name) => !names.has(name))).toEqual([]);
    const durable = new Set(
      Object.values(components.messages)
        .filter((m) => m.name === 'event')
        .map((m) => m.title),
    );
    expect(REALTIME_EVENT_NAMES.filter((name) => !durable.has(name))).toEqual([]);
    // Each action has its ack.
    for (const name of Object.keys(CLIENT_ACTIONS))
      expect(components.messages[`${name}.ack`], name).toBeDefined();
  });

  it('is linked from the API reference', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.json<{ info: { description: string } }>().info.description).toContain(
      '(/api/asyncapi.json)',
    );
  });
});
