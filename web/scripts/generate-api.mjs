// Generates the desk's typed API client from the OpenAPI document of this checkout (run by `npm run build`).
// A changed endpoint changes the generated types, so the web type-check fails at build time, not in a user's hands.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';

const web = join(import.meta.dirname, '..');
const spec = join(web, '.api', 'openapi.json');
mkdirSync(join(web, '.api'), { recursive: true });
execFileSync(process.execPath, [join(web, '..', 'dist', 'src', 'app', 'export-openapi.js'), spec], { stdio: 'inherit' });
await createClient({
  input: spec,
  output: join(web, 'src', 'api', 'generated'),
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk', '@tanstack/react-query'],
  logs: { level: 'silent' },
});
