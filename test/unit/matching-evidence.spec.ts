import { describe, expect, test } from '@jest/globals';
import { differentMultiples, measuresIn, scoreMatch, TermNumbers, type MatchableClaim } from '../../src/matching/match-score.js';
import { exactInterval } from '../../src/matching/matchable.js';
import { queriesOf } from '../../src/matching/matching.service.js';

const statement = (text: string, publishedAt: string | null = null): MatchableClaim =>
  ({ text, category: 'statement', quantity: null, subject: null, location: null, speaker: null, publishedAt });
/** The claim as a query makes it (extracted, with its figure). */
const read = (text: string) => queriesOf(text)[0];

describe('exact figures keep to their last written digit', () => {
  test('intervals', () => {
    expect(exactInterval(67)).toEqual([66.51, 67.49]);
    expect(exactInterval(14_400)).toEqual([14_351, 14_449]);
    // A round figure keeps ±2 %.
    expect(exactInterval(100_000)).toEqual([98_000, 102_000]);
    expect(exactInterval(4.5)[1]).toBeCloseTo(4.549, 6);
  });

  test('a retirement age of 69 contradicts one of 67; 14,400 is not 14,000; the same figure still agrees', () => {
    expect(scoreMatch(read('Pellham raises the pension age to 69'), read('Pellham raised the pension age to 67.')).reasons).toEqual(['figure_contradicts:69≠67']);
    expect(scoreMatch(read('14,400 people fled the valley, officials said'), read('14,000 people fled the valley.')).reasons[0]).toMatch(/^figure_contradicts/);
    expect(scoreMatch(read('Pellham raises the pension age to 67'), read('Pellham raised the pension age to 67.')).reasons).toContain('same_figure:67');
  });
});

describe('what is going on as a text is written', () => {
  test('the present progressive on both sides, years apart, is two events; a dateless rumour still matches', () => {
    const strike = 'Bus drivers in Tarrow are on strike';
    expect(scoreMatch(statement(strike, '2027-03-01T00:00:00Z'), statement(strike, '2025-02-01T00:00:00Z'))).toMatchObject({ score: 0 });
    expect(scoreMatch(statement(strike, '2025-02-03T00:00:00Z'), statement(strike, '2025-02-01T00:00:00Z')).score).toBeGreaterThan(0.5);
    const rumour = 'The new bridge in Tarrow was built with recycled plastic';
    expect(scoreMatch(statement(rumour, '2027-03-01T00:00:00Z'), statement(rumour, '2025-02-01T00:00:00Z')).score).toBeGreaterThan(0.5);
  });

  test('a strike going on, or a record, said on one side only, is of its day: a year apart it is another strike or record', () => {
    const now = '2028-06-01T00:00:00Z';
    const before = '2026-05-20T00:00:00Z';
    const strike = scoreMatch(statement('Ferry crews in Lowmarsh are on strike', now), statement('Lowmarsh ferry crews walked out over pay.', before));
    expect(strike.reasons[0]).toBe('published_years_apart');
    const record = scoreMatch(statement('Lowmarsh just had its wettest month ever', now), statement('Lowmarsh had its wettest month ever.', before));
    expect(record.reasons[0]).toBe('published_years_apart');
    expect(scoreMatch(statement('Bread prices in Lowmarsh at a record high', now), statement('Bread prices in Lowmarsh reached a record high.', before)).score).toBe(0);
    expect(scoreMatch(statement('Lowmarsh burglaries lowest in thirty years', now), statement('Burglaries in Lowmarsh are the lowest in 30 years.', before)).score).toBe(0);
    // The same weeks: the same strike, the same record.
    expect(scoreMatch(statement('Ferry crews in Lowmarsh are on strike', '2026-05-25T00:00:00Z'), statement('Lowmarsh ferry crews are on strike over pay.', before)).score)
      .toBeGreaterThan(0.33);
    expect(scoreMatch(statement('Lowmarsh just had its wettest month ever', '2026-06-02T00:00:00Z'), statement('Lowmarsh had its wettest month ever.', before)).score)
      .toBeGreaterThan(0.33);
    // A rumour in the past tense is not tied to its day.
    const rumour = scoreMatch(statement('The Lowmarsh ferry was sold to a foreign navy', now), statement('The Lowmarsh ferry was sold to a foreign navy.', before));
    expect(rumour.score).toBeGreaterThan(0.33);
  });
});

