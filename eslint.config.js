export { default } from '@vidinfra/tooling/eslint';
