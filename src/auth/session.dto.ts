import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { SIGN_IN_OUTCOMES, type SignInOutcome } from './sign-in-attempt.entity.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';
import { ROLES, type Role } from './user.entity.js';

export class SignInDto {
  @ApiProperty({ example: 'alice' })
  @IsString() @MinLength(1) @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'password', description: 'The password, or the one-time password an admin gave.' })
  @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password', description: 'The password signed in with (the one-time password, at first sign-in).' })
  @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'Not the current one.' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `newPassword must be at most ${PASSWORD_MAX_LENGTH} characters long` })
  newPassword: string;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class SessionDto {
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;

  @ApiProperty({ description: 'Send it as the X-CSRF-Token header with every POST, PUT, PATCH and DELETE made with the session cookie.' })
  csrfToken: string;

  @ApiProperty({ description: 'true: every other route answers 403 password_change_required until POST /v1/auth/password.' })
  mustChangePassword: boolean;

  @ApiProperty({
    format: 'date-time',
    description: 'When the session ends if it is not used again: the earlier of its idle expiry (extended by use) and its absolute expiry.',
  })
  expiresAt: string;
}

export class SignInAttemptDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The name as typed (also names that match no user).' }) name: string;
  @ApiProperty({ description: 'Client address (X-Forwarded-For only from a proxy on loopback).' }) address: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user the name belongs to, if any.' }) userId: string | null;
  @ApiProperty({
    enum: SIGN_IN_OUTCOMES,
    description: 'success; invalid_credentials (wrong name or password, or disabled); role_refused (a consumer); throttled (refused with 429); pending (being checked).',
  })
  outcome: SignInOutcome;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SignInAttemptPageDto {
  @ApiProperty({ type: [SignInAttemptDto] }) items: SignInAttemptDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListSignInAttemptsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'alice' }) @IsOptional() @IsString() @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '203.0.113.7' }) @IsOptional() @IsString() @MaxLength(100)
  address?: string;

  @ApiPropertyOptional({ enum: SIGN_IN_OUTCOMES }) @IsOptional() @IsIn(SIGN_IN_OUTCOMES)
  outcome?: SignInOutcome;
}
