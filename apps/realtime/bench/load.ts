// N clients of one kind in this process: connect, follow the channel, then count deliveries and
// their latency (receive time − commit time carried in the envelope's `at`).
import { io } from 'socket.io-client';
import WebSocket from 'ws';

const [kind, port, count, channel] = [
  process.argv[2],
  Number(process.argv[3]),
  Number(process.argv[4]),
  process.argv[5]!,
];
const latencies: number[] = [];
const record = (envelope: { at: string }) => latencies.push(Date.now() - Date.parse(envelope.at));
const url = `http://127.0.0.1:${port}`;
const clients: { close(): void }[] = [];

async function connectOne(): Promise<void> {
  if (kind === 'gateway') {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('event', record);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => socket.emit('subscribe', { channel }, () => resolve()));
      socket.once('connect_error', reject);
    });
    clients.push({ close: () => socket.disconnect() });
  } else {
    const ws = new WebSocket(url.replace('http', 'ws'));
    ws.on('message', (data) => record(JSON.parse(String(data))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    clients.push({ close: () => ws.close() });
  }
}

for (let done = 0; done < count; done += 100) {
  await Promise.all(Array.from({ length: Math.min(100, count - done) }, connectOne));
}
process.send!({ connected: clients.length });
process.on('message', (message: { cmd: string }) => {
  if (message.cmd === 'report') {
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    process.send!({ deliveries: latencies.length, p50: at(0.5), p99: at(0.99) });
    for (const client of clients) client.close();
    setTimeout(() => process.exit(0), 200);
  }
});