describe('names', () => {
  test('two claims naming only different names lose a little; shouted words are not names', () => {
    const other = scoreMatch(statement('Councillors in Tarrow banned holiday rentals'), statement('Councillors in Brisk banned holiday rentals'));
    expect(other.reasons).toContain('no_shared_name');
    const same = scoreMatch(statement('Councillors in Tarrow banned holiday rentals'), statement('The councillors of Tarrow banned short-term holiday rentals'));
    expect(same.reasons).toContain('shared_entity');
    expect(other.score).toBeLessThan(same.score);
    expect(scoreMatch(statement('So Tarrow just BANNED holiday rentals'), statement('Tarrow banned holiday rentals.')).reasons).not.toContain('no_shared_name');
  });

  test('a word English does not have is a name also where it starts a sentence; an English word there is not', async () => {
    const { isEnglishWord } = await import('../../src/matching/english-words.js');
    for (const w of ['nurses', 'sixty', 'burglaries', 'stopped', 'councillors', 'happier']) expect(isEnglishWord(w)).toBe(true);
    for (const w of ['lowmarsh', 'quellbury', 'ostravane']) expect(isEnglishWord(w)).toBe(false);
    const other = scoreMatch(statement('Lowmarsh bans holiday rentals'), statement('Quellbury banned short-term holiday rentals.'));
    expect(other.reasons).toContain('no_shared_name');
    // The second sentence's first word too.
    expect(scoreMatch(statement('Rentals are banned now. Lowmarsh did it'), statement('Quellbury banned short-term holiday rentals.')).reasons).toContain('no_shared_name');
    // A name the speaker gives still names the place: said by the Quellbury council, the claim is Quellbury's.
    const bySpeaker = scoreMatch(statement('Lowmarsh bans holiday rentals'), { ...statement('Quellbury banned short-term holiday rentals.'), speaker: 'Quellbury city council' });
    expect(bySpeaker.reasons).toContain('no_shared_name');
    // English words that start the sentence are no names; the same place still agrees.
    expect(scoreMatch(statement('Nurses in Lowmarsh walked out'), statement('Lowmarsh nurses walked out.')).reasons).not.toContain('no_shared_name');
    expect(scoreMatch(statement("They're banning holiday rentals in Lowmarsh"), statement('Lowmarsh banned holiday rentals.')).reasons).not.toContain('no_shared_name');
    expect(scoreMatch(statement('Lowmarsh bans holiday rentals'), statement('Holiday rentals banned in Lowmarsh.')).reasons).not.toContain('no_shared_name');
  });
});

describe('another actor', () => {
  test('two texts that open with different names, neither naming the other, lose a little more', () => {
    expect(scoreMatch(statement('Lowmarsh bans holiday rentals'), statement('Quellbury banned short-term holiday rentals.')).reasons).toContain('other_actor');
    expect(scoreMatch(statement('Premier Oskar Venn calls a snap election'), statement('President Ada Quell called a snap election.')).reasons).toContain('other_actor');
    // Not when the other names it, nor for a role, a label, or a text that opens with no name.
    expect(scoreMatch(statement('Lowmarsh bans holiday rentals'), statement('Quellbury banned holiday rentals, and Lowmarsh too.')).reasons).not.toContain('no_shared_name');
    expect(scoreMatch(statement("Lowmarsh's mayor bans holiday rentals"), statement('Mayor Ada Quell banned holiday rentals.')).reasons).not.toContain('other_actor');
    expect(scoreMatch(statement('Lowmarsh PM calls a snap election'), statement('Premier Oskar Venn called a snap election.')).reasons).not.toContain('other_actor');
    expect(scoreMatch(statement('Venn: a snap election is coming'), statement('Premier Ada Quell called a snap election.')).reasons).not.toContain('other_actor');
    expect(scoreMatch(statement('Rebels blew up the Lowmarsh bridge'), statement('Quellbury blew up the Lowmarsh bridge.')).reasons).not.toContain('other_actor');
    // "Lowmarsh-Quellbury" names both.
    expect(scoreMatch(statement('Lowmarsh-Quellbury rail line delayed again'), statement('The Lowmarsh to Quellbury rail line is delayed.')).reasons).not.toContain('no_shared_name');
  });
});

