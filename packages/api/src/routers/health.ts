import { HealthResponse } from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

export const healthOps = {
  check: operation({
    name: 'Health check',
    method: 'GET',
    path: '/health',
    caller: 'public',
    input: z.strictObject({}),
    output: HealthResponse,
    handle: ({ ctx }) => ctx.services.health.check(),
  }),
};
