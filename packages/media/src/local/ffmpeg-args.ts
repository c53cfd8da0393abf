// The ffmpeg command lines: live WebM → HLS for one run, and HLS segments → MP4 for a recording.
import { join } from 'node:path';
import type { CodecPlan } from './codec-plan.ts';

/** How many entries ffmpeg keeps in its private playlist; we read it far more often than that. */
const PRIVATE_LIST_SIZE = 30;

export const segmentName = (run: number) => `r${run}_%05d.ts`;
export const privatePlaylistName = (run: number) => `.ffmpeg-r${run}.m3u8`;

export function hlsArgs(options: {
  plan: CodecPlan;
  segmentSeconds: number;
  dir: string;
  run: number;
}): string[] {
  const { plan, segmentSeconds: seg, dir, run } = options;
  const video = plan.video?.copy
    ? ['-map', '0:v:0', '-c:v', 'copy']
    : plan.video
      ? [
          '-map',
          '0:v:0',
          '-c:v',
          'libx264',
          '-preset',
          'veryfast',
          '-tune',
          'zerolatency',
          '-pix_fmt',
          'yuv420p',
          // One keyframe per segment, so every segment starts with one and lasts `seg` seconds.
          '-force_key_frames',
          `expr:gte(t,n_forced*${seg})`,
          // MediaRecorder's WebM has a 1 ms time base and a variable frame rate: HLS would
          // otherwise get constant-rate output at a guessed rate, up to 1000 fps of duplicates.
          '-fps_mode',
          'passthrough',
        ]
      : [];
  const audio = plan.audio ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k'] : [];
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-fflags',
    '+genpts',
    '-f',
    'matroska',
    '-i',
    'pipe:0',
    ...video,
    ...audio,
    '-max_muxing_queue_size',
    '1024',
    '-f',
    'hls',
    '-hls_time',
    String(seg),
    '-hls_list_size',
    String(PRIVATE_LIST_SIZE),
    // temp_file: segments and the playlist appear complete, under their final names.
    '-hls_flags',
    'omit_endlist+independent_segments+program_date_time+temp_file',
    '-hls_segment_type',
    'mpegts',
    '-hls_segment_filename',
    join(dir, segmentName(run)),
    '-progress',
    'pipe:1',
    '-nostats',
    join(dir, privatePlaylistName(run)),
  ];
}

/** Joins the recording's segments without re-encoding; ADTS AAC becomes MP4 AAC on the way. */
export function remuxArgs(listPath: string, output: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    listPath,
    '-map',
    '0',
    '-c',
    'copy',
    '-bsf:a',
    'aac_adtstoasc',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    output,
  ];
}
