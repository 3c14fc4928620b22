export { default } from '@tensorscope/tooling/eslint';
