// Storage status: recordings by state (from the database), HLS output and the data volume (from
// disk); and the cleanup of what no longer belongs to anything.
import type { Dirent } from 'node:fs';
import { lstat, readdir, rmdir, stat, statfs, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Id,
  RecordingStatus,
  type StorageCleanupResponse,
  type StorageStatusResponse,
} from '@vidinfra/domain';
import { hlsDir, hlsRoot, recordingPartsDir, recordingsDir } from '@vidinfra/media';
import type { Deps } from '../deps.ts';
import { iso } from '../mappers.ts';
import { recordingIdOf } from '../recordings/files.ts';

/**
 * An ended session's live HLS output is kept this long: late viewers finish watching, the
 * recording is the lasting copy. A deleted session's output goes at the next cleanup.
 */
export const HLS_RETENTION_HOURS = 24;

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

type Tally = Pick<StorageCleanupResponse, 'deleted_files' | 'freed_bytes' | 'failed_files'>;

/**
 * Removes a file or a folder with everything in it (symbolic links themselves, never what they
 * point to), counting each file removed and its bytes, and each one that could not be.
 */
async function removeTree(path: string, tally: Tally): Promise<void> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if (!isMissing(error)) tally.failed_files++;
    return;
  }
  if (info.isDirectory()) {
    let names: string[] = [];
    try {
      names = await readdir(path);
    } catch (error) {
      if (!isMissing(error)) tally.failed_files++;
    }
    for (const name of names) await removeTree(join(path, name), tally);
    // A folder still holding a file that failed stays, for the next run.
    await rmdir(path).catch(() => undefined);
    return;
  }
  try {
    await unlink(path);
    tally.deleted_files++;
    tally.freed_bytes += info.size;
  } catch (error) {
    if (!isMissing(error)) tally.failed_files++;
  }
}

/** The entries of a folder; none when it is absent. */
async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** The resource id an entry is named by (`<id>`, `<id>.mp4`, `<id>.parts`); null for other names. */
const idOf = (name: string): string | null => {
  const id = recordingIdOf(name);
  return Id.safeParse(id).success ? id : null;
};

export const storageService = ({ db, config, now }: Deps) => ({
  async status(): Promise<StorageStatus> {
    const dataDir = config.dataDir;
    const [usage, hlsBytes, volume] = await Promise.all([
      db.repos.recordings.usageByStatus(),
      dataDir ? folderBytes(hlsRoot(dataDir)) : 0,
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

  /**
   * Deletes what belongs to nothing: files and folders of the recordings folder whose recording
   * is gone (deleted, or its session deleted), the parts folders of recordings that are ready,
   * and the HLS output of sessions deleted or ended more than {@link HLS_RETENTION_HOURS} ago.
   * Files being written are never touched: a recording row exists before its files.
   */
  async cleanup(): Promise<StorageCleanupResponse> {
    const startedAt = now();
    const tally: Tally = { deleted_files: 0, freed_bytes: 0, failed_files: 0 };
    const dataDir = config.dataDir;
    if (dataDir) {
      const recordings = recordingsDir(dataDir);
      for (const entry of await entriesOf(recordings)) {
        const id = idOf(entry.name);
        const recording = id ? await db.repos.recordings.findById(id) : null;
        const path = join(recordings, entry.name);
        const spentParts =
          recording?.status === 'ready' &&
          entry.isDirectory() &&
          path === recordingPartsDir(dataDir, recording.id);
        if (!recording || spentParts) await removeTree(path, tally);
      }
      const retainedSince = startedAt.getTime() - HLS_RETENTION_HOURS * 3600_000;
      const hls = hlsRoot(dataDir);
      for (const entry of await entriesOf(hls)) {
        const id = idOf(entry.name);
        const session = id ? await db.repos.sessions.findById(id) : null;
        const expired =
          !session ||
          (session.status === 'ended' && (session.endedAt?.getTime() ?? 0) <= retainedSince);
        if (expired) await removeTree(hlsDir(dataDir, entry.name), tally);
      }
    }
    return { ...tally, started_at: iso(startedAt), finished_at: iso(now()) };
  },
});
