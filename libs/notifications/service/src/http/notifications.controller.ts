// GET /api/v1/notifications — ITC staff see every notification with its status and attempts.
import { ApiProblemResponse, Roles, ValidQuery } from '@billing/gateway';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ListNotificationsQuery } from './list-notifications.query.js';
import { NotificationsQueries } from './notifications.queries.js';
import { NotificationsPage } from './notifications.responses.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsQueries) private readonly queries: NotificationsQueries) {}

  @Get()
  @ApiOperation({ summary: 'Every notification (e-mail) with its status and delivery attempts, newest first; filters and cursor pagination' })
  @Roles('admin')
  @ApiResponse({ status: 200, standardSchema: NotificationsPage })
  @ApiProblemResponse(400, 'invalid filter or cursor', ['validation', 'invalid_cursor'])
  list(@ValidQuery(ListNotificationsQuery) query: ListNotificationsQuery): Promise<NotificationsPage> {
    return this.queries.list(query);
  }
}
