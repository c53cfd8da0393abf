// HLS playlists: reading the private one each ffmpeg run writes, writing the public one viewers
// load. The public playlist is ours so that it survives ffmpeg restarts and publisher reconnects:
// each run's segments follow the previous run's after an EXT-X-DISCONTINUITY.
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface PrivateEntry {
  /** Position in the run (ffmpeg's media sequence + index). */
  sequence: number;
  uri: string;
  duration: number;
  programDateTime?: Date;
}

/** Reads ffmpeg's playlist; an entry counts once both its EXTINF and its URI line are there. */
export function parsePrivatePlaylist(text: string): PrivateEntry[] {
  const entries: PrivateEntry[] = [];
  let sequence = 0;
  let duration: number | null = null;
  let programDateTime: Date | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) sequence = Number(line.slice(22));
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:'))
      programDateTime = parseDate(line.slice(25));
    else if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith('#') && duration !== null && Number.isFinite(duration)) {
      entries.push({ sequence: sequence++, uri: line, duration, programDateTime });
      duration = null;
      programDateTime = undefined;
    }
  }
  return entries;
}

/** ffmpeg writes `+0000`; Date wants `+00:00`. */
function parseDate(text: string): Date | undefined {
  const date = new Date(text.trim().replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface PublicSegment {
  name: string;
  duration: number;
  programDateTime: Date;
  /** First segment of a run that follows another run: preceded by EXT-X-DISCONTINUITY. */
  discontinuity: boolean;
}

export function renderPlaylist(playlist: {
  segments: PublicSegment[];
  mediaSequence: number;
  discontinuitySequence: number;
  targetDuration: number;
  ended: boolean;
}): string {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${playlist.targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${playlist.mediaSequence}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${playlist.discontinuitySequence}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  for (const segment of playlist.segments) {
    if (segment.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${segment.programDateTime.toISOString()}`);
    lines.push(`#EXTINF:${segment.duration.toFixed(6)},`);
    lines.push(segment.name);
  }
  if (playlist.ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** Replaces the file in one step: a viewer never reads half a playlist. */
export function writeAtomically(path: string, text: string) {
  const tmp = join(dirname(path), `.${basename(path)}.tmp`); // dot files are not served
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
