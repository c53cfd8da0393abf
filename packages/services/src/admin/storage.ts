// Storage status: recordings by state (from the database), HLS output and the data volume (from disk).
import type { Dirent } from 'node:fs';
import { readdir, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { RecordingStatus, type StorageStatusResponse } from '@vidinfra/domain';
import type { Deps } from '../deps.ts';
import { iso } from '../mappers.ts';

export interface StorageStatus extends StorageStatusResponse {
  recordings_bytes_by_status: Record<RecordingStatus, number>;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** Size of a file; 0 when it vanished meanwhile (live HLS segments rotate). */
async function fileBytes(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
}

/** Total size of the regular files under `dir` (symbolic links not followed); 0 when it is absent. */
export async function folderBytes(dir: string): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  const sizes = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return folderBytes(path);
      return entry.isFile() ? fileBytes(path) : 0;
    }),
  );
  return sizes.reduce((total, size) => total + size, 0);
}

/** Free (available to the server) and total bytes of the volume holding `dir`; {} when unknown. */
async function volumeOf(dir: string): Promise<{ free_bytes?: number; total_bytes?: number }> {
  try {
    const volume = await statfs(dir);
    return { free_bytes: volume.bavail * volume.bsize, total_bytes: volume.blocks * volume.bsize };
  } catch {
    return {};
  }
}

const perStatus = () =>
  Object.fromEntries(RecordingStatus.options.map((status) => [status, 0])) as Record<
    RecordingStatus,
    number
  >;

export const storageService = ({ db, config, now }: Deps) => ({
  async status(): Promise<StorageStatus> {
    const dataDir = config.dataDir;
    const [usage, hlsBytes, volume] = await Promise.all([
      db.repos.recordings.usageByStatus(),
      dataDir ? folderBytes(join(dataDir, 'hls')) : 0,
      dataDir ? volumeOf(dataDir) : {},
    ]);
    const counts = perStatus();
    const bytes = perStatus();
    for (const row of usage) {
      counts[row.status] = row.count;
      bytes[row.status] = row.bytes;
    }
    const recordingsBytes = Object.values(bytes).reduce((total, n) => total + n, 0);
    return {
      bytes_used: recordingsBytes + hlsBytes,
      recordings_bytes: recordingsBytes,
      hls_bytes: hlsBytes,
      recordings_by_status: counts,
      recordings_bytes_by_status: bytes,
      ...volume,
      checked_at: iso(now()),
    };
  },
});
