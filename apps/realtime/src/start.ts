// Starts a gateway on an HTTP server: in-process delivery on one machine, or with REDIS_URL the
// Redis Streams adapter and the relay lease, for any number of gateway nodes.
import type { Server as HttpServer } from 'node:http';
import type { Services } from '@vidinfra/services';
import { createGateway, type GatewayOptions } from './gateway.ts';
import { redisScaleOut } from './scale-out.ts';

export async function startGateway(
  httpServer: HttpServer,
  services: Services,
  options: { redisUrl: string | null; log?: GatewayOptions['log'] },
) {
  const scale = options.redisUrl ? await redisScaleOut(options.redisUrl) : null;
  const gateway = createGateway({
    services,
    httpServer,
    log: options.log,
    ...(scale && { adapter: scale.adapter, isLeader: scale.isLeader }),
  });
  return {
    gateway,
    async close() {
      await gateway.close();
      await scale?.close();
    },
  };
}
