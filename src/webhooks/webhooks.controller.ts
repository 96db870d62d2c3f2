import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CreatedWebhookDto, CreateWebhookDto, DeliveryDto, WebhookDto } from './webhooks.dto.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiUnprocessableEntityResponse({ description: 'The url points at a private, loopback or link-local address.' })
  create(@Body() dto: CreateWebhookDto, @CurrentUser() admin: Principal): Promise<CreatedWebhookDto> {
    return this.webhooks.create(dto, admin.userId);
  }

  @Get()
  @ApiOkResponse({ type: [WebhookDto] })
  list(): Promise<WebhookDto[]> {
    return this.webhooks.list();
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: Principal): Promise<void> {
    return this.webhooks.remove(id, admin.userId);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({ type: [DeliveryDto] })
  deliveries(@Param('id', ParseUUIDPipe) id: string): Promise<DeliveryDto[]> {
    return this.webhooks.deliveries(id);
  }

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
