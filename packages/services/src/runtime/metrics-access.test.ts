import { describe, expect, it } from 'vitest';
import { isLoopback, metricsAccess } from './metrics-access.ts';

describe('who may read /metrics', () => {
  it('takes loopback addresses, IPv4, IPv6 and IPv4-mapped, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(address), address).toBe(true);
    for (const address of [undefined, '', '10.0.0.1', '::ffff:10.0.0.1', '::2', '128.0.0.1'])
      expect(isLoopback(address), String(address)).toBe(false);
  });

  it('lets a remote client in with the bearer token only when one is configured', () => {
    const remote = '198.51.100.4';
    const open = metricsAccess('a-metrics-token-of-length');
    expect(open({ remoteAddress: remote, authorization: 'Bearer a-metrics-token-of-length' })).toBe(
      null,
    );
    expect(open({ remoteAddress: remote, authorization: 'bearer a-metrics-token-of-length' })).toBe(
      null,
    );
    const refused = open({ remoteAddress: remote, authorization: 'Bearer another-token' });
    expect(refused?.status).toBe(403);
    expect(JSON.parse(refused!.body)).toMatchObject({
      success: false,
      error: { code: 'FORBIDDEN' },
      timestamp: expect.any(Number),
    });
    const closed = metricsAccess(null);
    expect(closed({ remoteAddress: remote, authorization: 'Bearer ' })?.status).toBe(403);
    expect(closed({ remoteAddress: '127.0.0.1', authorization: undefined })).toBe(null);
  });
});
