import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from './auth.decorators.js';
import { UpdateUserDto, UserDto } from './users.dto.js';
import { UsersService } from './users.service.js';

/** Users are created with their first token (POST /v1/tokens); here admins list them, change roles, disable them. */
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

  @ApiOperation({ operationId: 'updateUser', summary: "Change a user's role, or disable them" })
  @Patch(':id')
  @ApiOkResponse({ type: UserDto, description: 'Effective on the user\'s next request.' })
  @ApiConflictResponse({ description: 'An admin demoting or disabling themselves.' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto, @CurrentUser() admin: Principal): Promise<UserDto> {
    return this.users.update(id, dto, admin.userId);
  }
}