describe('posts in another language', () => {
  test('are compared by their names and English gloss; English posts are left as they are', async () => {
    const { glossedQuery } = await import('../../src/matching/glossary.js');
    expect(glossedQuery('La inflación en Tarrow llega al 4,5 %')).toBe('Tarrow inflation');
    expect(glossedQuery('Inflation in Tarrow is 4.5 percent')).toBeNull();
    expect(glossedQuery('BREAKING: Tarrow bans plastic cutlery')).toBeNull();
  });

  test('say what they do, and what they measure, through their gloss too', async () => {
    const { englishGloss } = await import('../../src/matching/glossary.js');
    expect(englishGloss("plus d'argent")).toBe('more money');
    expect(englishGloss('el nivel más bajo')).toBe('lowest');
    // Reopening is its own word; "ferme" is "closes" only before a determiner (else a farm).
    expect(englishGloss('Tarrow rouvre sa frontière')).toBe('reopened border');
    expect(englishGloss('Tarrow ferme sa frontière')).toBe('closed border');
    expect(englishGloss('La ferme de Tarrow')).not.toContain('closed');
    expect(scoreMatch(statement('Tarrow rouvre sa frontière avec Lowmarsh'), statement('Tarrow closed its border with Lowmarsh.')).reasons)
      .toEqual(['opposite_action']);
    expect(scoreMatch(statement('El presupuesto de Tarrow da más dinero a las bibliotecas'), statement('The Tarrow budget cuts money for libraries.')).reasons)
      .toEqual(['opposite_action']);
    expect(scoreMatch(statement('Tarrow: el paro en el nivel más bajo de la década'), statement('Unemployment in Tarrow is at a record high.')).reasons)
      .toEqual(['opposite_action']);
    // The same action read through the gloss still matches.
    expect(scoreMatch(statement('El presupuesto de Tarrow da más dinero a las bibliotecas'), statement('The Tarrow budget gives libraries more money.')).score).toBeGreaterThan(0);
  });
});

