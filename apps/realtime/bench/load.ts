// N clients of one kind in this process: connect, follow the channel, then count deliveries and
// their latency (receive time − the time carried in the envelope's `at`: for the gateway the
// outbox row's creation inside the publishing transaction, so its figures include the commit and
// the relay; for the plain ws server the moment before it sends).
//
// Both kinds are plain `ws` sockets doing the same small work per message (find `at`, record),
// so the figures are the server's and not the load generator's: at 5k sockets one core receives
// 50 000 messages a second, which socket.io-client's full decode (engine.io + socket.io parsers,
// JSON, event emitter) cannot keep up with — it measured its own backlog. The gateway's clients
// speak the Socket.IO wire protocol (Engine.IO v4 over WebSocket, Socket.IO v5 packets):
// `0{…}` open, `40` connect, `421[…]` an event with ack id 1, `431[…]` its ack, `42[…]` an
// event, `2`/`3` ping/pong. The tests use socket.io-client itself.
import WebSocket from 'ws';

const [kind, port, count, channel] = [
  process.argv[2],
  Number(process.argv[3]),
  Number(process.argv[4]),
  process.argv[5]!,
];
const latencies: number[] = [];
const AT = '"at":"';
const ISO_LENGTH = '2026-01-01T00:00:00.000Z'.length;

/** Records the delivery of a message carrying the envelope's top-level `at` (its last one). */
function record(text: string) {
  const index = text.lastIndexOf(AT);
  if (index < 0) return;
  const start = index + AT.length;
  latencies.push(Date.now() - Date.parse(text.slice(start, start + ISO_LENGTH)));
}

const clients: WebSocket[] = [];

function connectGateway(): Promise<void> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
  clients.push(ws);
  return new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed (${code}) before subscribing`)));
    ws.on('message', (data) => {
      const text = String(data);
      if (text.startsWith('42[')) return record(text);
      if (text === '2') return ws.send('3');
      if (text.startsWith('0{')) return ws.send('40');
      if (text.startsWith('44')) return reject(new Error(`connection refused: ${text}`));
      if (text.startsWith('40')) return ws.send(`421${JSON.stringify(['subscribe', { channel }])}`);
      if (text.startsWith('431')) {
        if (!text.includes('"ok":true')) reject(new Error(`subscribe refused: ${text}`));
        resolve();
      }
    });
  });
}

function connectWs(): Promise<void> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  clients.push(ws);
  ws.on('message', (data) => record(String(data)));
  return new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
}

const connectOne = kind === 'gateway' ? connectGateway : connectWs;
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
