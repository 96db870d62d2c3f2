/** The bilingual glossary (src/matching/glossary.ts): foreign news words read as English words. Own sentences only. */
import { describe, expect, test } from '@jest/globals';
import { englishGloss, englishNameForm, expandForms, glossaryStats, glossedQuery, glossFor } from '../../src/matching/glossary.js';

const words = (gloss: string) => gloss.split(' ').filter((w) => w.length > 0);

describe('glossary: how it reads', () => {
  test('a phrase wins over its words, the longest phrase first', () => {
    expect(englishGloss('el banco central')).toBe('central bank');
    expect(englishGloss('le taux de chômage')).toBe('unemployment rate');
    expect(englishGloss('el presidente del gobierno')).toBe('prime minister');
    expect(englishGloss('el presidente')).toBe('president');
    expect(englishGloss('el salario mínimo')).toBe('minimum wage');
    expect(englishGloss('el salario')).toBe('salary');
    expect(englishGloss('a taxa de desemprego')).toBe('unemployment rate');
    expect(englishGloss('il prodotto interno lordo')).toBe('GDP');
    // "cessez-le-feu" and "primeiro-ministro" are phrases of their hyphenated parts.
    expect(englishGloss('un cessez-le-feu')).toBe('ceasefire');
    expect(englishGloss('o primeiro-ministro')).toBe('prime minister');
  });

  test('case and accents do not matter', () => {
    for (const t of ['INFLACIÓN', 'inflacion', 'Inflación']) expect(englishGloss(t)).toBe('inflation');
    for (const t of ['hôpital', 'HOPITAL', 'Hôpital']) expect(englishGloss(t)).toBe('hospital');
    for (const t of ['Straße', 'strasse', 'STRASSE']) expect(englishGloss(t)).toBe('road');
    expect(englishGloss('Bundesregierung')).toBe('federal government');
    expect(englishGloss('BUNDESREGIERUNG')).toBe('federal government');
  });

  test('words are matched whole, on word boundaries', () => {
    // "ley" is a Spanish law; "leyenda" (legend) is not.
    expect(englishGloss('la nueva ley')).toBe('new law');
    expect(englishGloss('una leyenda')).toBe('');
    expect(englishGloss("l'inflation")).toBe('inflation');
  });

  test('each English reading once, in the order met; nothing known gives ""', () => {
    expect(englishGloss('muertos, muertos y más muertos')).toBe('dead');
    expect(englishGloss('hospital ... vacuna ... hospital')).toBe('hospital vaccine');
    expect(englishGloss('')).toBe('');
    expect(englishGloss('1.200 / 3,5 % — 2024')).toBe('');
    expect(englishGloss('Hola, ¿qué tal?')).toBe('');
  });

  test('braces expand to every form', () => {
    expect(expandForms('prohibid{o,a,os,as}')).toEqual(['prohibido', 'prohibida', 'prohibidos', 'prohibidas']);
    expect(expandForms('coche{,s} eléctrico{,s}')).toEqual(['coche eléctrico', 'coche eléctricos', 'coches eléctrico', 'coches eléctricos']);
    expect(expandForms('ley')).toEqual(['ley']);
  });

  test('inflections: plural, feminine, past participle, past tense', () => {
    for (const t of ['prohibido', 'prohibida', 'prohibidos', 'prohibió', 'interdit', 'interdite', 'verboten', 'Verbot', 'proibido', 'proibiu', 'vietato', 'vietata', 'verboden']) {
      expect(englishGloss(t)).toBe('ban');
    }
    for (const t of ['aprobó', 'approuvée', 'genehmigt', 'aprovada', 'approvato', 'goedgekeurd']) expect(englishGloss(t)).toBe('approved');
  });
});

describe('glossary: German and Dutch compounds', () => {
  test('compounds the glossary holds whole', () => {
    expect(englishGloss('Mindestlohn')).toBe('minimum wage');
    expect(englishGloss('Arbeitslosenquote')).toBe('unemployment rate');
    expect(englishGloss('minimumloon')).toBe('minimum wage');
  });

  test('long compounds read by their known parts, with a linking "s"', () => {
    expect(englishGloss('Kinderarmut')).toBe('children poverty');
    expect(englishGloss('Gesundheitsminister')).toBe('health minister');
    expect(englishGloss('Flüchtlingslager')).toBe('refugee camp');
    expect(englishGloss('Benzinpreise')).toBe('petrol prices');
    expect(englishGloss('Polizeigewalt')).toBe('police violence');
    expect(englishGloss('Bundestagswahl')).toBe('parliament election');
    expect(englishGloss('belastingverhoging')).toBe('tax increase');
    expect(englishGloss('huizenprijzen')).toBe('home prices');
  });

  test('a compound with an unknown part, or a short one, is left alone', () => {
    expect(englishGloss('Bundesliga')).toBe('');
    expect(englishGloss('Verbrennerverbot')).toBe('');
    expect(englishGloss('Donaudampfschifffahrt')).toBe('');
    // 9 letters: under the length where compounds are split.
    expect(englishGloss('Mietpreis')).toBe('');
  });
});

