export { classify, type Classified } from './classify.js';
