// The API as a package: every operation of the contract as a tRPC router, with the error model
// that maps each failure to one machine code. No server here: apps/api hosts it (REST, tRPC,
// OpenAPI) and browser clients import its types only (`import type { AppRouter }`).
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './routers/index.ts';

export { appRouter, type AppRouter } from './routers/index.ts';
export type { Context } from './trpc.ts';
export type { DiskFile, FileDownload, FileMeta, FileSink, OperationContext } from './operation.ts';
export { operationCores } from './operation.ts';
export type { OperationCore } from './core.ts';
export { describeError, mappingErrors, type DescribedError } from './errors.ts';

/** The input of every procedure, by router path: `RouterInputs['sessions']['get']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** The output of every procedure, by router path: `RouterOutputs['sessions']['get']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
