/** Things, not people: counted nouns a harm verb does not turn into casualties. Everything is lowercase. */

/** "destroyed 50 tanks", "130 homes were damaged": property, kit and measures. */
export const NON_PERSON_NOUNS = new Set([
  'home', 'homes', 'house', 'houses', 'building', 'buildings', 'tank', 'tanks', 'vehicle', 'vehicles', 'car', 'cars',
  'truck', 'trucks', 'aircraft', 'plane', 'planes', 'jet', 'jets', 'ship', 'ships', 'vessel', 'vessels', 'boat', 'boats',
  'hectare', 'hectares', 'acre', 'acres', 'school', 'schools', 'hospital', 'hospitals', 'bridge', 'bridges', 'road', 'roads',
  'shop', 'shops', 'businesses', 'structure', 'structures', 'km', 'mile', 'miles', 'metre', 'metres', 'meter', 'meters',
  'ton', 'tons', 'tonne', 'tonnes', 'round', 'rounds', 'shell', 'shells', 'missile', 'missiles', 'drone', 'drones',
  'rocket', 'rockets', 'case', 'cases', 'vote', 'votes', 'job', 'jobs',
  // animals and plants are never casualties or displaced people: "killed 15 livestock", "uprooted 450 vine seedlings"
  'livestock', 'cattle', 'cow', 'cows', 'sheep', 'goat', 'goats', 'camel', 'camels', 'donkey', 'donkeys', 'horse', 'horses',
  'mule', 'mules', 'poultry', 'chickens', 'hens', 'animals', 'herd', 'herds', 'flock', 'flocks', 'beehives', 'hives',
  'seedlings', 'saplings', 'trees', 'vines', 'crops', 'plants', 'dunams', 'dunums', 'donums', 'fields', 'farms',
  'motorcycles', 'tents', 'wells', 'heads',
]);

/** What "killed" means ended, not died, for: "the company killed 3 projects", "killed two bills". */
export const OTHER_SENSE_OBJECTS = new Set([
  'projects', 'project', 'bills', 'bill', 'deals', 'deal', 'proposals', 'proposal', 'plans', 'plan', 'programmes',
  'programs', 'products', 'features', 'shows', 'series', 'stories', 'ideas', 'amendments', 'measures', 'jobs', 'games',
  'apps', 'services', 'contracts', 'talks', 'initiatives', 'schemes', 'lines', 'models',
]);