describe('glossary: sentences in each language', () => {
  const cases: Array<[string, string, string]> = [
    ['es', 'El Gobierno aprobó una subida del salario mínimo del 8% desde enero.', 'government approved rise minimum wage since'],
    ['es', 'Más de 300 muertos y 1.200 heridos tras el terremoto en Turquía, según las autoridades.', 'dead injured earthquake Turkey authorities'],
    ['es', 'El banco central subió la tasa de interés por tercera vez este año.', 'central bank rose interest rate year'],
    ['fr', "Le gouvernement a annoncé une hausse de la taxe sur l'essence et le prix de l'électricité a doublé en un an.", 'government announced rise tax petrol gasoline electricity prices doubled'],
    ['fr', 'Plus de 10 000 soldats russes ont été tués en Ukraine depuis le début de la guerre.', 'soldiers Russian killed Ukraine since war'],
    ['fr', 'Le taux de chômage a baissé à 7 % selon les données officielles.', 'unemployment rate fell data'],
    ['de', 'Die Bundesregierung hat den Mindestlohn erhöht; laut Umfrage sind 60 Prozent dafür.', 'federal government minimum wage raised poll percent'],
    ['de', 'Bei dem Erdbeben wurden mindestens 50 Menschen getötet und Hunderte verletzt.', 'earthquake people killed hundreds injured'],
    ['de', 'Die Arbeitslosenquote ist im Jahr 2024 gestiegen, die Inflation gesunken.', 'unemployment rate year rose inflation fell'],
    ['pt', 'O governo federal proibiu a venda de carros a gasolina a partir de 2035, disse o ministro.', 'federal government ban cars petrol gasoline said minister'],
    ['pt', 'A taxa de desemprego caiu para 6% e a inflação subiu, segundo o Banco Central.', 'unemployment rate fell inflation rose central bank'],
    ['pt', 'Os incêndios florestais destruíram milhares de hectares na Amazônia.', 'wildfire thousands'],
    ['it', 'Il governo ha vietato i voli notturni: secondo il ministro, le emissioni sono calate del 20% in un anno.', 'government ban flights minister emissions fell year'],
    ['it', 'La Commissione europea ha approvato il nuovo vaccino: secondo lo studio riduce i ricoveri in ospedale.', 'European Commission approved new vaccine study reduced hospitalizations hospital'],
    ['it', 'Il tasso di disoccupazione giovanile è salito al 25 per cento.', 'unemployment rate rose percent'],
    ['nl', 'De regering heeft het minimumloon verhoogd en de huurprijzen stijgen al twee jaar.', 'government minimum wage raised rent rise year'],
    ['nl', 'Volgens de politie zijn er bij de aanslag twaalf doden gevallen en raakten veertig mensen gewond.', 'police attack dead people injured'],
    ['nl', 'De centrale bank verwacht dat de inflatie volgend jaar daalt.', 'central bank inflation year fall'],
  ];
  test.each(cases)('%s: %s', (_language, text, english) => {
    expect(englishGloss(text)).toBe(english);
  });

  test('diseases, and a place name in the form English writes it', () => {
    expect(englishGloss('340 cas de rougeole depuis janvier')).toContain('measles');
    expect(englishGloss('Masern-Ausbruch: 75 Fälle')).toContain('measles');
    expect(glossedQuery('Sorvénie : 340 cas de rougeole depuis janvier')).toMatch(/^Sorvénie sorvenia .*measles/);
    expect(englishNameForm('Slowenien')).toBe('slowenia');
    expect(englishNameForm('Sorvénia')).toBe('sorvenia');
    expect(englishNameForm('Talvik')).toBe('talvik');
    expect(englishNameForm('Lie')).toBe('lie'); // (five letters at least)
  });

  test('tripled and doubled, in each language', () => {
    for (const text of ['Wrenholm triplicó las tarifas', 'Wrenholm a triplé les tarifs', 'Wrenholm verdreifacht die Gebühren', 'Wrenholm triplicou as tarifas', 'Wrenholm ha triplicato le tariffe', 'Wrenholm heeft de tarieven verdrievoudigd']) {
      expect(englishGloss(text)).toContain('tripled');
    }
    expect(englishGloss('Wrenholm duplica las tarifas')).toContain('doubled');
  });

  test('glossFor reads the six languages (Dutch, and sentences with few of the function words figures.ts counts, through its own list)', () => {
    for (const [, text, english] of cases) expect(glossFor(text)).toBe(english);
  });
});

