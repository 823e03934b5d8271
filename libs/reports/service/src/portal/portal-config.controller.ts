// GET /api/v1/portal/config (public): the deployment facts the portal needs before a login.
// Mounted with the reports, which the gateway process answers itself in both modes.
import { GATEWAY_CONFIG, Public, type GatewayConfig } from '@billing/gateway';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { portalConfigOf, PortalConfigView } from './portal-config.js';

@ApiTags('portal')
@Controller('portal')
export class PortalConfigController {
  private readonly view: PortalConfigView;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.view = portalConfigOf(config);
  }

  @Get('config')
  @Public()
  // the same for everyone until the next restart; a short cache spares the login page a round trip
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The deployment facts the web portal needs before a login: currency, Stripe publishable key (or null), languages, SIP realm' })
  @ApiResponse({ status: 200, standardSchema: PortalConfigView })
  config(): PortalConfigView {
    return this.view;
  }
}
