// Distributed mode: rating's sheet query over HTTP (libs/contracts sheets-api.ts), asked before a
// rate sheet is given to an agent, a profile or a customer. Bounded; a rating that cannot be
// reached makes that change a 503 rather than assign a sheet nobody checked.
import { RATE_SHEETS_API_PATH, RateSheetExistsResponseV1 } from '@billing/contracts';
import { ProblemException } from '@billing/gateway';
import { Global, Inject, Injectable, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { RateSheetCatalog } from '../accounts.options.js';

export interface RemoteRateSheetsOptions {
  /** the rating process, e.g. `http://127.0.0.1:3103`. */
  baseUrl: string;
  /** the switch API key (rating's internal API takes the switch role). */
  apiKey: string;
  /** per request (default 2 s). */
  timeoutMs?: number;
}

const REMOTE_RATE_SHEETS_OPTIONS = Symbol('REMOTE_RATE_SHEETS_OPTIONS');

@Injectable()
export class RemoteRateSheets implements RateSheetCatalog {
  private readonly logger = new Logger('RemoteRateSheets');

  constructor(@Inject(REMOTE_RATE_SHEETS_OPTIONS) private readonly options: RemoteRateSheetsOptions) {}

  async exists(sheetId: string): Promise<boolean> {
    const url = new URL(`${RATE_SHEETS_API_PATH}/${encodeURIComponent(sheetId)}`, this.options.baseUrl);
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${this.options.apiKey}`, accept: 'application/json' }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 2_000) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`rating answered ${response.status}: ${text.slice(0, 300)}`);
      return RateSheetExistsResponseV1.parse(JSON.parse(text)).exists;
    } catch (error) {
      this.logger.warn(`rate sheet ${sheetId} not checked: ${String(error)}`);
      throw new ProblemException(503, 'rating-unavailable', 'Rating could not be reached to check the rate sheet; nothing was changed. Try again.', { title: 'Service Unavailable' });
    }
  }
}

/** Provides RemoteRateSheets app-wide: `AccountsModule.forRoot({ rateSheets: RemoteRateSheets, ... })`. */
@Global()
@Module({})
export class RemoteRateSheetsModule {
  static forRoot(options: RemoteRateSheetsOptions): DynamicModule {
    return {
      module: RemoteRateSheetsModule,
      providers: [{ provide: REMOTE_RATE_SHEETS_OPTIONS, useValue: options }, RemoteRateSheets],
      exports: [RemoteRateSheets],
    };
  }
}
