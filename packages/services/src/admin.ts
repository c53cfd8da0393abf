import { adminUsersService } from './admin/users.ts';
import { storageService } from './admin/storage.ts';
import type { Deps } from './deps.ts';

export type { RevokedSessionsResponse } from './admin/users.ts';
export type { StorageStatus } from './admin/storage.ts';

export const adminService = (deps: Deps) => {
  const storage = storageService(deps);
  return {
    ...adminUsersService(deps),
    storageStatus: storage.status,
    storageCleanup: storage.cleanup,
  };
};
