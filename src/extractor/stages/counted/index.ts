export { crowdLeft, isPersonNoun, isTroopNoun } from './nouns.js';
export { baselineOf, impliedUnitLeft, moverSubject } from './implied.js';
