// A live session playing the test pattern: created in a room, its camera HLS output started and
// fed through the ingest, ready once the playlist has two segments (a player never starts on a
// 404).
import { vi } from 'vitest';
import { publishTestPattern } from './publish.ts';
import type { restClient } from './rest.ts';

export async function startLiveSession(
  rest: ReturnType<typeof restClient>,
  baseUrl: string,
  roomId: string,
  title: string,
  seconds = 60,
) {
  const id = await rest.session(roomId, title, 60_000);
  const joined = await rest.call<{ ws_url: string; token: string }>('POST', `/sessions/${id}/join`);
  await rest.call('POST', `/sessions/${id}/webcam_hls`);
  const publisher = await publishTestPattern(
    `${joined.ws_url}/sessions/${id}?token=${joined.token}`,
    seconds,
  );
  const playlist = `${baseUrl}/hls/${id}/index.m3u8`;
  await vi.waitUntil(
    async () => {
      const response = await fetch(playlist);
      return response.ok && ((await response.text()).match(/#EXTINF/g)?.length ?? 0) >= 2;
    },
    { timeout: 30_000, interval: 200 },
  );
  return { id, publisher };
}
