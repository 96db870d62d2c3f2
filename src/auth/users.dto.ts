import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, ValidateIf } from 'class-validator';
import { DESK_ROLES, ROLES, type Role } from './user.entity.js';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when disabled: every token is refused.' })
  disabledAt: string | null;
  @ApiProperty({ description: 'Tokens not revoked.' }) activeTokens: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Can sign in to the desk (has a password, possibly a one-time one).' }) hasPassword: boolean;
  @ApiProperty({ description: 'Holds a one-time password: must set their own at the next sign-in.' }) mustChangePassword: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last successful desk sign-in.' }) lastSignInAt: string | null;
  @ApiProperty({ description: 'Desk sessions not ended (some may have expired without signing out).' }) activeSessions: number;
}

export class CreateUserDto {
  @ApiProperty({ example: 'alice' })
  @IsString() @Matches(/^[\w.@-]{1,100}$/, { message: 'name may use letters, digits, _ . @ - (1–100)' })
  name: string;

  @ApiProperty({ enum: DESK_ROLES, description: 'A desk role; consumers are machines and get tokens (POST /v1/tokens).' })
  @IsIn(DESK_ROLES)
  role: Role;
}

export class CreatedUserDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ description: 'Give it to the person: it signs them in until they set their own password, which the desk asks for first. Shown once.' })
  oneTimePassword: string;
}

export class OneTimePasswordDto {
  @ApiProperty({ description: 'The new one-time password; the user must set their own at the next sign-in. Shown once.' })
  oneTimePassword: string;
}

/** What an admin may change about a user; both take effect on the user's next request. */
export class UpdateUserDto {
  // Absent means unchanged; null is not a value (hence ValidateIf, not IsOptional, which lets null through).
  @ApiPropertyOptional({ enum: ROLES }) @ValidateIf((_o, v) => v !== undefined) @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'true: refuse every token of this user at once; false: let them back in.' })
  @ValidateIf((_o, v) => v !== undefined) @IsBoolean()
  disabled?: boolean;
}
