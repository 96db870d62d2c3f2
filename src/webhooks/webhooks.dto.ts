import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsUrl, Max, Min, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhook-outbox.service.js';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://cms.example.org/hooks/claimcheck' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];
}

/** PATCH: url, events or both, validated as at creation. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}

export const DEFAULT_SECRET_OVERLAP_SECONDS = 24 * 3600;
export const MAX_SECRET_OVERLAP_SECONDS = 7 * 24 * 3600;

export class RotateSecretDto {
  @ApiPropertyOptional({
    description: `How long the previous secret keeps signing deliveries beside the new one; 0 retires it at once. Default ${DEFAULT_SECRET_OVERLAP_SECONDS} (24 h).`,
    minimum: 0, maximum: MAX_SECRET_OVERLAP_SECONDS,
  })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_SECRET_OVERLAP_SECONDS)
  overlapSeconds?: number;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: WebhookEvent[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'While set, the previous secret still signs deliveries too (after a rotation).' })
  previousSecretExpiresAt: string | null;
}

const SECRET_DESCRIPTION = 'Shown once. `whsec_<base64>`: the key of Claimcheck-Signature (the whole string) and of the Standard Webhooks `webhook-signature` (the base64 part, as Standard Webhooks libraries take it).';

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: SECRET_DESCRIPTION }) secret: string;
}

export class RotatedSecretDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: SECRET_DESCRIPTION }) secret: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until then the previous secret signs too; null when overlapSeconds was 0.' })
  previousSecretExpiresAt: string | null;
}

export class DeliveryAttemptDto {
  @ApiProperty() attempt: number;
  @ApiProperty({ type: Number, nullable: true }) statusCode: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also sent as Claimcheck-Delivery: de-duplicate on it.' }) id: string;
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event: WebhookEvent;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatusCode: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: Object }) payload: Record<string, unknown>;
  @ApiProperty({ type: [DeliveryAttemptDto] }) attemptLog: DeliveryAttemptDto[];
}
