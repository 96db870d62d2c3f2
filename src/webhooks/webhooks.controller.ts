import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { KeysetPageQuery } from '../common/pagination.js';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CreatedWebhookDto, CreateWebhookDto, DeliveryDto, RotatedSecretDto, RotateSecretDto, UpdateWebhookDto, WebhookDto } from './webhooks.dto.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @ApiOperation({ operationId: 'createWebhook', summary: 'Register a webhook (its secret is shown once)' })
  @Post()
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiUnprocessableEntityResponse({ description: 'The url points at a private, loopback or link-local address.' })
  create(@Body() dto: CreateWebhookDto, @CurrentUser() admin: Principal): Promise<CreatedWebhookDto> {
    return this.webhooks.create(dto, admin.userId);
  }

  @ApiOperation({ operationId: 'listWebhooks', summary: 'List webhooks' })
  @Get()
  @ApiOkResponse({ type: [WebhookDto] })
  list(): Promise<WebhookDto[]> {
    return this.webhooks.list();
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateWebhook', summary: 'Change the url or the events of a webhook' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'No webhook with this id.' })
  @ApiUnprocessableEntityResponse({ description: 'The new url points at a private, loopback or link-local address, or does not resolve.' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWebhookDto, @CurrentUser() admin: Principal): Promise<WebhookDto> {
    return this.webhooks.update(id, dto, admin.userId);
  }

  @Post(':id/rotate-secret')
  @ApiOperation({ operationId: 'rotateWebhookSecret', summary: 'Issue a new webhook secret; the old one keeps signing for an overlap' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: RotatedSecretDto, description: 'The new secret, shown once; the previous one signs too until previousSecretExpiresAt.' })
  @ApiNotFoundResponse({ description: 'No webhook with this id.' })
  rotateSecret(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RotateSecretDto, @CurrentUser() admin: Principal): Promise<RotatedSecretDto> {
    return this.webhooks.rotateSecret(id, dto.overlapSeconds, admin.userId);
  }

  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Delete a webhook' })
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: Principal): Promise<void> {
    return this.webhooks.remove(id, admin.userId);
  }

  @ApiOperation({ operationId: 'listWebhookDeliveries', summary: "List a webhook's deliveries with their attempts, newest first", description: 'Keyset-paged: send the X-Next-Cursor header of a page back as `cursor` (or follow its Link rel="next").' })
  @Get(':id/deliveries')
  @ApiOkResponse({
    type: [DeliveryDto],
    description: 'One page (limit, default 50). When there are older deliveries, the next page is named by the Link (rel="next") and X-Next-Cursor headers; on the last page both are absent.',
    headers: {
      Link: { description: 'Present when there is a next page: `</v1/webhooks/{id}/deliveries?limit=N&cursor=C>; rel="next"`.', schema: { type: 'string' } },
      'X-Next-Cursor': { description: 'Present when there is a next page: send it back as `cursor`.', schema: { type: 'string' } },
    },
  })
  @ApiBadRequestResponse({ description: 'limit out of 1–200, or a cursor this API did not issue for this list (invalid_cursor).' })
  @ApiNotFoundResponse({ description: 'No webhook with this id.' })
  async deliveries(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: KeysetPageQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<DeliveryDto[]> {
    const limit = query.limit ?? 50;
    const page = await this.webhooks.deliveries(id, limit, query.cursor);
    if (page.nextCursor) {
      res.header('Link', `</v1/webhooks/${id}/deliveries?limit=${limit}&cursor=${page.nextCursor}>; rel="next"`);
      res.header('X-Next-Cursor', page.nextCursor);
    }
    return page.items;
  }

  @ApiOperation({ operationId: 'redeliverWebhookDelivery', summary: 'Send a delivery again' })
  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOkResponse({ type: DeliveryDto })
  @ApiConflictResponse({ description: 'An attempt of this delivery is still running after WEBHOOK_TIMEOUT_MS and a second (it is waited for up to then).' })
  redeliver(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
    @CurrentUser() admin: Principal,
  ): Promise<DeliveryDto> {
    return this.webhooks.redeliver(id, deliveryId, admin.userId);
  }
}
