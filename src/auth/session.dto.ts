import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
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
