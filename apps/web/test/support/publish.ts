// A host's camera as the studio sends it: ffmpeg's test pattern as MediaRecorder-like WebM,
// sent to the media ingest at real time (the media package's fixtures).
import { WebSocket } from 'ws';
import { sendPaced, webmSlices } from '../../../../packages/media/test/fixtures.ts';

export async function publishTestPattern(ingestUrl: string, seconds: number) {
  const chunks = await webmSlices({ codec: 'h264', seconds });
  const ws = new WebSocket(ingestUrl);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const sending = sendPaced(ws, chunks);
  return {
    async stop() {
      ws.close();
      await sending;
    },
  };
}
