// Where recordings live on disk: `{dataDir}/recordings/{id}.<ext>` once finished (its poster
// `{id}.poster.jpg` beside it), and
// `{dataDir}/recordings/{id}.parts/` while the local backend still assembles one. A file named
// elsewhere by the media backend (its `filePath`) is removed by that path.
// The layout itself is the media package's (`recordingsDir`, `recordingPartsDir`).
import { rm } from 'node:fs/promises';
import type { Recording } from '@vidinfra/db';
import { recordingPartsDir } from '@vidinfra/media';

/** The recording a file or folder of the recordings folder belongs to: its name up to the first dot. */
export const recordingIdOf = (name: string) => name.split('.')[0] ?? name;

/**
 * Removes the recording's file, its poster and its parts folder. What cannot be removed now stays behind as
 * an orphan for the storage cleanup: the recording is gone either way.
 */
export async function removeRecordingFiles(
  recording: Pick<Recording, 'id' | 'filePath' | 'posterPath'>,
  dataDir: string | undefined,
): Promise<void> {
  await Promise.allSettled([
    // Only ever a file: a path that turned out to be a folder is left alone.
    recording.filePath ? rm(recording.filePath, { force: true }) : null,
    recording.posterPath ? rm(recording.posterPath, { force: true }) : null,
    dataDir ? rm(recordingPartsDir(dataDir, recording.id), { recursive: true, force: true }) : null,
  ]);
}
