import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** One dependency's state by name; Redis adds the extraction queue's job counts (waiting, active, delayed, failed). */
const indicators = (description: string, example: object): ApiPropertyOptions => ({
  type: 'object',
  description,
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string', description: 'Why it is down.' } },
    additionalProperties: true,
  },
  example,
});

const ALL_UP = { database: { status: 'up' }, redis: { status: 'up', waiting: 0, active: 1, delayed: 0, failed: 0 } };

/** The readiness answer (@nestjs/terminus). */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status: string;
  @ApiProperty(indicators('The dependencies that are up.', ALL_UP)) info: Record<string, { status: string }>;
  @ApiProperty(indicators('The dependencies that are down (empty when ready).', {})) error: Record<string, { status: string }>;
  @ApiProperty(indicators('Every dependency.', ALL_UP)) details: Record<string, { status: string }>;
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}
