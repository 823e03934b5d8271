// The wallet's initial-balance reservations for an accounts process elsewhere (distributed mode):
// the HTTP face of WalletAgentFunds, with the contract of libs/contracts (funds-api.ts). Service to
// service, so it takes the internal service key (role `service`), as the hold API does. A refused reservation is an
// answer (200, `reserved: false`), like a refused hold: the caller turns it into its own 409.
import { ReserveInitialBalanceRequestV1, ReleaseInitialBalanceResponseV1, ReserveInitialBalanceResponseV1 } from '@billing/contracts';
import { Roles, ValidBody, ValidParam } from '@billing/gateway';
import { formatMoney, parseMoney } from '@billing/money';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { WalletAgentFunds } from '../application/agent-funds.service.js';
import { Id } from './wallet.schemas.js';

@ApiTags('internal')
@Controller('internal/wallet/agents')
export class AgentFundsController {
  constructor(private readonly funds: WalletAgentFunds) {}

  @Post(':id/initial-balance-reservations')
  @HttpCode(200)
  @Roles('service')
  @ApiOperation({ summary: "Reserve a new customer's initial balance on its agent (accounts, before it opens the customer)" })
  @ApiResponse({ status: 200, standardSchema: ReserveInitialBalanceResponseV1 })
  async reserve(@ValidParam('id', Id) agentId: string, @ValidBody(ReserveInitialBalanceRequestV1) body: ReserveInitialBalanceRequestV1): Promise<ReserveInitialBalanceResponseV1> {
    const result = await this.funds.reserveInitialBalance({ agentId, customerId: body.customerId, amountMicros: parseMoney(body.amount) });
    if (result.reserved) return { reserved: true, agentId, customerId: body.customerId, amount: body.amount };
    return { reserved: false, agentId, customerId: body.customerId, code: result.code, reason: result.reason, status: result.status, available: formatMoney(result.availableMicros) };
  }

  @Post(':id/initial-balance-reservations/:customerId/release')
  @HttpCode(200)
  @Roles('service')
  @ApiOperation({ summary: 'Release the reservation of an opening that failed' })
  @ApiResponse({ status: 200, standardSchema: ReleaseInitialBalanceResponseV1 })
  async release(@ValidParam('id', Id) agentId: string, @ValidParam('customerId', Id) customerId: string): Promise<ReleaseInitialBalanceResponseV1> {
    return { agentId, customerId, released: await this.funds.releaseInitialBalance({ agentId, customerId }) };
  }
}
