import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
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

  @ApiOperation({ operationId: 'listWebhookDeliveries', summary: "List a webhook's deliveries with their attempts" })
  @Get(':id/deliveries')
  @ApiOkResponse({ type: [DeliveryDto] })
  deliveries(@Param('id', ParseUUIDPipe) id: string): Promise<DeliveryDto[]> {
    return this.webhooks.deliveries(id);
  }

  @ApiOperation({ operationId: 'redeliverWebhookDelivery', summary: 'Send a delivery again' })
  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOkResponse({ type: DeliveryDto })
  redeliver(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
    @CurrentUser() admin: Principal,
  ): Promise<DeliveryDto> {
    return this.webhooks.redeliver(id, deliveryId, admin.userId);
  }
}
