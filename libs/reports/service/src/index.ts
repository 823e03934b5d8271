// @billing/reports-service — reports for ITC and agents (issue 7, item 2): consumes
// accounts.events.v1, wallet.events.v1 and rating.events.v1 into read models of its own (schema
// `reports`), answers GET /api/v1/reports/summary and streams GET /api/v1/reports/live (SSE).
export { ReportsModule } from './reports.module.js';
export { DEFAULT_LIVE, REPORTS_OPTIONS, resolveReportsOptions, type LiveOptions, type ReportsModuleOptions, type ResolvedReportsOptions } from './reports.options.js';
export { ReportsDatabase } from './infrastructure/reports-database.js';
export { LiveFeed, type LiveFeedStatus } from './live/live-feed.js';
export { LIVE_EVENT_NAMES, type LiveEventName, type LiveItem } from './live/live-item.js';
export { SummaryReports } from './summary/summary-reports.js';
export type { SectionView, AgentSectionView, SummaryView, DestinationView, CountAmount } from './summary/summary-view.js';
