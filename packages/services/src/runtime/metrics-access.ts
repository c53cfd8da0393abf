// Who may read `/metrics`: clients on this machine (loopback), and, when METRICS_TOKEN is set,
// any client sending `Authorization: Bearer <METRICS_TOKEN>`. Everyone else gets 403 in the
// error envelope.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { DomainError, errorEnvelope } from '@vidinfra/domain';

export interface MetricsRequest {
  /** The client's address as the server sees it (the proxy's word when it trusts proxies). */
  remoteAddress: string | undefined;
  authorization: string | undefined;
}

export interface MetricsAnswer {
  status: number;
  contentType: string;
  body: string;
}

export const isLoopback = (address: string | undefined): boolean => {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
};

const digest = (value: string) => createHash('sha256').update(value).digest();

export function metricsAccess(token: string | null) {
  const expected = token ? digest(token) : null;
  const bearsToken = (authorization: string | undefined) => {
    const [scheme, sent] = authorization?.split(' ') ?? [];
    return (
      expected !== null &&
      scheme?.toLowerCase() === 'bearer' &&
      sent !== undefined &&
      timingSafeEqual(digest(sent), expected)
    );
  };

  /** Null when the caller may read the metrics, else the refusal to send. */
  return (request: MetricsRequest): MetricsAnswer | null => {
    if (isLoopback(request.remoteAddress) || bearsToken(request.authorization)) return null;
    const error = new DomainError(
      'FORBIDDEN',
      token
        ? 'metrics are served to loopback clients and to the bearer of METRICS_TOKEN'
        : 'metrics are served to loopback clients only (set METRICS_TOKEN to read them remotely)',
    );
    return {
      status: error.status,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(errorEnvelope(error.toBody())),
    };
  };
}
