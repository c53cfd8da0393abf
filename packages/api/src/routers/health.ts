import { HealthResponse } from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

export const healthOps = {
  check: operation({
    name: 'Health check',
    description:
      'Public. The status of the database, the realtime gateway and the media backend; overall `degraded` when one besides the database is down, 503 when the database is down.',
    method: 'GET',
    path: '/health',
    caller: 'public',
    input: z.strictObject({}),
    output: HealthResponse,
    handle: ({ ctx }) => ctx.services.health.check(),
  }),
};
