import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { HttpResponse } from '../http-types.js';
import { Public } from '../auth/decorators.js';
import { HealthService, type HealthReport } from './health.service.js';

const Component = z.looseObject({ status: z.enum(['up', 'down', 'unknown']) }).meta({ description: "a component's status and its own details" });
/** The report both answers carry (HealthReport): database, transport, and each registered component by name. */
const HealthResponse = z.looseObject({
  status: z.enum(['ok', 'degraded']),
  uptimeSeconds: z.number().int(),
  database: Component,
  transport: Component.extend({ mode: z.enum(['in-process', 'kafka']) }),
});

/** `GET /health` (outside /api/v1): 200 `ok`, 503 `degraded`. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: database, transport and registered components.' })
  @ApiResponse({ status: 200, description: 'status ok', standardSchema: HealthResponse })
  @ApiResponse({ status: 503, description: 'status degraded: a component is down', standardSchema: HealthResponse })
  async get(@Res({ passthrough: true }) response: HttpResponse): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'ok' ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return report;
  }
}
