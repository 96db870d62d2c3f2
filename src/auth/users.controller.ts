import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from './auth.decorators.js';
import { CreatedUserDto, CreateUserDto, OneTimePasswordDto, UpdateUserDto, UserDto } from './users.dto.js';
import { UsersService } from './users.service.js';

/**
 * Admins create desk users (with a one-time password), reset passwords, list users, change roles, disable them.
 * Machine users are also created with their first token (POST /v1/tokens).
 */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ operationId: 'listUsers', summary: 'List users with their role and active tokens' })
  @Get()
  @ApiOkResponse({ type: [UserDto] })
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @ApiOperation({ operationId: 'createUser', summary: 'Create a desk user with a one-time password (shown once)' })
  @Post()
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiConflictResponse({ description: 'A user with this name exists (code user_exists).' })
  create(@Body() dto: CreateUserDto, @CurrentUser() admin: Principal): Promise<CreatedUserDto> {
    return this.users.create(dto.name, dto.role, admin.userId);
  }

  @ApiOperation({ operationId: 'resetUserPassword', summary: "Give a user a new one-time password and end their sessions" })
  @Post(':id/reset-password')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: OneTimePasswordDto, description: 'The user must set their own password at the next sign-in; their sessions have ended.' })
  @ApiConflictResponse({ description: 'Consumers have no desk password (code desk_not_allowed).' })
  resetPassword(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: Principal): Promise<OneTimePasswordDto> {
    return this.users.resetPassword(id, admin.userId);
  }

  @ApiOperation({ operationId: 'updateUser', summary: "Change a user's role, or disable them" })
  @Patch(':id')
  @ApiOkResponse({ type: UserDto, description: 'Effective on the user\'s next request; disabling ends their desk sessions.' })
  @ApiConflictResponse({ description: 'An admin demoting or disabling themselves.' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto, @CurrentUser() admin: Principal): Promise<UserDto> {
    return this.users.update(id, dto, admin.userId);
  }
}