describe('glossary: nothing misleading', () => {
  const ENGLISH = [
    'The government said on Monday that inflation fell to 3 percent and the central bank will hold interest rates.',
    'More than 10,000 soldiers were killed in the war, and the president announced a ceasefire.',
    'Police arrested two men after the attack; hospitals treated 40 injured people.',
    'A new law bans plastic bags from next year, the minister told parliament.',
    'Electric cars were 20% of sales in 2024 as the price of petrol rose.',
    // Foreign names do not make an English text foreign.
    'Marine Le Pen and the mayor of Los Angeles met in La Paz, where he said the deal was done.',
  ];
  test('an English text is not glossed', () => {
    for (const text of ENGLISH) expect(glossFor(text)).toBe('');
  });

  test('even read as foreign, English yields only words of the same meaning', () => {
    // Words that are spelled alike in English and one of the languages and mean the same ("inflation", "minister").
    const SAME = new Set([
      'inflation', 'percent', 'central', 'bank', 'president', 'war', 'ceasefire', 'police', 'attack', 'law', 'plastic',
      'minister', 'parliament', 'electric', 'cars', 'prices', 'petrol', 'gasoline', 'year', 'soldiers', 'hospital', 'new',
      'interest', 'rate', 'sales', 'announced', 'rose', 'killed', 'injured', 'people', 'record',
    ]);
    for (const text of ENGLISH) for (const w of words(englishGloss(text))) expect(SAME).toContain(w);
  });

  test('false friends and spellings with two meanings are left out', () => {
    // German "will", "war", "Kind", "Brand", "Gift", "Rat"; French "car", "pain", "son"; Dutch "meer", "wet", "dit".
    for (const w of ['will', 'war', 'Kind', 'Brand', 'Gift', 'also', 'hat', 'die', 'car', 'pain', 'son', 'sale', 'meer', 'wet', 'dit', 'staat', 'burger', 'Männer']) {
      expect(englishGloss(w)).toBe('');
    }
    // Portuguese "lei" is law, Italian "lei" is she; Spanish "país" is country, Portuguese "pais" are parents.
    expect(englishGloss('lei ha detto')).toBe('said');
    expect(englishGloss('los pais')).toBe('');
    // Spanish "paro" is both unemployment and a strike; "queda" is a fall in Portuguese and "remains" in Spanish.
    expect(englishGloss('paro')).toBe('');
    expect(englishGloss('queda')).toBe('');
    // The phrases that hold such a word still count.
    expect(englishGloss('o projeto de lei')).toBe('bill');
    expect(englishGloss('la tasa de paro')).toBe('unemployment rate');
  });

  test('no function word of the six languages or of English is glossed', () => {
    const FUNCTION_WORDS = `
      el la los las un una unos unas y o de del al en con por para sin sobre entre que como más mas pero muy ya no sí se su sus lo le les este esta estos estas ese esa eso hay fue ha han es son está están ser era
      le la les un une des du de et ou en dans sur pour par avec sans que qui ne pas plus ce cette ces son sa ses leur leurs il elle ils elles on nous vous est sont a ont été être au aux se y
      der die das den dem des ein eine einen einem einer und oder in im an am auf aus bei mit nach von vor zu zum zur für über unter um durch gegen ohne ist sind war waren hat haben wird werden wurde wurden nicht auch noch nur schon sehr es er sie wir ihr sich dass als wie
      o a os as um uma uns umas e ou de do da dos das em no na nos nas por pelo pela para com sem que como mais mas muito já não sim se seu sua é são foi foram ser está estão há ao aos à às
      il lo la i gli le un uno una e o di del della dei degli delle in nel nella con su per tra fra che come più ma molto già non sì se suo sua è sono era stato ha hanno al alla ai agli alle da dal dalla lei lui
      de het een en of van in op te aan met voor door naar bij uit om over tot is zijn was waren heeft hebben wordt worden werd niet ook nog maar al dat die dit deze er hij zij ze wij we ik je u meer
      the a an and or of to in on at by for with from as is was were are be been has have had will would not this that these those it its they their he she we you i said than more all who`;
    for (const w of FUNCTION_WORDS.split(/\s+/).filter((x) => x.length > 0)) expect([w, englishGloss(w)]).toEqual([w, '']);
  });
});

describe('glossary: coverage', () => {
  test('no spelling has two readings, and each language has the whole vocabulary', () => {
    const stats = glossaryStats();
    expect(stats.conflicts).toEqual([]);
    for (const counts of Object.values(stats.counts)) {
      expect(counts.concepts).toBeGreaterThanOrEqual(150);
      expect(counts.entries).toBeGreaterThanOrEqual(500);
    }
  });
});
