export type { Database } from './database.ts';
export type { Repositories } from './repositories/index.ts';
export type { Page, PageRequest } from './repositories/paging.ts';
export type { PollResults, PollWithOptions } from './repositories/polls.ts';
export type { StagePermissions } from './repositories/stage.ts';
export type * from './rows.ts';
export { openDatabase } from './open.ts';
export { newId } from './ids.ts';
