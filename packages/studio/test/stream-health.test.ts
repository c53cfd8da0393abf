import { describe, expect, it } from 'vitest';
import { queueGrowing, streamHealthVerdict, type HealthInput } from '../src/stream-health.ts';

const healthy: NonNullable<HealthInput['health']> = {
  output: 'running',
  fps: 30,
  segment_age_seconds: 0.4,
  speed: 1.01,
  rebuffer_ratio: 0,
  viewer_latency_p50_ms: 3_000,
  viewer_latency_p95_ms: 4_000,
} as NonNullable<HealthInput['health']>;

const verdict = (health: Partial<NonNullable<HealthInput['health']>> | null, queued = [0, 0]) =>
  streamHealthVerdict({
    health: health && { ...healthy, ...health },
    queuedBytes: queued,
    segmentSeconds: 1,
  });

describe('stream health verdict', () => {
  it('is green with no reasons when every end is fine', () => {
    expect(verdict({})).toEqual({ level: 'green', reasons: [] });
    expect(verdict(null).level).toBe('green');
  });

  it('is red when no segment came for more than three segment lengths', () => {
    expect(verdict({ segment_age_seconds: 3 }).level).toBe('green');
    expect(verdict({ segment_age_seconds: 7.4 })).toEqual({
      level: 'red',
      reasons: [{ level: 'red', text: 'No new segment for 7 s' }],
    });
  });

  it('is amber when the encoder runs below 0.9× real time', () => {
    expect(verdict({ speed: 0.9 }).level).toBe('green');
    expect(verdict({ speed: 0.85 }).reasons).toEqual([
      { level: 'amber', text: 'Encoder is falling behind' },
    ]);
  });

  it('is amber when viewers rebuffer more than 5 % of the time, or are far behind', () => {
    expect(verdict({ rebuffer_ratio: 0.05 }).level).toBe('green');
    expect(verdict({ rebuffer_ratio: 0.12 }).reasons[0]?.text).toBe(
      'Viewers are rebuffering (12 % of the time)',
    );
    expect(verdict({ viewer_latency_p95_ms: 20_000 }).reasons[0]?.text).toBe(
      'Viewers are 20 s behind live',
    );
    expect(verdict({ rebuffer_ratio: null, viewer_latency_p95_ms: null }).level).toBe('green');
  });

  it('says what the output is doing when it is not running', () => {
    expect(verdict({ output: 'failed' }).level).toBe('red');
    expect(verdict({ output: 'reconnecting', segment_age_seconds: 30 })).toEqual({
      level: 'amber',
      reasons: [{ level: 'amber', text: 'The output is waiting for the studio to reconnect' }],
    });
  });

  it('is amber when the upload queue keeps growing, red when it is far behind', () => {
    const growing = [0, 40_000, 90_000, 150_000];
    expect(verdict({}, growing).reasons).toEqual([
      { level: 'amber', text: 'Upload is slower than the stream' },
    ]);
    expect(verdict({}, [5_000_000]).level).toBe('red');
  });

  it('puts red reasons before amber ones', () => {
    const { level, reasons } = verdict({ speed: 0.5, segment_age_seconds: 10 });
    expect(level).toBe('red');
    expect(reasons.map((r) => r.level)).toEqual(['red', 'amber']);
  });

  it('says when the studio itself is not sending', () => {
    const withPublisher = (publisher: HealthInput['publisher']) =>
      streamHealthVerdict({ health: healthy, queuedBytes: [], segmentSeconds: 1, publisher });
    expect(withPublisher('publishing').level).toBe('green');
    expect(withPublisher(undefined).level).toBe('green');
    expect(withPublisher('reconnecting').reasons).toEqual([
      { level: 'amber', text: 'The studio is reconnecting to the ingest' },
    ]);
    expect(withPublisher(null).reasons[0]).toEqual({
      level: 'red',
      text: 'The studio is not sending',
    });
    expect(withPublisher('takeover').level).toBe('red');
  });
});

describe('queue growing', () => {
  it('needs four rising samples and 64 KB of growth', () => {
    expect(queueGrowing([0, 40_000, 90_000])).toBe(false);
    expect(queueGrowing([0, 40_000, 90_000, 150_000])).toBe(true);
    expect(queueGrowing([0, 40_000, 30_000, 150_000])).toBe(false);
    expect(queueGrowing([0, 1_000, 2_000, 3_000])).toBe(false);
    expect(queueGrowing([0, 0, 0, 0, 0])).toBe(false);
  });
});
