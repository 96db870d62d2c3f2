/**
 * Actions that undo each other: banning and lifting a ban, vetoing and signing, raising and cutting, opening and
 * closing, hiring and firing, voting for and against, passing and defeating, jailing and freeing, building and
 * demolishing. Two claims alike in all else that report opposite actions are two claims ("the council banned
 * e-scooters" is not "the council lifted its e-scooter ban").
 *
 * Each kind of action is an ordered list of patterns, each with its sign; a match consumes its words, so the longer
 * phrases go first ("lifted the ban" is read as lifting before "ban" alone is read as banning). A text with both signs
 * of one kind says both and is left alone.
 */
import { perText } from './remembered.js';

type Rule = readonly [RegExp, 1 | -1];

const WORD = String.raw`(?:[a-z'-]+\s+)`;
const BAN_WORDS = String.raw`(?:ban|bans|banning|prohibition|moratorium|curfew|embargo)`;
const UNDO = String.raw`(?:lift(?:s|ed|ing)?|repeal(?:s|ed|ing)?|overturn(?:s|ed|ing)?|scrap(?:s|ped|ping)?|end(?:s|ed|ing)?|revers(?:e|es|ed|ing)|drop(?:s|ped|ping)?|strik(?:e|es|ing)\s+down|struck\s+down|reject(?:s|ed|ing)?|veto(?:es|ed|ing)?|block(?:s|ed|ing)?|vot(?:e|es|ed|ing)\s+(?:against|down))`;

/** Levels that are set, and can be frozen: prices, fees, pay, rents, taxes, budgets. */
const LEVELS = String.raw`(?:prices?|fees?|pay|rents?|tax(?:es)?|tuition|budgets?|wages?|salar(?:y|ies)|benefits?|pensions?|fares?|rates?|bills?|spending|funding)`;

/** "are", "will stay", "has been": what a level frozen is said to be (words between the level and it only with one of these). */
const HELD = String.raw`(?:(?:will|would|to|must|should)\s+)?(?:is|are|was|were|be|been|has\s+been|have\s+been|remains?|remained|stays?|stayed|kept|held)`;

