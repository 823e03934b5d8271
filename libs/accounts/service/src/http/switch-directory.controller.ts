// The softswitch's user lookup (switch API key only): FreeSWITCH mod_xml_curl posts a form
// (`section=directory&user=…&domain=…` and dozens of other fields); other switches GET JSON.
// Only active customers are answered to FreeSWITCH: a suspended or closed one cannot register.
import { ApiProblemResponse, notFound, Roles, ValidParam } from '@billing/gateway';
import { isSipUsername } from '@billing/accounts-domain';
import { Body, Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import { directoryVariables, FREESWITCH_NOT_FOUND, freeswitchUser } from './directory-xml.js';
import { FollowMeView } from './views.js';

/** mod_xml_curl sends many more fields (hostname, Event-Name, key_value, …): only these are read. */
const DirectoryForm = z.looseObject({
  section: z.string().max(64),
  user: z.string().max(64).optional(),
  domain: z.string().max(253).optional(),
});

const DirectoryJson = z.object({
  sipUsername: z.string(),
  realm: z.string(),
  ha1: z.string().meta({ description: 'md5(sipUsername:realm:password)' }),
  customerId: z.string(),
  accountNumber: z.string(),
  status: z.enum(['active', 'suspended', 'closed']).meta({ description: "the account's status" }),
  sipUserStatus: z.enum(['active', 'suspended']).meta({ description: "this user's status (a suspended user cannot register)" }),
  displayName: z.string().nullable(),
  callerId: z.string().nullable().meta({ description: "the user's default CallerID (E.164): its own while the account has it approved, else the account's default" }),
  callerIds: z.array(z.string()),
  followMe: FollowMeView,
  maxConcurrentCalls: z.number().int().meta({ description: "the user's own limit, else the account's" }),
  maxCallDurationSeconds: z.number().int(),
  variables: z.record(z.string(), z.string()).meta({ description: 'what the FreeSWITCH answer carries as channel variables' }),
});

@ApiTags('switch')
@Controller('switch/directory')
export class SwitchDirectoryController {
  constructor(
    @Inject(CustomersQueries) private readonly customers: CustomersQueries,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  @Post()
  @Roles('switch')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiOperation({
    summary: 'FreeSWITCH mod_xml_curl directory (form POST)',
    description:
      'Answers any SIP user of an account with its HA1 as `a1-hash` and the variables accountcode, effective/outbound_caller_id_number (the ' +
      "user's default CallerID, else the account's), effective_caller_id_name (its display name), follow_me_enabled, follow_me_targets " +
      '("+E164:ringSeconds,…"), billing_customer_id, billing_sip_user, billing_max_concurrent_calls (the user\'s limit, else the account\'s), ' +
      'billing_max_call_duration_seconds. Unknown or suspended users, suspended or closed accounts, other domains and other sections get `result status="not found"`.',
  })
  @ApiBody({ required: true, description: 'application/x-www-form-urlencoded, as mod_xml_curl sends it', schema: { type: 'object', properties: { section: { type: 'string' }, user: { type: 'string' }, domain: { type: 'string' } } } })
  @ApiProduces('text/xml')
  @ApiResponse({ status: 200, description: 'FreeSWITCH XML (a user, or result "not found")', content: { 'text/xml': { schema: { type: 'string' } } } })
  @ApiProblemResponse(400, 'a form field that is not text', ['validation'])
  async freeswitch(@Body() raw: unknown): Promise<string> {
    const form = DirectoryForm.parse(raw ?? {});
    const realm = this.options.sipRealm;
    if (form.section !== 'directory' || form.user === undefined || form.domain?.toLowerCase() !== realm) return FREESWITCH_NOT_FOUND;
    const entry = isSipUsername(form.user) ? await this.customers.directoryEntry(form.user) : undefined;
    if (entry === undefined || entry.status !== 'active' || entry.sipUser.status !== 'active') return FREESWITCH_NOT_FOUND;
    return freeswitchUser(entry, realm);
  }

  @Get(':sipUsername')
  @Roles('switch')
  @ApiOperation({ summary: 'The same directory data as JSON, for other switches (status included: the switch decides)' })
  @ApiResponse({ status: 200, standardSchema: DirectoryJson })
  @ApiProblemResponse(404, 'no such SIP user', ['not_found'])
  async json(@ValidParam('sipUsername', z.string().min(1).max(64)) sipUsername: string): Promise<z.infer<typeof DirectoryJson>> {
    const entry = isSipUsername(sipUsername) ? await this.customers.directoryEntry(sipUsername) : undefined;
    if (entry === undefined) throw notFound('No such SIP user.');
    return {
      sipUsername: entry.sipUser.sipUsername,
      realm: this.options.sipRealm,
      ha1: entry.sipHa1,
      customerId: entry.customerId,
      accountNumber: entry.accountNumber,
      status: entry.status,
      sipUserStatus: entry.sipUser.status,
      displayName: entry.sipUser.displayName,
      callerId: entry.sipUser.effectiveCallerId,
      callerIds: entry.callerIds,
      followMe: entry.followMe,
      maxConcurrentCalls: entry.sipUser.maxConcurrentCalls ?? entry.maxConcurrentCalls,
      maxCallDurationSeconds: entry.maxCallDurationSeconds,
      variables: directoryVariables(entry),
    };
  }
}
