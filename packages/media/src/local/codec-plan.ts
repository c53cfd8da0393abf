// What ffmpeg does with each track: H.264 video is copied as it is (no re-encode, the point of
// asking MediaRecorder for H.264), VP8/VP9 is transcoded to H.264, audio always becomes AAC
// (HLS players cannot take Opus in MPEG-TS).
import { CLOSE, IngestRefusal } from './close-codes.ts';
import type { TrackInfo } from './matroska-tracks.ts';

export interface CodecPlan {
  video: { codecId: string; copy: boolean } | null;
  audio: { codecId: string } | null;
}

const VIDEO: Record<string, { copy: boolean }> = {
  'V_MPEG4/ISO/AVC': { copy: true },
  V_VP8: { copy: false },
  V_VP9: { copy: false },
};
const AUDIO = new Set(['A_OPUS', 'A_VORBIS', 'A_AAC']);

/** Chooses the first video and first audio track; refuses codecs we do not take. */
export function planCodecs(tracks: TrackInfo[]): CodecPlan {
  const video = tracks.find((t) => t.type === 'video');
  const audio = tracks.find((t) => t.type === 'audio');
  if (!video && !audio) {
    throw new IngestRefusal(CLOSE.UNSUPPORTED, 'the stream has no audio or video track');
  }
  const videoMode = video && VIDEO[video.codecId];
  if (video && !videoMode) {
    throw new IngestRefusal(CLOSE.UNSUPPORTED, `unsupported video codec ${video.codecId}`);
  }
  if (audio && !AUDIO.has(audio.codecId)) {
    throw new IngestRefusal(CLOSE.UNSUPPORTED, `unsupported audio codec ${audio.codecId}`);
  }
  return {
    video: video && videoMode ? { codecId: video.codecId, copy: videoMode.copy } : null,
    audio: audio ? { codecId: audio.codecId } : null,
  };
}
