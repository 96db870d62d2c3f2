import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RecheckService } from './recheck.service.js';

/** Living verdicts' one path (RecheckService), shared by the API (verdicts, sources) and the worker (extraction, expiry). */
@Module({ imports: [NotificationsModule], providers: [RecheckService], exports: [RecheckService] })
export class RecheckModule {}
