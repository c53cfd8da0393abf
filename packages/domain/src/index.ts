export {};
export * from './errors.ts';
