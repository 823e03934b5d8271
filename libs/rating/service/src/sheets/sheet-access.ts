// Who may see which rate sheet (issue 12 §1): ITC every sheet; an agent the sheet ITC assigned to
// it and the sheets it derived. Anything else is 404 sheet_not_found, as if it did not exist (the
// ids of other tenants cannot be probed). Agents are known from rating's directory (accounts'
// events). Customers see their prices through PriceListsController, never a sheet by id.
import { RejectedCommand } from '@billing/decider';
import type { Principal } from '@billing/gateway';
import { sheetOwner } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerDirectory } from '../accounts/directory.js';
import { SheetRegistry, type LoadedSheet } from './sheet-registry.js';

@Injectable()
export class SheetAccess {
  constructor(
    @Inject(SheetRegistry) private readonly registry: SheetRegistry,
    @Inject(CustomerDirectory) private readonly directory: CustomerDirectory,
  ) {}

  /** The sheet ITC assigned to an agent (null: the agent is not known here). */
  async assignedSheet(agentId: string): Promise<string | null> {
    return (await this.directory.agent(agentId))?.rateSheetId ?? null;
  }

  /** The sheet as stored now, if the principal may see it; else 404 sheet_not_found. */
  async visible(principal: Principal, sheetId: string): Promise<LoadedSheet> {
    const sheet = await this.registry.fresh(sheetId);
    if (sheet.state.kind === 'none' || !(await this.canSee(principal, sheetId, sheetOwner(sheet.state)))) throw sheetNotFound();
    return sheet;
  }

  private async canSee(principal: Principal, sheetId: string, ownerAgentId: string | null): Promise<boolean> {
    switch (principal.role) {
      case 'admin':
        return true;
      case 'agent':
        return ownerAgentId === principal.subjectId || (await this.assignedSheet(principal.subjectId)) === sheetId;
      default:
        return false;
    }
  }
}

/** The same answer as for a sheet that does not exist. */
export function sheetNotFound(): RejectedCommand {
  return new RejectedCommand('rate sheet not found', 'sheet_not_found', 404);
}