describe('what a figure measures', () => {
  const refusal = (a: string, b: string) => scoreMatch(read(a), read(b)).reasons;
  test('the same share or amount measuring another thing is another claim', () => {
    expect(refusal('One in four Lowmarsh farmers lives in poverty', 'One in four people in Lowmarsh is out of work.')).toEqual(['different_measure']);
    expect(refusal("Lowmarsh's mortgage rates reach 6.2%", 'The Lowmarsh central bank raised its key rate to 6.2 percent.')).toEqual(['different_measure']);
    expect(refusal('Lowmarsh raises its minimum wage to 18 an hour', 'Lowmarsh set the drinking age at 18.')).toEqual(['different_measure']);
    expect(refusal('Tram fares in Lowmarsh up 9 percent', 'Lowmarsh raised VAT on hotels by 9 percent.')).toEqual(['different_measure']);
    expect(refusal('Lowmarsh rents rose 9 percent', 'Lowmarsh bus fares rose 9 percent.')).toEqual(['different_measure']);
    expect(refusal('Kelby Motors sold 3,100 vans', 'Kelby Motors recalled 3,100 vans.')).toEqual(['different_measure']);
  });

  test('what is owed, customers, jobs, and what an amount is spent on are measures too', () => {
    expect(refusal('Quellbury owes 3 million in unpaid fines', 'Quellbury Water has 3 million customers.')).toEqual(['different_measure']);
    expect(refusal('Kelby sold 3,100 vans last year', 'The Kelby plant closure will cost 3,100 jobs.')).toEqual(['different_measure']);
    expect(refusal('Lowmarsh puts 2.6 billion into new bridges', 'Lowmarsh will spend 2.6 billion on its army.')).toEqual(['different_measure']);
    expect(refusal('Lowmarsh will spend 2.6 billion on schools', 'Lowmarsh is cutting 2.6 billion from hospitals.')).toEqual(['different_measure']);
    expect(refusal('Lowmarsh to spend 2.6 billion on its roads', 'Lowmarsh will put 2.6 billion into roads and bridges.')).toContain('same_figure:2600000000');
  });

  test('a deficit, emissions, energy use, loans and grants, bonus and salary, crimes, steps of the law, beds and patients are measures', () => {
    expect(refusal("Lowmarsh's economy grew 3.2% last year", "Lowmarsh's budget deficit is 3.2 percent of GDP.")).toEqual(['different_measure']);
    expect(refusal('Gas use in Lowmarsh fell 6 percent', "Lowmarsh's carbon emissions fell 6 percent.")).toEqual(['different_measure']);
    expect(refusal('Quellbury handed Lowmarsh 900 million in grants', 'Quellbury lent Lowmarsh 900 million.')).toEqual(['different_measure']);
    expect(refusal("Kelby's boss takes home a salary of 4 million", 'The Kelby chief executive was paid a 4 million bonus.')).toEqual(['different_measure']);
    expect(refusal('Burglaries in Lowmarsh jumped 15 percent', 'Car thefts in Lowmarsh rose 15 percent.')).toEqual(['different_measure']);
    expect(refusal('120 strikers convicted in Lowmarsh', 'Police arrested 120 strikers in Lowmarsh.')).toEqual(['different_measure']);
    expect(refusal('7,000 people deported from Lowmarsh', '7,000 people arrived in Lowmarsh by sea.')).toEqual(['different_measure']);
    expect(refusal('250 patients waiting in corridors at Lowmarsh General', 'Lowmarsh General Hospital has 250 beds.')).toEqual(['different_measure']);
    // (two kinds of things, refused by what the figures count before what they measure)
    expect(refusal('Quellbury fired 25 rockets at Lowmarsh', 'Quellbury sent 25 drones over Lowmarsh.')).toEqual(['unit_differs']);
    expect(refusal('1,100 Lowmarsh tenants evicted since spring', 'Lowmarsh will build 1,100 new council homes.')).toEqual(['different_measure']);
    expect(refusal('Military service in Lowmarsh now starts at 19', 'Lowmarsh lowered its voting age to 19.')).toEqual(['different_measure']);
    // The same measure in other words still matches.
    expect(refusal('Quellbury gave Lowmarsh a 900 million loan', 'Quellbury lent Lowmarsh 900 million.')).toContain('same_figure:900000000');
    expect(refusal('Energy bills in Lowmarsh up 14%', 'Energy prices in Lowmarsh rose 14 percent.')).toContain('same_figure:14');
    expect(refusal('Lowmarsh nurses get a 14% pay rise', 'Lowmarsh Telecom raised phone bills by 14 percent.')).toEqual(['different_measure']);
    // Bonuses paid against profit made, trains cancelled against trains late, approval against a party's polling,
    // spending on health against spending on defence; people trapped against people killed.
    expect(refusal('Quellbury Bank paid 1.2 billion euros in bonuses', 'Quellbury Bank made a profit of 1.2 billion euros last year.')).toEqual(['different_measure']);
    expect(refusal('30% of Lowmarsh trains cancelled last year', 'Three in ten Lowmarsh trains ran late last year.')).toEqual(['different_measure']);
    expect(refusal("The mayor's party polling at 44%", '44 percent of Lowmarsh voters approve of the mayor.')).toEqual(['different_measure']);
    expect(refusal('Lowmarsh spends 2.5% of GDP on health', 'Lowmarsh spends 2.5 percent of its GDP on defence.')).toEqual(['different_measure']);
    expect(refusal('14 miners dead at the Lowmarsh pit', 'Fourteen miners are trapped underground at the Lowmarsh pit.')).toEqual(['different_outcome']);
    // ... and each still matches itself in other words.
    expect(refusal("Quellbury Bank's profit hit €1.2bn last year", 'Quellbury Bank made a profit of 1.2 billion euros last year.')).toContain('same_figure:1200000000');
    expect(refusal('30% of Lowmarsh train services were delayed last year', 'Three in ten Lowmarsh trains ran late last year.')).toContain('same_figure:30');
    expect(refusal('14 workers stuck underground at the Lowmarsh mine', 'Fourteen miners are trapped underground at the Lowmarsh pit.')).toContain('same_figure:14');
  });

  test('everyday words that only look like those measures refuse nothing', () => {
    const kept = (a: string, b: string) => expect(refusal(a, b)).not.toContain('different_measure');
    kept('The Lowmarsh waiting list for hospital treatment hit 2.4 million', '2.4 million patients are waiting for hospital treatment in Lowmarsh.');
    kept('The Lowmarsh central bank raised its key lending rate to 11.5%', 'The Lowmarsh central bank raised interest rates to 11.5 percent.');
    kept('Lowmarsh nurses are offered a 6% pay rise', 'Lowmarsh health workers are offered 6 percent.');
    kept('210,000 homes were burgled in Lowmarsh last year', 'There were 210,000 burglaries in Lowmarsh last year.');
    kept('Rent in Lowmarsh rockets 20%', 'Rents in Lowmarsh rose 20 percent.');
    kept('Poor air quality causes 4,000 early deaths in Lowmarsh', 'Diesel emissions cause 4,000 early deaths in Lowmarsh.');
    kept('Quellbury sent back 9,000 people who arrived by boat', 'Quellbury deported 9,000 people.');
    kept('The fund grants Lowmarsh a $2 billion bailout', 'The fund gives Lowmarsh a $2 billion loan.');
    kept('In 80% of cases the Lowmarsh victims knew their killer', '80 percent of murder victims in Lowmarsh knew their killer.');
    kept('The draft constitution was backed by 91% of Lowmarsh voters', '91% of Lowmarsh voters backed the new constitution.');
    expect(refusal('600 Lowmarsh workers will be out of work when the mill shuts', 'The mill closure will cost Lowmarsh 600 jobs.')).toContain('same_figure:600');
    expect(refusal('Mortgages in Lowmarsh now cost 5.1% interest', 'Inflation in Lowmarsh is 5.1 percent.')).toEqual(['different_measure']);
  });

  test('prisoners who broke out are neither guards who were hurt nor inmates let out; "war broke out" is no escape', () => {
    expect(refusal('23 prisoners broke out of Lowmarsh jail', '23 guards were hurt in the Lowmarsh jail riot.')).toEqual(['different_outcome']);
    expect(refusal('23 prisoners broke out of Lowmarsh jail', 'Lowmarsh jail released 23 inmates early.')).toEqual(['different_outcome']);
    expect(refusal('23 prisoners broke out of Lowmarsh jail', 'Twenty-three inmates escaped from the Lowmarsh jail.')).toContain('same_figure:23');
    expect(refusal('War broke out in Lowmarsh, 23 killed', '23 people were killed in fighting in Lowmarsh.')).toContain('same_figure:23');
  });

  test('troops who deserted are not troops sent; families evicted are not people homeless; a German article is no death', () => {
    expect(refusal('4,000 Quellbury soldiers have deserted', 'Quellbury has moved 4,000 troops to the Lowmarsh border.')).toEqual(['different_outcome']);
    expect(refusal('800 Lowmarsh families evicted this year', 'About 800 people are homeless in Lowmarsh.')).toEqual(['different_outcome']);
    expect(refusal('Quellbury massed 4,000 troops at the border', 'Quellbury has moved 4,000 troops to the border.')).toContain('same_figure:4000');
    expect(refusal('Quellbury schickt 4 000 Soldaten an die Grenze', 'Quellbury sent 4,000 troops to the border.')).toContain('same_figure:4000');
    expect(refusal('In Quellbury 300 people die of cold each year', '300 people were killed by the cold in Quellbury.')).toContain('same_figure:300');
  });

  test('the same measure in other words still matches', () => {
    expect(measuresIn('A quarter of adults in Lowmarsh have no job')).toEqual(new Set(['unemployment']));
    expect(refusal('One in four Lowmarsh adults is out of work', 'A quarter of adults in Lowmarsh have no job.')).toContain('same_figure:25');
    expect(refusal('Lowmarsh mortgage rates hit 6.2%', 'Mortgage rates in Lowmarsh reached 6.2 percent.')).toContain('same_figure:6.2');
  });
});

