// GET /reports/summary behind the controller: who may see what, the range, the figures.
import { notFound, validationProblem, type Principal } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import { REPORTS_OPTIONS, type ResolvedReportsOptions } from '../reports.options.js';
import { TOP_DESTINATIONS, type SummaryQuery } from '../http/reports.schemas.js';
import { resolveReportRange, type ReportRange } from './report-range.js';
import { summaryView, type SummaryView } from './summary-view.js';
import { customerScopeView, type CustomerScopeRequest } from './customer-scope.js';
import { SummaryQueries } from './summary.queries.js';

export interface ReportScope {
  range: ReportRange;
  /** undefined = every agent (admin). */
  agentId: string | undefined;
}

@Injectable()
export class SummaryReports {
  constructor(
    @Inject(REPORTS_OPTIONS) private readonly options: ResolvedReportsOptions,
    @Inject(SummaryQueries) private readonly queries: SummaryQueries,
  ) {}

  async summary(user: Principal, query: SummaryQuery): Promise<SummaryView> {
    const { range, agentId } = await this.scope(user, query);
    const customer = await this.customerScope(query, agentId);
    const data = await this.queries.load({
      range,
      agentId,
      topBy: query.topBy,
      topLimit: TOP_DESTINATIONS,
      perAgent: agentId === undefined,
      ...(customer === undefined ? {} : { customer }),
    });
    const view = summaryView(data, { range, topBy: query.topBy, agentId });
    return customer === undefined || data.customer === null ? view : { ...view, customer: customerScopeView(data.customer, customer) };
  }

  /**
   * Every report's first step (summary, customers, series): the range asked — 400 when invalid or
   * too long — then the agent the caller may see (visibleAgent).
   */
  async scope(user: Principal, query: { from?: string | undefined; to?: string | undefined; agentId?: string | undefined }): Promise<ReportScope> {
    const resolved = resolveReportRange(query, this.options.clock(), this.options.maxRangeDays);
    if (!resolved.ok) throw validationProblem('query', [{ path: resolved.path, message: resolved.message }]);
    return { range: resolved.range, agentId: await this.visibleAgent(user, query.agentId) };
  }

  /**
   * `?customerId=` within the caller's scope: its customer now, or one that has calls rated for it
   * (a customer that changed agents); else a 404. With an agent scope only that agent's calls count.
   */
  private async customerScope(query: SummaryQuery, agentId: string | undefined): Promise<CustomerScopeRequest | undefined> {
    if (query.customerId === undefined) return undefined;
    if (!(await this.queries.customerVisible(query.customerId, agentId))) throw notFound('The customer does not exist.');
    return { customerId: query.customerId, agentId, sipUsername: query.sipUsername, groupBySipUsername: query.groupBy === 'sipUsername', topBy: query.topBy, topLimit: TOP_DESTINATIONS };
  }

  /**
   * The agent a report or stream is restricted to: an agent always its own (another agent's id is
   * a 404, as for every resource that is not theirs); admin the one it asks for (404 if unknown)
   * or none. Customers never get here (@Roles: 403).
   */
  async visibleAgent(user: Principal, requested: string | undefined): Promise<string | undefined> {
    if (user.role === 'agent') {
      if (requested !== undefined && requested !== user.subjectId) throw notFound('The agent does not exist.');
      return user.subjectId;
    }
    if (user.role !== 'admin') throw notFound('The agent does not exist.');
    if (requested !== undefined && !(await this.queries.agentExists(requested))) throw notFound('The agent does not exist.');
    return requested;
  }
}
