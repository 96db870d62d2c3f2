import { Global, Module } from '@nestjs/common';
import { WebhookOutbox } from './webhook-outbox.service.js';
import { WebhookSecrets } from './webhook-secrets.service.js';
import { WebhookSender } from './webhook-sender.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Global so any domain can emit events through the outbox. */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [WebhookOutbox, WebhooksService, WebhookSender, WebhookSecrets],
  exports: [WebhookOutbox, WebhookSender, WebhookSecrets],
})
export class WebhooksModule {}