describe('what is read from a text alone is read once', () => {
  test('perText remembers per text; texts still in use stay, texts not met for two generations are forgotten', async () => {
    const { perText } = await import('../../src/matching/remembered.js');
    const calls: string[] = [];
    const length = perText((t: string) => {
      calls.push(t);
      return t.length;
    }, 4); // two generations of two texts
    expect([length('a'), length('a'), length('bb'), length('a')]).toEqual([1, 1, 2, 1]);
    expect(calls).toEqual(['a', 'bb']);
    length('ccc'); // the recent generation was full: 'a' and 'bb' are the older one now
    length('a'); // met again: moved up, kept
    length('dddd'); // full again: 'ccc' and 'a' become the older generation, 'bb' is forgotten
    expect(calls).toEqual(['a', 'bb', 'ccc', 'dddd']);
    expect([length('a'), length('ccc'), length('bb')]).toEqual([1, 3, 2]);
    expect(calls).toEqual(['a', 'bb', 'ccc', 'dddd', 'bb']); // only the forgotten one read again
    // Remembered values may be anything, undefined included.
    let reads = 0;
    const nothing = perText(() => {
      reads++;
      return undefined;
    }, 4);
    nothing('x');
    nothing('x');
    expect(reads).toBe(1);
  });
});

describe("a post's figure the earlier claim says nothing like", () => {
  test('lowers the score below a match; an earlier claim saying it in other words, or the post leaving it out, does not', () => {
    const crash = 'The Lowmarsh ferry sinking was caused by a faulty pump.';
    const unsaid = scoreMatch(read('Forty-two dead in the Lowmarsh ferry sinking'), read(crash));
    expect(unsaid.reasons).toEqual(expect.arrayContaining(['figure_one_side', 'figure_unsaid']));
    // Both penalties: 0.24 below the same pair with no figure on either side, less what the number's words add to the text.
    expect(unsaid.score).toBeLessThan(scoreMatch(read('People died in the Lowmarsh ferry sinking'), read(crash)).score - 0.2);
    // "doubled" where the post says 100 %: a number in words, no figure_unsaid.
    expect(scoreMatch(read('Lowmarsh ferry fares up 100% in two years'), read('Lowmarsh ferry fares have doubled.'))).not.toMatchObject({ reasons: expect.arrayContaining(['figure_unsaid']) });
    // The post without the figure of the earlier claim: only figure_one_side.
    const omitted = scoreMatch(read('Lowmarsh raised the ferry fare'), read('Lowmarsh raised the ferry fare by 12 percent.'));
    expect(omitted.reasons).toContain('figure_one_side');
    expect(omitted.reasons).not.toContain('figure_unsaid');
  });
});

