export { classify, MAX_TEXT_LENGTH } from './classify.ts';
