import { v7 } from 'uuid';

/** Time-ordered (UUIDv7, monotonic within the process): ids sort in creation order. */
export const newId = (): string => v7();