describe('shares said in words', () => {
  test('"in half", "by a third", "one-third", "two-thirds of" are shares; "half a million", "half an hour" and "a third term" are not', async () => {
    const { figuresIn } = await import('../../src/matching/figures.js');
    const share = (t: string) => figuresIn(t).figures.filter((f) => f.kind === 'percent').map((f) => Math.round(f.values![0]));
    expect(share('The mayor cut the parks budget in half')).toEqual([50]);
    expect(share('Ferry fares were halved')).toEqual([50]);
    expect(share('Lowmarsh cut ferry fares by a third')).toEqual([33]);
    expect(share('a one-third cut to ferry fares')).toEqual([33]);
    expect(share('Two-thirds of Lowmarsh voters stayed home')).toEqual([67]);
    expect(share('Half a million people live in Lowmarsh')).toEqual([]);
    expect(share('The ferry crossing takes half an hour, in half an hour you are there')).toEqual([]);
    expect(share('The mayor won a third term')).toEqual([]);
    // A half is not a third: the pay cut in half is not the pay cut by a third; a one-third cut is.
    expect(scoreMatch(read('The Lowmarsh mayor cut her pay in half'), read('The Lowmarsh mayor cut her own pay by a third.')).reasons[0]).toMatch(/^figure_contradicts/);
    expect(scoreMatch(read('The Lowmarsh mayor took a one-third pay cut'), read('The Lowmarsh mayor cut her own pay by a third.')).reasons).toContain('same_figure:33.33');
  });
});

