// The peers the API is measured against, without a logger: a bare fastify app with one JSON
// route, and on the same app tRPC's own fastify adapter serving one query that only validates
// its input and echoes it (what tRPC's HTTP path costs before any work of ours).
import { initTRPC } from '@trpc/server';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify from 'fastify';
import { z } from 'zod';

const t = initTRPC.create();
const router = t.router({
  hello: t.procedure.input(z.object({ id: z.uuid() })).query(({ input }) => ({ id: input.id })),
});

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.get('/api/health', async () => ({ status: 'up' }));
await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router } });

const close = () => void app.close().then(() => process.exit(0));
process.once('SIGINT', close);
process.once('SIGTERM', close);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
