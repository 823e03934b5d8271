import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { HttpResponse } from '../http-types.js';
import { Public } from '../auth/decorators.js';
import { HealthService, type HealthReport } from './health.service.js';

/** `GET /health` (outside /api/v1): 200 `ok`, 503 `degraded`. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: database, transport and registered components.' })
  @ApiResponse({ status: 200, description: 'status ok' })
  @ApiResponse({ status: 503, description: 'status degraded: a component is down' })
  async get(@Res({ passthrough: true }) response: HttpResponse): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'ok' ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return report;
  }
}
