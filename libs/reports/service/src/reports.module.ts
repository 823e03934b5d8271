// The reports service (issue 7, item 2) as a Nest module: providers and a controller, nothing else.
import { Module, type DynamicModule } from '@nestjs/common';
import { ReportsController } from './http/reports.controller.js';
import { ReportsDatabase } from './infrastructure/reports-database.js';
import { ReportsConsumer } from './intake/reports-consumer.js';
import { ReportsProjection } from './intake/reports-projection.js';
import { LiveFeed } from './live/live-feed.js';
import { PortalConfigController } from './portal/portal-config.controller.js';
import { REPORTS_OPTIONS, resolveReportsOptions, type ReportsModuleOptions, type ResolvedReportsOptions } from './reports.options.js';
import { CustomerFiguresQueries } from './summary/customer-figures.queries.js';
import { CustomerReports } from './summary/customer-reports.js';
import { SeriesReports } from './series/series-reports.js';
import { SeriesQueries } from './series/series.queries.js';
import { SummaryReports } from './summary/summary-reports.js';
import { SummaryQueries } from './summary/summary.queries.js';

@Module({})
export class ReportsModule {
  static forRoot(options: ReportsModuleOptions): DynamicModule {
    return {
      module: ReportsModule,
      controllers: [ReportsController, PortalConfigController],
      providers: [
        { provide: REPORTS_OPTIONS, useValue: resolveReportsOptions(options) },
        {
          provide: ReportsDatabase,
          inject: [REPORTS_OPTIONS],
          useFactory: (resolved: ResolvedReportsOptions) => ReportsDatabase.open(resolved.pool, resolved.schema),
        },
        ReportsProjection,
        LiveFeed,
        ReportsConsumer,
        SummaryQueries,
        SummaryReports,
        CustomerFiguresQueries,
        CustomerReports,
        SeriesQueries,
        SeriesReports,
      ],
      exports: [SummaryReports, LiveFeed, ReportsDatabase],
    };
  }
}
