// The service's business clock: every command carries `meta.now` from here (the domain has none).
import { Inject, Injectable } from '@nestjs/common';
import type { CommandMeta } from '@billing/wallet-domain';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';

@Injectable()
export class Clock {
  constructor(@Inject(WALLET_OPTIONS) private readonly options: ResolvedWalletOptions) {}

  now(): Date {
    return this.options.clock();
  }

  meta(context: { actor: string }): CommandMeta {
    return { actor: context.actor, now: this.now().toISOString() };
  }
}
