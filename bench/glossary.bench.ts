/**
 * Glossary speed: englishGloss over posts of about 300 characters in the six languages (own sentences, one core).
 *
 *   npm run bench glossary      (or node dist/bench/run.js glossary after a build)
 */
import { englishGloss } from '../src/matching/glossary.js';
// Type-only: a value import of run.js would wait on run.js's own top-level await (a cycle).
import type { Benchmark } from './run.js';

const POSTS = [
  'El Gobierno aprobó una subida del salario mínimo del 8% desde enero. Más de 300 muertos y 1.200 heridos tras el terremoto en Turquía, según las autoridades. El banco central subió la tasa de interés por tercera vez este año, dijo el ministro de Economía.',
  "Le gouvernement a annoncé une hausse de la taxe sur l'essence et le prix de l'électricité a doublé en un an. Plus de 10 000 soldats russes ont été tués en Ukraine depuis le début de la guerre, selon le ministère britannique de la Défense et des données officielles.",
  'Die Bundesregierung hat den Mindestlohn erhöht; laut Umfrage sind 60 Prozent dafür. Bei dem Erdbeben wurden mindestens 50 Menschen getötet. Die Arbeitslosenquote ist gestiegen, die Kinderarmut auch. Die Mieten in den Städten sind um 20 Prozent gestiegen.',
  'O governo federal proibiu a venda de carros a gasolina a partir de 2035, disse o ministro. A taxa de desemprego caiu para 6% e a inflação subiu, segundo o Banco Central do Brasil. Os incêndios florestais destruíram milhares de hectares na Amazônia.',
  'Il governo ha vietato i voli notturni: secondo il ministro, le emissioni sono calate del 20% in un anno. La Commissione europea ha approvato il nuovo vaccino contro il virus respiratorio. Il tasso di disoccupazione giovanile è salito al 25 per cento.',
  'De regering heeft het minimumloon verhoogd en de huurprijzen stijgen al twee jaar. Volgens de politie zijn er bij de aanslag twaalf doden gevallen en raakten veertig mensen gewond. De centrale bank verwacht dat de inflatie volgend jaar daalt.',
];

const glossarySpeed: Benchmark = {
  name: 'glossary',
  description: 'englishGloss over ~300-character posts in es, fr, de, pt, it, nl (one core)',
  run() {
    for (let i = 0; i < 2000; i++) for (const p of POSTS) englishGloss(p);
    let posts = 0;
    // CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < 2000) {
      for (const p of POSTS) englishGloss(p);
      posts += POSTS.length;
      elapsed = performance.now() - t0;
    }
    const cpu = process.cpuUsage(cpu0);
    const chars = POSTS.reduce((n, p) => n + p.length, 0) / POSTS.length;
    return {
      name: this.name,
      metrics: { 'posts/s': Math.round((posts / elapsed) * 1000), 'µs/post': Number(((elapsed * 1000) / posts).toFixed(2)),
        'cpu µs/post': Number(((cpu.user + cpu.system) / posts).toFixed(2)), 'chars/post': Math.round(chars) },
    };
  },
};

export const benchmarks: Benchmark[] = [glossarySpeed];
