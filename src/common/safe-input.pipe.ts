import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { invalidInput, type FieldError } from './problem.js';

/** Keys that reach an object's prototype machinery; JSON.parse makes them own properties that the DTO whitelist never sees. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const unknownField = (path: string) => `${path} should not exist`;

/**
 * Runs before the ValidationPipe on every body, query and route parameter: refuses strings with NUL
 * characters (Postgres cannot store them in text, so they would end as a 500) and prototype keys, naming
 * the path of each (`figure.asOf`, `sourceIds[1]`). One walk over what the client sent, so no DTO field
 * can forget it.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems: FieldError[] = [];
    inspect(value, metadata.data ?? '', problems);
    if (problems.length > 0) throw invalidInput(problems);
    return value;
  }
}

function inspect(value: unknown, path: string, problems: FieldError[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push({ field: path || 'body', message: `${path || 'body'} must not contain NUL characters` });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => inspect(item, `${path}[${i}]`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) problems.push({ field: at, message: unknownField(at) });
      else inspect(item, at, problems);
    }
  }
}
