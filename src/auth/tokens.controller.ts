import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ProblemException } from '../common/problem.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from './auth.decorators.js';
import { CreatedTokenDto, CreateTokenDto, TokenDto } from './tokens.dto.js';
import { InvalidExpiry, resolveExpiry } from './token-expiry.js';
import { TokensService } from './tokens.service.js';

@ApiTags('tokens')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @ApiOperation({ operationId: 'createToken', summary: 'Create an API token (shown once)' })
  @Post()
  @ApiCreatedResponse({ type: CreatedTokenDto })
  async create(@Body() dto: CreateTokenDto, @CurrentUser() admin: Principal): Promise<CreatedTokenDto> {
    let expiresAt: Date | null;
    try {
      expiresAt = resolveExpiry(dto);
    } catch (err) {
      if (err instanceof InvalidExpiry) throw new ProblemException(HttpStatus.BAD_REQUEST, 'invalid_expiry', `${err.message}.`);
      throw err;
    }
    const created = await this.tokens.create(dto.name, dto.role, dto.label ?? 'default', admin.userId, expiresAt);
    return {
      id: created.tokenId, userId: created.userId, name: dto.name, role: dto.role, token: created.token,
      expiresAt: created.expiresAt?.toISOString() ?? null,
    };
  }

  @ApiOperation({ operationId: 'listTokens', summary: 'List API tokens' })
  @Get()
  @ApiOkResponse({ type: [TokenDto] })
  list(): Promise<TokenDto[]> {
    return this.tokens.list();
  }

  @ApiOperation({ operationId: 'revokeToken', summary: 'Revoke an API token at once' })
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked; requests with it get 401 from now on.' })
  revoke(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: Principal): Promise<void> {
    return this.tokens.revoke(id, admin.userId);
  }
}
