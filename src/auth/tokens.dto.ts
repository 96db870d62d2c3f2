import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from './user.entity.js';

export class CreateTokenDto {
  @ApiProperty({ description: 'User name; the user is created with this role if new.', example: 'alice' })
  @IsString() @Matches(/^[\w.@-]{1,100}$/, { message: 'name may use letters, digits, _ . @ - (1–100)' })
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'A label for this token, e.g. the machine that uses it.', example: 'cms-integration' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  label?: string;

  @ApiPropertyOptional({ description: 'The token expires this long after creation: a number and a unit s, m, h, d or w. Not with expiresAt.', example: '90d' })
  @IsOptional() @IsString() @MaxLength(20)
  expiresIn?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'The token expires at this time (in the future). Not with expiresIn.', example: '2027-03-01T00:00:00Z' })
  @IsOptional() @IsString() @MaxLength(40)
  expiresAt?: string;
}

export class CreatedTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ description: 'The bearer token. Shown once: only its hash is stored.' }) token: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: does not expire.' }) expiresAt: string | null;
}

export class TokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'First characters, to recognise a token.' }) prefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: does not expire.' }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last request made with it; up to a minute stale.' })
  lastUsedAt: string | null;
}