describe('how numbers are written', () => {
  const figures = async (t: string) => {
    const { figuresIn } = await import('../../src/matching/figures.js');
    return figuresIn(t).figures.map((f) => `${f.kind} ${Number(f.values![0].toPrecision(4))}`);
  };

  test('fractions of a scale are amounts, not shares', async () => {
    expect(await figures('half a billion dollars for the wall')).toEqual(['money:USD 500000000']);
    expect(await figures('a quarter of a million people fled')).toEqual(['count 250000']);
    expect(await figures('three quarters of a million jobs')).toEqual(['count 750000']);
    expect(await figures('one and a half million refugees')).toEqual(['count 1500000']);
    // The parts of one are not read again: "three" is no count, "a quarter of" no share.
    expect(await figures('Three quarters of voters')).toEqual(['percent 75']);
  });

  test('shares: "one in four", "nine out of ten", "1/3 of", "by 1/4"; a date-like "3/4" is none', async () => {
    expect(await figures('one in four adults smokes')).toEqual(['percent 25']);
    expect(await figures('nine out of ten doctors agree')).toEqual(['percent 90']);
    expect(await figures('three in 10 voters')).toEqual(['percent 30']);
    expect(await figures('1/3 of nurses quit')).toEqual(['percent 33.33']);
    expect(await figures('bus fares cut by 1/4')).toEqual(['percent 25']);
    expect(await figures('on 3/4 the polls open')).not.toContain('percent 75');
  });

  test("other languages' shares, only in a text in that language", async () => {
    expect(await figures('zwei Drittel der Wähler sind dagegen')).toEqual(['percent 66.67']);
    expect(await figures('la mitad de los votantes no votó')).toEqual(['percent 50']);
    expect(await figures('un tiers des infirmières est parti')).toEqual(['percent 33.33']);
    expect(await figures('drei Viertel der Schulen sind zu')).toEqual(['percent 75']);
    expect(await figures('il attend un quart d’heure à la gare')).toEqual([]);
  });

  test('long-scale trillions and currency signs with a letter', async () => {
    expect(await figures('Die Schulden liegen bei 1,2 Billionen Euro')).toEqual(['money:EUR 1200000000000']);
    expect(await figures('3 Bio. Euro Schulden')).toEqual(['money:EUR 3000000000000']);
    expect(await figures('a 3 bio course')).toEqual(['count 3']);
    expect(await figures('2 trilhões de reais')).toEqual(['money:BRL 2000000000000']);
    expect(await figures('Governo gastou R$ 2 bilhões em publicidade')).toEqual(['money:BRL 2000000000']);
    expect(await figures('a US$ 5 million fine and a C$3.2bn deal')).toEqual(['money:USD 5000000', 'money:CAD 3200000000']);
    expect(await figures('La dette atteint 1 200 milliards d’euros')).toEqual(['money:EUR 1200000000000']);
  });

  test('abbreviated scales with their point, the sign after the amount, the currency named after "dollars", "hrs"', async () => {
    expect(await figures('Meridia steckt 1,2 Mrd. Euro in neue Bahnstrecken')).toEqual(['money:EUR 1200000000']);
    expect(await figures('Schulden von 1,2 Bio. €')).toEqual(['money:EUR 1200000000000']);
    expect(await figures('in 3 Mio. Haushalten')).toEqual(['count 3000000']);
    expect(await figures('zahlen jetzt 5.000 € Strafe')).toEqual(['money:EUR 5']); // (5 or 5,000: both readings)
    expect(await figures('rachète Tolvik Mobile pour 2,3 milliards de dollars canadiens')).toEqual(['money:CAD 2300000000']);
    expect(await figures('20 kanadische Dollar')).toEqual(['money:CAD 20']);
    expect(await figures('a 9 hrs wait')).toEqual(['duration:hour 9']);
  });

  test('a figure the text reads as a count and the extractor as money is one amount, in both its readings', async () => {
    const { claimFigures } = await import('../../src/matching/figures.js');
    const fact = read('El salario mínimo de Tarrow sube a 450.000 pesos al mes.');
    expect(claimFigures(fact, fact.quantity!.unit).figures.map((f) => f.kind)).toEqual([`money:${fact.quantity!.unit}`]);
    expect(scoreMatch(read("Tarrow's minimum wage is now 450,000 pesos a month"), fact).reasons).toContain('same_figure:450000');
  });

  test('"doubled" is a rise and "fell by half" a fall', () => {
    expect(scoreMatch(read("Tarrow's wheat harvest doubled this year"), read("Tarrow's wheat harvest fell by half this year.")).score).toBe(0);
  });

  test('a scale the extractor did not read: the text is the figure, and it matches the figure in English', async () => {
    const { claimFigures } = await import('../../src/matching/figures.js');
    const post = read('Governo gastou R$ 2 bilhões em publicidade');
    expect(post.quantity?.value).toBe(2); // what the extractor reads today; the matcher must not believe it
    expect(claimFigures(post, post.quantity!.unit).figures.map((f) => f.readings[0][0] > 1e9)).toEqual([true]);
    expect(scoreMatch(post, read('The government spent 2 billion reais on advertising.')).reasons).toContain('same_figure:2000000000');
    expect(scoreMatch(read('Die Schulden liegen bei 1,2 Billionen Euro'), read('The debt stands at 1.2 billion euros.')).reasons[0]).toMatch(/^figure_contradicts/);
    expect(scoreMatch(read('Die Schulden liegen bei 1,2 Billionen Euro'), read('The debt stands at 1.2 trillion euros.')).reasons).toContain('same_figure:1200000000000');
  });
});

