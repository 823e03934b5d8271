// The wallet's funds query for an accounts process elsewhere (distributed mode): the HTTP face of
// WalletAgentFunds, with the contract of libs/contracts (funds-api.ts). Service to service, so it
// takes the switch API key, as the hold API does.
import type { AgentFundsResponseV1 } from '@billing/contracts';
import { Roles, ValidParam } from '@billing/gateway';
import { formatMoney } from '@billing/money';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WalletAgentFunds } from '../application/agent-funds.service.js';
import { Id } from './wallet.schemas.js';

@ApiTags('internal')
@Controller('internal/wallet/agents')
export class AgentFundsController {
  constructor(private readonly funds: WalletAgentFunds) {}

  @Get(':id/funds')
  @Roles('switch')
  async available(@ValidParam('id', Id) agentId: string): Promise<AgentFundsResponseV1> {
    return { agentId, available: formatMoney(await this.funds.availableMicros(agentId)) };
  }
}
