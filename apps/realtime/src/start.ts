// Starts a gateway on an HTTP server: in-process delivery on one machine, or with REDIS_URL the
// Redis Streams adapter and the relay lease, for any number of gateway nodes.
import type { Server as HttpServer } from 'node:http';
import type { RuntimeMetrics, Services } from '@vidinfra/services';
import { createGateway, type GatewayOptions } from './gateway.ts';
import { redisScaleOut } from './scale-out.ts';

export async function startGateway(
  httpServer: HttpServer,
  services: Services,
  options: {
    redisUrl: string | null;
    log?: GatewayOptions['log'];
    /** The runtime's metrics, told how many sockets this gateway holds. */
    metrics?: RuntimeMetrics;
  } & Pick<GatewayOptions, 'allowOrigin' | 'presenceGraceMs' | 'nodeTimeoutMs' | 'sweepIntervalMs'>,
) {
  const { redisUrl, metrics, ...gatewayOptions } = options;
  const scale = redisUrl ? await redisScaleOut(redisUrl) : null;
  if (scale) services.viewerReports.useStore(scale.reportStore);
  const gateway = createGateway({
    services,
    httpServer,
    ...gatewayOptions,
    ...(scale && { adapter: scale.adapter, isLeader: scale.isLeader, nodeId: scale.nodeId }),
  });
  if (scale) {
    const adapterUid = (gateway.io.of('/').adapter as unknown as { uid: string }).uid;
    await scale.subscribed(adapterUid).catch(async (error: unknown) => {
      await gateway.close();
      await scale.close();
      throw error;
    });
  }
  metrics?.watchSockets(() => gateway.io.of('/').sockets.size);
  let closed = false;
  // /api/health asks the gateway that runs here: open, and with Redis, Redis answering.
  services.health.watchRealtime(async () => !closed && (scale ? await scale.ping() : true));
  return {
    gateway,
    async close() {
      closed = true;
      await gateway.close();
      await scale?.close();
    },
  };
}