describe('TermNumbers (the similarity compares words as numbers)', () => {
  test('one claim is numbered in one epoch: the numbering starts again before a claim that would overflow it', () => {
    const numbering = new TermNumbers(5);
    const a = numbering.numbers(new Set(['troops', 'border', 'massed']));
    expect([...a]).toEqual([0, 1, 2]);
    expect([...numbering.numbers(new Set(['border', 'troops']))]).toEqual([1, 0]);
    expect(numbering.epoch).toBe(0);
    // 3 numbered + 3 words > 5: a new epoch first, and all three words numbered in it.
    const b = numbering.numbers(new Set(['border', 'killed', 'civilians']));
    expect(numbering.epoch).toBe(1);
    expect([...b]).toEqual([0, 1, 2]);
    expect([...numbering.numbers(new Set(['civilians', 'troops']))]).toEqual([2, 3]);
  });
});

describe('multiples said in words', () => {
  test('"doubled" is not "tripled"; the same multiple said otherwise still matches; idioms are no multiples', () => {
    const tripled = statement('Halbrook Pharma tripled the price of its asthma inhaler.');
    const refused = scoreMatch(statement('Halbrook doubled the price of its asthma inhaler'), tripled);
    expect(refused).toMatchObject({ score: 0, reasons: ['different_multiple'] });
    expect(scoreMatch(statement('Halbrook inhalers cost 2x what they did'), tripled).reasons).toEqual(['different_multiple']);
    // The same multiple in other words: no refusal.
    for (const text of ['Halbrook asthma inhalers cost three times what they did', 'Halbrook inhaler price is 3x what it was. Shameful']) {
      expect(scoreMatch(statement(text), tripled).score).toBeGreaterThan(0);
    }
    // Not multiples: an idiom, a role, a schedule; nor a multiple on one side only.
    const doubled = statement('Oakrest doubled the tax on second homes.');
    for (const text of ['Oakrest doubles down on the tax on second homes', 'The Oakrest tax office doubled as a polling station',
      'Oakrest collects the tax on second homes twice a year']) {
      expect(scoreMatch(statement(text), doubled).reasons).not.toContain('different_multiple');
    }
    expect(differentMultiples('Rents doubled in two years', 'Rents rose sharply in two years')).toBe(false);
    expect(differentMultiples('Fares went up fourfold', 'Fares quadrupled')).toBe(false);
  });
});
