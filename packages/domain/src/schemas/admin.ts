// Platform admin: storage usage and cleanup (user administration lives in users.ts).
import { z } from 'zod';
import { Count, Timestamp } from './fields.ts';
import { RecordingStatus } from './recordings.ts';

export const StorageStatusResponse = z
  .object({
    /** Bytes used by recordings and HLS output together. */
    bytes_used: Count,
    recordings_bytes: Count,
    hls_bytes: Count,
    recordings_by_status: z.record(RecordingStatus, Count),
    /** Free and total bytes of the storage volume; absent when the backend cannot tell. */
    free_bytes: Count.optional(),
    total_bytes: Count.optional(),
    checked_at: Timestamp,
  })
  .meta({ id: 'StorageStatusResponse' });
export type StorageStatusResponse = z.infer<typeof StorageStatusResponse>;

export const StorageCleanupResponse = z
  .object({
    deleted_files: Count,
    freed_bytes: Count,
    /** Files that could not be deleted (left for the next run). */
    failed_files: Count,
    started_at: Timestamp,
    finished_at: Timestamp,
  })
  .meta({ id: 'StorageCleanupResponse' });
export type StorageCleanupResponse = z.infer<typeof StorageCleanupResponse>;