const ACTIONS: Record<string, readonly Rule[]> = {
  ban: [
    [new RegExp(String.raw`\b${UNDO}\s+${WORD}{0,6}${BAN_WORDS}\b`, 'g'), 1],
    // "ban scrapped", "the curfew was lifted"
    [new RegExp(String.raw`\b(?:${BAN_WORDS}|restrictions?)\s+(?:(?:is|was|has\s+been|have\s+been|being|now)\s+)?${UNDO}\b`, 'g'), 1],
    [/\b(?:impos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing))\s+(?:(?:a|an|the|its)\s+)?(?:[a-z-]+\s+){0,2}(?:curfew|embargo)\b/g, -1],
    [/\b(?:not|no\s+longer|never|n't)\s+(?:be\s+)?(?:allowed|permitted|legal)\b/g, -1],
    [/\b(?:ban|bans|banned|banning|outlaw(?:s|ed|ing)?|prohibit(?:s|ed|ing)?|forb(?:id|ids|ade|idden|idding)|criminali[sz](?:e|es|ed|ing))\b/g, -1],
    [/\b(?:legali[sz](?:e|es|ed|ing)|decriminali[sz](?:e|es|ed|ing)|unbann(?:ed|ing)|allow(?:s|ed|ing)?|permit(?:s|ted|ting)?)\b/g, 1],
  ],
  veto: [
    [/\bveto(?:es|ed|ing)?\b|\b(?:say|says|said|saying)\s+no\s+to\b/g, -1],
    [/\bsign(?:s|ed|ing)?\s+(?:into\s+law|the\s+(?:bill|law|measure|act)|off\s+on)\b|\bsigned\b|\bput(?:s|ting)?\s+(?:her|his|their|its)\s+(?:name|signature)\s+(?:on|to)\b/g, 1],
  ],
  go_ahead: [
    // "killed the merger" (before "killed" could be read as anything else)
    [/\bkill(?:s|ed|ing)?\s+(?:off\s+)?(?:the|a|an|its|their|his|her)\s+(?:[\w'–-]+\s+){0,3}(?:deal|merger|takeover|plan|plans|bill|project|proposal|scheme|reform)\b/g, -1],
    [/\b(?:cancel(?:s|led|ed|ling|ing)?|axe[sd]?|shelve[sd]?|call(?:s|ed)?\s+off|halt(?:s|ed)?|scrap(?:s|ped|ping)?|abandon(?:s|ed)?)\b/g, -1],
    [/\b(?:approv(?:e|es|ed|ing|al)|green-?light(?:s|ed)?|authori[sz](?:e|es|ed)|go-ahead|gets?\s+the\s+(?:ok|nod))\b/g, 1],
  ],
  // A project put off is not a project called off: "won't open before 2035" is not "cancelled".
  schedule: [
    [/\b(?:delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|push(?:es|ed|ing)?\s+back|put\s+off|(?:won't|will\s+not|not)\s+(?:open|start|be\s+ready|be\s+finished)\s+(?:before|until))\b/g, 1],
    [/\b(?:cancel(?:s|led|ed|ling|ing)?|axe[sd]?|scrap(?:s|ped|ping)?|abandon(?:s|ed)?|call(?:s|ed)?\s+off)\b/g, -1],
  ],
  presence: [
    [/\b(?:remov(?:e|es|ed|ing)|tore\s+out|rip(?:s|ped)?\s+out|eliminat(?:e|es|ed|ing)|abolish(?:es|ed|ing)?)\b/g, -1],
    // Bringing back what had ended: "brought back conscription" is the opposite of abolishing it.
    [/\b(?:add(?:s|ed|ing)?|install(?:s|ed|ing)?|(?:re)?introduc(?:e|es|ed|ing)|creat(?:e|es|ed|ing)|br(?:ing|ings|inging|ought)\s+back|reinstat(?:e|es|ed|ing)|restor(?:e|es|ed|ing))\b/g, 1],
  ],
  ownership: [
    [/\bnationali[sz](?:e|es|ed|ing|ation)\b|\bin(?:to)?\s+public\s+hands\b/g, 1],
    [/\bprivati[sz](?:e|es|ed|ing|ation)\b|\bsell(?:s|ing)?\s+(?:off\s+)?[a-z' -]{0,40}\bto\s+(?:a\s+)?private\b/g, -1],
  ],
  level: [
    // Prices, fees and funding, also when said by what they come to: "30 percent cheaper", "more money for schools",
    // "invests 2 billion in roads", "tuition is free now".
    [/\b(?:rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|boost(?:s|ed|ing)?|increas(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|pay\s+rise|pricier|dearer|more\s+expensive|more\s+(?:money|funding|funds)|invest(?:s|ed|ing)?|put(?:s|ting)?\s+(?:[\w.,$€£]+\s+){1,3}into)\b/g, 1],
    [/\b(?:cut(?:s|ting)?|lower(?:s|ed|ing)|slash(?:es|ed|ing)?|reduc(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|abolish(?:es|ed|ing)?|end(?:s|ed)|halv(?:e|es|ed|ing)|defund(?:s|ed|ing)?|cheaper|less\s+expensive|less\s+(?:money|funding)|free\s+of\s+charge|for\s+free|(?:is|are|now|made|makes|make)\s+(?:\w+\s+){0,3}free\b(?!\s+(?:speech|trade|press|market|will|from|of))|(?:fees?|charges?|tolls?)\s+(?:are|is|were|was)\s+gone|no\s+more\s+(?:fees?|charges?|tolls?))/g, -1],
  ],
  // Held where it was is neither raised nor cut: "froze tuition fees" is not "doubled tuition fees". (A freeze of
  // something priced or paid only: frozen spinach and frozen assets are no freeze of a level.)
  change: [
    [new RegExp(String.raw`\b(?:freez(?:e|es|ing)|froze|frozen)\s+(?:[a-z'-]+\s+){0,3}${LEVELS}\b|\b${LEVELS}\s+(?:(?:[a-z'-]+\s+){0,3}?${HELD}\s+)?(?:frozen|unchanged|flat)\b|\b(?:pay|rent|price|tax|fee|wage|budget|spending|pension|tuition|fare)s?\s+freeze\b|\bfreeze\s+(?:on|in)\s+(?:[a-z'-]+\s+){0,3}${LEVELS}\b`, 'g'), -1],
    [/\b(?:rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)|slash(?:es|ed|ing)?|reduc(?:e|es|ed|ing)|halv(?:e|es|ed|ing))\b/g, 1],
  ],
  open: [
    // Expanding a plant is the opposite of closing it.
    [/\b(?:(?:re)?open(?:s|ed|ing)?|expand(?:s|ed|ing)?|expansion|enlarg(?:e|es|ed|ing)|(?:make|makes|making|made)\s+(?:\w+\s+){0,3}bigger)\b/g, 1],
    [/\b(?:clos(?:e|es|ed|ing|ure|ures)|shut(?:s|ting)?(?:\s+down)?)\b/g, -1],
  ],
  staff: [
    [/\b(?:hir(?:e|es|ed|ing)|recruit(?:s|ed|ing)?)\b/g, 1],
    [/\b(?:fired|laid\s+off|lay(?:s|ing)?\s+off|layoffs?|sack(?:s|ed|ing)?)\b/g, -1],
  ],
  vote: [
    [/\bvot(?:e|es|ed|ing)\s+against\b/g, -1],
    [/\bvot(?:e|es|ed|ing)\s+(?:for|in\s+favou?r\s+of)\b|\bco-?sponsor(?:s|ed|ing)?\b/g, 1],
  ],
  passage: [
    [/\b(?:fail(?:s|ed)?\s+to\s+pass|defeat(?:s|ed)?|voted\s+down|vote\s+down|struck\s+down|strikes?\s+down)\b/g, -1],
    [/\bpass(?:es|ed)?\b/g, 1],
  ],
  custody: [
    [/\b(?:freed|acquit(?:s|ted)?|pardon(?:s|ed)?|released\s+(?:from|on\s+bail)|cleared\s+of)\b/g, -1],
    [/\b(?:arrest(?:s|ed)?|jail(?:s|ed)?|imprison(?:s|ed)?|convict(?:s|ed)?|detain(?:s|ed)?)\b/g, 1],
  ],
  // A deal made is not a deal torn up; talks joined are not talks walked out of.
  agreement: [
    [/\b(?:t(?:ear|ears|earing|ore|orn)\s+up|walk(?:s|ed|ing)?\s+(?:away|out)\s+(?:from|of)|pull(?:s|ed|ing)?\s+out\s+of|withdr(?:aw|aws|ew|awn|awing)\s+from|quit(?:s|ting)?|exit(?:s|ed|ing)?|break(?:s|ing)?|broke|collaps(?:e|es|ed|ing)|reject(?:s|ed|ing)?|turn(?:s|ed|ing)?\s+down)\s+(?:[a-z'-]+\s+){0,4}(?:deal|agreement|treaty|accord|pact|ceasefire|truce|talks|peace\s+(?:offer|plan|proposal))\b/g, -1],
    [/\b(?:sign(?:s|ed|ing)?|agree(?:s|d|ing)?(?:\s+(?:to|on))?|reach(?:es|ed|ing)?|seal(?:s|ed|ing)?|strike|strikes|struck)\s+(?:[a-z'-]+\s+){0,4}(?:deal|agreement|treaty|accord|pact|ceasefire|truce)\b/g, 1],
  ],
  // Leaving an office is not being convicted or charged: "the mayor resigned" is another story than "the mayor was
  // convicted". (One sign only: "sworn in" or "elected" describe more often than they report, so no opposite.)
  office: [
    [/\b(?:resign(?:s|ed|ing|ation)?|st(?:ep|eps|epped|epping)\s+down|ousted|impeached)\b/g, -1],
  ],
  // Charged is not convicted: a trial's start is not its end.
  trial: [
    [/\b(?:convict(?:s|ed)?|found\s+guilty|sentenc(?:e|es|ed)\s+to|jailed\s+for)\b/g, 1],
    [/\b(?:charg(?:e|es|ed)\s+with|indict(?:s|ed)?|accus(?:e|es|ed)\s+of|fac(?:e|es|ing)\s+(?:\w+\s+)?charges|on\s+trial|cleared\s+of|acquitt(?:ed|al))\b/g, -1],
  ],
  // Charged is not cleared, and cleared is not convicted: the three ends of a case, two by two.
  charge: [
    [/\b(?:cleared\s+of|acquitt(?:ed|al)|found\s+not\s+guilty|charges?\s+(?:were\s+|have\s+been\s+)?dropped)\b/g, -1],
    [/\b(?:charg(?:e|es|ed)\s+with|indict(?:s|ed)?)\b/g, 1],
  ],
  verdict: [
    [/\b(?:cleared\s+of|acquitt(?:ed|al)|found\s+not\s+guilty)\b/g, -1],
    [/\b(?:convict(?:s|ed)?|found\s+guilty)\b/g, 1],
  ],
  // An election called early is not one put off.
  timing: [
    [/\b(?:early|snap|brought\s+forward|bring(?:s|ing)?\s+forward)\s+(?:[a-z'-]+\s+){0,2}(?:election|vote|polls?)\b|\b(?:election|vote|polls?)\s+(?:[a-z'-]+\s+){0,3}(?:brought\s+forward|early)\b/g, 1],
    [/\b(?:postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?|push(?:es|ed|ing)?\s+back|put(?:s|ting)?\s+off)\s+(?:[a-z'-]+\s+){0,3}(?:election|vote|polls?)\b|\b(?:election|vote|polls?)\s+(?:[a-z'-]+\s+){0,3}(?:postponed|delayed|pushed\s+back|put\s+off|on\s+ice)\b/g, -1],
  ],
  // Records: "at a record high" is not "the lowest in twenty years".
  extreme: [
    [/\b(?:record[-\s]+low|all[-\s]time\s+low|lowest)\b/g, -1],
    [/\b(?:record[-\s]+high|all[-\s]time\s+high|highest|peak(?:s|ed)?)\b/g, 1],
  ],
  building: [
    [/\b(?:demolish(?:es|ed|ing)?|tore\s+down|torn\s+down|tear(?:s|ing)?\s+down|raze[sd]?)\b/g, -1],
    [/\b(?:buil[dt]s?|building\s+of|construct(?:s|ed)?)\b/g, 1],
  ],
};

/** The sign of each kind of action the text reports (kinds it reports both ways, or not at all, are left out). */
export const actionsIn: (text: string) => ReadonlyMap<string, 1 | -1> = perText(readActions);

/**
 * Said as not done, the action counts the other way: "refuses to approve" is no approval, "did not sign" no signature,
 * "won't close" no closure. (Phrases whose words hold the negation, "no longer allowed", are rules of their own.)
 */
const NEGATED = /(?:n['’]t|\b(?:not|no|never|refus(?:e|es|ed|ing)\s+to|declin(?:e|es|ed|ing)\s+to|fail(?:s|ed|ing)?\s+to|no\s+plans?\s+to))\s+(?:(?:be|been|to|have|has|had|got|get|gotten|yet|even|actually|really|a|an|the|any)\s+)*$/;

const ACTION_KINDS = Object.entries(ACTIONS);

function readActions(text: string): Map<string, 1 | -1> {
  const out = new Map<string, 1 | -1>();
  const lower = text.toLowerCase();
  for (const [kind, rules] of ACTION_KINDS) {
    let rest = lower;
    // (the signs met, as bits: 1 for done, 2 for undone; read for every new text, so no Set)
    let signs = 0;
    for (const [re, sign] of rules) {
      rest = rest.replace(re, (m, ...args) => {
        const at = args[args.length - 2] as number;
        signs |= (NEGATED.test(lower.slice(Math.max(0, at - 40), at)) ? -sign : sign) === 1 ? 1 : 2;
        return ' '.repeat(m.length);
      });
    }
    if (signs === 1) out.set(kind, 1);
    else if (signs === 2) out.set(kind, -1);
  }
  return out;
}

/** Do the two texts report one action in opposite ways? */
export function oppositeActions(a: string, b: string): boolean {
  const x = actionsIn(a);
  if (x.size === 0) return false;
  for (const [kind, sign] of actionsIn(b)) if (x.get(kind) === -sign) return true;
  return false;
}

/**
 * Kinds of action that tell one story in other words, as families: approving and passing a bill; banning,
 * abolishing, ending, cutting, closing and leaving office; arresting, charging and convicting. Two texts whose actions
 * are of no common family report two stories.
 */
const FAMILY: Record<string, string> = {
  go_ahead: 'decide', passage: 'decide', veto: 'decide', vote: 'decide', schedule: 'decide', timing: 'decide',
  // Ending, banning, removing, cutting, closing and leaving are told in each other's words ("shuts its nuclear
  // plants" / "bans nuclear power", "steps down from the race" / "ended his campaign").
  ban: 'end', presence: 'end', level: 'end', change: 'end', open: 'end', staff: 'end', building: 'end', office: 'end',
  custody: 'justice', trial: 'justice', charge: 'justice', verdict: 'justice',
  ownership: 'ownership', agreement: 'agreement', extreme: 'extreme',
};

/** Both texts report actions, and none of one family: "tears up the trade deal" and "banned crypto trading". */
export function otherActions(a: string, b: string): boolean {
  const x = actionsIn(a);
  const y = actionsIn(b);
  if (x.size === 0 || y.size === 0) return false;
  const families = new Set<string>();
  for (const kind of x.keys()) families.add(FAMILY[kind]);
  for (const kind of y.keys()) if (families.has(FAMILY[kind])) return false;
  return true;
}
