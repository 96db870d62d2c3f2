import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { ROLES, type Role } from './user.entity.js';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when disabled: every token is refused.' })
  disabledAt: string | null;
  @ApiProperty({ description: 'Tokens not revoked.' }) activeTokens: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
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
