// /api/v1/wallet/projections: ITC's view of the projection versions and the zero-downtime rebuild.
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@billing/gateway';
import { WalletProjections } from '../projections/wallet-projections.js';
import { ProjectionRebuildView, ProjectionVersionsView } from './wallet.responses.js';

@ApiTags('wallet')
@Controller('wallet/projections')
export class WalletAdminController {
  constructor(private readonly projections: WalletProjections) {}

  @Get()
  @ApiOperation({ summary: "The wallet projection's versions: live, building, retired" })
  @Roles('admin')
  @ApiResponse({ status: 200, standardSchema: ProjectionVersionsView })
  async list(): Promise<ProjectionVersionsView> {
    return { versions: await this.projections.versions() };
  }

  /** 202: the new version fills beside the live one and takes over when it has caught up. */
  @Post('rebuild')
  @ApiOperation({ summary: 'Rebuild the wallet views beside the live ones (202); the new version takes over once caught up' })
  @Roles('admin')
  @HttpCode(202)
  @ApiResponse({ status: 202, standardSchema: ProjectionRebuildView })
  async rebuild(): Promise<ProjectionRebuildView> {
    return { version: await this.projections.rebuild(), state: 'building' };
  }
}
