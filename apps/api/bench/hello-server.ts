// The peer the API is measured against: a bare fastify app with one JSON route, no logger.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.get('/api/health', async () => ({ status: 'up' }));

const close = () => void app.close().then(() => process.exit(0));
process.once('SIGINT', close);
process.once('SIGTERM', close);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
