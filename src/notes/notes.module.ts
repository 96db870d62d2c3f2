import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NotesController } from './notes.controller.js';
import { NotesService } from './notes.service.js';

@Module({ imports: [NotificationsModule], controllers: [NotesController], providers: [NotesService] })
export class NotesModule {}
