import { Module } from '@nestjs/common';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor.js';

/** The worker side: the delivery processor. */
@Module({ providers: [WebhookDeliveryProcessor] })
export class WebhooksWorkerModule {}
