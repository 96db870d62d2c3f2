import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { ListNotificationsQuery, MarkReadDto, MarkReadResultDto, NotificationPageDto } from './notifications.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('editor')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOperation({ operationId: 'listNotifications', summary: 'Your notifications (mentions, your verdicts rejected), newest first' })
  @Get()
  @ApiOkResponse({ type: NotificationPageDto, description: 'Keyset-paged: send nextCursor back as cursor. `unread` counts all your unread ones.' })
  list(@Query() query: ListNotificationsQuery, @CurrentUser() user: Principal): Promise<NotificationPageDto> {
    return this.notifications.list(user.userId, query);
  }

  @ApiOperation({ operationId: 'markNotificationsRead', summary: 'Mark some or all of your notifications read' })
  @Post('read')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MarkReadResultDto, description: 'Ids that are not yours, or already read, are left alone (not counted in marked).' })
  markRead(@Body() dto: MarkReadDto, @CurrentUser() user: Principal): Promise<MarkReadResultDto> {
    return this.notifications.markRead(user.userId, dto);
  }
}
