// The API reference page: Scalar rendering our OpenAPI document. The plugin bundles Scalar's
// standalone script and serves it from our own origin (no CDN); remote fonts, telemetry, the hosted
// AI features and the developer toolbar (links to Scalar's services) are off.
import fastifyApiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';

export const registerApiReference = (
  app: FastifyInstance,
  options: { routePrefix: `/${string}`; specUrl: string },
) =>
  app.register(fastifyApiReference, {
    routePrefix: options.routePrefix,
    configuration: {
      url: options.specUrl,
      pageTitle: 'VidInfra Live API reference',
      withDefaultFonts: false,
      telemetry: false,
      showDeveloperTools: 'never',
      agent: { disabled: true },
      mcp: { disabled: true },
    },
  });
