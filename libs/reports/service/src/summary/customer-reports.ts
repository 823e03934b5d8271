// GET /reports/customers behind the controller: who may see what (as the summary), the range, the
// page cursor (revenue, customer and agent of the last row), the figures.
import { ProblemException, type Principal } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import type { CustomerFiguresQuery } from '../http/reports.schemas.js';
import { customerFiguresItem, customerFiguresView, type CustomerFiguresItem, type CustomerFiguresView } from './customer-figures-view.js';
import { CustomerFiguresQueries } from './customer-figures.queries.js';
import { SummaryReports } from './summary-reports.js';

export interface CustomerFiguresPage {
  from: string;
  to: string;
  totals: CustomerFiguresView;
  items: CustomerFiguresItem[];
  nextCursor: string | null;
}

@Injectable()
export class CustomerReports {
  constructor(
    @Inject(CustomerFiguresQueries) private readonly queries: CustomerFiguresQueries,
    @Inject(SummaryReports) private readonly summary: SummaryReports,
  ) {}

  async customers(user: Principal, query: CustomerFiguresQuery): Promise<CustomerFiguresPage> {
    // `agentId=itc` (admin): the ITC-direct customers, no agent to look up
    const itcDirect = query.agentId === 'itc' && user.role === 'admin';
    const scope = await this.summary.scope(user, itcDirect ? { ...query, agentId: undefined } : query);
    const agentId = itcDirect ? null : scope.agentId;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const { rows, more, totals } = await this.queries.load({ range: scope.range, agentId, limit: query.limit, ...(after === undefined ? {} : { after }) });
    const last = rows[rows.length - 1];
    return {
      from: scope.range.from.toISOString(),
      to: scope.range.to.toISOString(),
      totals: customerFiguresView(totals),
      items: rows.map(customerFiguresItem),
      nextCursor: more && last !== undefined ? encodeCursor(last.revenueMicros, last.customerId, last.agentId ?? '') : null,
    };
  }
}

function encodeCursor(revenueMicros: bigint, customerId: string, agentKey: string): string {
  return Buffer.from(JSON.stringify([revenueMicros.toString(), customerId, agentKey]), 'utf8').toString('base64url');
}

/** [revenue, customer, agent ('' = ITC-direct)]; a cursor issued before rows were per agent has no agent (''). */
function decodeCursor(cursor: string): { revenueMicros: bigint; customerId: string; agentKey: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      (value.length === 2 || (value.length === 3 && typeof value[2] === 'string')) &&
      typeof value[0] === 'string' &&
      /^\d{1,30}$/.test(value[0]) &&
      typeof value[1] === 'string' &&
      value[1] !== ''
    ) {
      return { revenueMicros: BigInt(value[0]), customerId: value[1], agentKey: (value[2] as string | undefined) ?? '' };
    }
  } catch {
    // not JSON: the same answer as any other cursor we did not issue
  }
  throw new ProblemException(400, 'invalid_cursor', 'The cursor is not one this API returned; start again without it.', { errors: [{ path: '/cursor', message: 'invalid cursor' }] });
}
