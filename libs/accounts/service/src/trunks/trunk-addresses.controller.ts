// IPBX trunks by source IP (issue 13 §2): the addresses from which a customer's PBX calls without
// registering. ITC registers and removes them; its agent and the customer see them. Every role
// that can see the customer may call the writes, so that the domain's rule answers: anyone but
// ITC gets 403 trunk_addresses_managed_by_itc. Another agent's customer is a 404.
import { ApiProblemResponse, Idempotent, Roles, ValidBody, ValidParam, ValidQuery } from '@billing/gateway';
import { Controller, Delete, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { CommandContext } from '../application/command-context.js';
import { Caller } from '../http/caller.decorator.js';
import { Id } from '../http/common.schemas.js';
import { visibleCustomer } from '../http/customer-access.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import type { CustomerRow } from '../queries/rows.js';
import { TrunkAddressesQueries } from './trunk-addresses.queries.js';
import { AddTrunkAddressBody, RemoveTrunkAddressQuery, TrunkAddressView, trunkAddressView } from './trunk-addresses.schemas.js';
import { TrunkAddressesService } from './trunk-addresses.service.js';

const ITC_ONLY = 'its agent or the customer (trunk_addresses_managed_by_itc: ITC alone registers addresses)';

@ApiTags('customers')
@Controller('customers/:id/trunk-addresses')
export class TrunkAddressesController {
  constructor(
    @Inject(TrunkAddressesService) private readonly service: TrunkAddressesService,
    @Inject(TrunkAddressesQueries) private readonly addresses: TrunkAddressesQueries,
    @Inject(CustomersQueries) private readonly customers: CustomersQueries,
  ) {}

  @Get()
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({ summary: "The account's trunk addresses (IPBX by source IP), oldest first (ITC, its agent, the customer itself)" })
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(TrunkAddressView) }) })
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found'])
  async list(@ValidParam('id', Id) id: string, @Caller() context: CommandContext): Promise<{ items: TrunkAddressView[] }> {
    const customer = await this.visible(context, id);
    return { items: (await this.addresses.list(customer.customerId)).map(trunkAddressView) };
  }

  @Post()
  @Roles('admin', 'agent', 'customer')
  @Idempotent()
  @ApiOperation({
    summary: 'Register a source address or CIDR range from which the customer’s PBX calls, optionally with a tech prefix (ITC only)',
    description:
      'Calls that name neither an account nor a SIP user are resolved by their `sourceIp`; when several accounts share an address, the tech prefix ' +
      'the PBX dials first picks the account and is stripped before rating. Overlapping addresses (in this account or another) are refused unless ' +
      'their tech prefixes differ and neither starts with the other. The same entry again answers 200 and changes nothing.',
  })
  @ApiResponse({ status: 201, standardSchema: TrunkAddressView })
  @ApiProblemResponse(403, ITC_ONLY, ['trunk_addresses_managed_by_itc'])
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found'])
  @ApiProblemResponse(409, 'trunk_address_overlaps (this account), trunk_address_taken (another account), too_many_trunk_addresses (50), customer_closed', [
    'trunk_address_overlaps',
    'trunk_address_taken',
    'too_many_trunk_addresses',
    'customer_closed',
  ])
  @ApiProblemResponse(422, 'invalid_trunk_address (the message says why)', ['invalid_trunk_address'])
  async add(
    @ValidParam('id', Id) id: string,
    @ValidBody(AddTrunkAddressBody) body: AddTrunkAddressBody,
    @Caller() context: CommandContext,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<TrunkAddressView> {
    const customer = await this.visible(context, id);
    const { address, added } = await this.service.add(context, customer.customerId, body.address, body.techPrefix ?? null);
    if (!added) response.status(200);
    const row = (await this.addresses.list(customer.customerId)).find((r) => r.network === address.network && r.techPrefix === address.techPrefix);
    if (row === undefined) throw new Error(`trunk address ${address.network} of ${customer.customerId} is not in the read model after its append`);
    return trunkAddressView(row);
  }

  @Delete()
  @Roles('admin', 'agent', 'customer')
  @Idempotent()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a trunk address, named by `address` and `techPrefix` (ITC only); removing it again is a 204 too' })
  @ApiResponse({ status: 204, description: 'removed (or already gone)' })
  @ApiProblemResponse(403, ITC_ONLY, ['trunk_addresses_managed_by_itc'])
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found'])
  @ApiProblemResponse(409, 'customer_closed', ['customer_closed'])
  @ApiProblemResponse(422, 'invalid_trunk_address (the message says why)', ['invalid_trunk_address'])
  async remove(@ValidParam('id', Id) id: string, @ValidQuery(RemoveTrunkAddressQuery) query: RemoveTrunkAddressQuery, @Caller() context: CommandContext): Promise<void> {
    const customer = await this.visible(context, id);
    await this.service.remove(context, customer.customerId, query.address, query.techPrefix ?? null);
  }

  private async visible(context: CommandContext, id: string): Promise<CustomerRow> {
    return visibleCustomer(context.principal, await this.customers.get(id));
  }
}
