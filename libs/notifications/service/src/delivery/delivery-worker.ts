// Sends what is due, one claimed notification at a time per slot, at a bounded rate, and records
// each outcome (Sent / AttemptFailed / Failed) before it moves on.
//
// Delivery semantics. "Sent" is recorded after the SMTP server accepted the message, so a
// notification recorded as sent is never sent again, by this instance or any other. The one
// window left is between the server's 250 and that record (a crash, a lost database, a lease that
// ran out): the notification is then still pending and is sent again once its lease expires, with
// the same Message-ID. That is at-least-once, chosen over at-most-once on purpose: a low-balance
// alert lost is money lost (calls stop), while a rare duplicate carries an identical Message-ID
// that mail systems and readers recognise; the re-send is logged as such.
import { classifySendFailure, truncate, type NotificationRequested, type TransportErrorLike } from '@billing/notifications-domain';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { NotificationCommitter } from '../infrastructure/notification-committer.js';
import { NOTIFICATIONS_OPTIONS, type ResolvedNotificationsOptions } from '../notifications.options.js';
import { errorMessage, sleep, StoppedError } from '../shared/sleep.js';
import { TemplateRenderer } from '../templates/renderer.js';
import { NotificationClaims, type Claim } from './claims.js';
import { composeMail } from './compose.js';
import { OutcomeRecorder, type Outcome } from './outcome-recorder.js';
import { RateLimiter } from './rate-limiter.js';
import { describeSmtp } from './smtp-settings.js';
import { SmtpMailer } from './smtp-mailer.js';

const MAX_CLAIM_BACKOFF_MS = 30_000;

export interface DeliveryStatus {
  mode: 'smtp' | 'disabled';
  inFlight: number;
  sent: number;
  retried: number;
  failed: number;
  /** consecutive failures to look for due notifications (database trouble). */
  claimFailures: number;
  lastError: string | undefined;
}

@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationDelivery');
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly mailer: SmtpMailer | undefined;
  private readonly limiter: RateLimiter;
  private loop: Promise<void> | undefined;
  private wakeRequested = false;
  private wakeUp: (() => void) | undefined;
  private readonly counts = { claimFailures: 0, lastError: undefined as string | undefined };

  constructor(
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: ResolvedNotificationsOptions,
    @Inject(NotificationCommitter) private readonly committer: NotificationCommitter,
    @Inject(NotificationClaims) private readonly claims: NotificationClaims,
    @Inject(TemplateRenderer) private readonly renderer: TemplateRenderer,
    @Inject(OutcomeRecorder) private readonly recorder: OutcomeRecorder,
  ) {
    const { smtp } = options.mail;
    this.mailer = smtp === undefined ? undefined : new SmtpMailer(smtp, options.delivery.sendTimeoutMs);
    this.limiter = new RateLimiter(options.delivery.rate);
  }

  onApplicationBootstrap(): void {
    const { mail, delivery } = this.options;
    if (this.mailer === undefined || mail.smtp === undefined) {
      this.logger.log('mail disabled (no SMTP_URL): notifications are recorded as skipped');
      return;
    }
    this.logger.log(`mail via ${describeSmtp(mail.smtp)} from ${mail.from ?? '?'}, at most ${delivery.rate.ratePerSecond}/s (burst ${delivery.rate.burst})`);
    this.loop = this.run(this.mailer);
  }

  /** Something became due in this process: look now rather than at the next poll. */
  nudge(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Stops claiming, lets the messages in flight finish and record their outcome. */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    this.wakeUp?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    this.mailer?.close();
  }

  status(): DeliveryStatus {
    return { mode: this.mailer === undefined ? 'disabled' : 'smtp', inFlight: this.inFlight.size, ...this.recorder.counts, ...this.counts };
  }

  private async run(mailer: SmtpMailer): Promise<void> {
    const { delivery, clock, instanceId } = this.options;
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      try {
        if (this.inFlight.size >= delivery.maxConcurrentSends) {
          await Promise.race(this.inFlight);
          continue;
        }
        await this.limiter.take(signal);
        const claim = await this.claims.claimNext(instanceId, clock(), delivery.leaseMs);
        this.counts.claimFailures = 0;
        if (claim === undefined) {
          this.limiter.giveBack();
          await this.idle(delivery.pollIntervalMs);
          continue;
        }
        const task: Promise<void> = this.deliver(mailer, claim).finally(() => this.inFlight.delete(task));
        this.inFlight.add(task);
      } catch (error) {
        if (error instanceof StoppedError || signal.aborted) break;
        this.counts.claimFailures += 1;
        this.counts.lastError = errorMessage(error);
        this.logger.error(`looking for due notifications failed (${this.counts.claimFailures} in a row), retrying: ${this.counts.lastError}`);
        await sleep(Math.min(MAX_CLAIM_BACKOFF_MS, 100 * 2 ** Math.min(this.counts.claimFailures, 16)), signal).catch(() => undefined);
      }
    }
  }

  /** Waits for a nudge, the poll interval, or stop. */
  private idle(pollIntervalMs: number): Promise<void> {
    if (this.wakeRequested || this.stopping.signal.aborted) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.wakeRequested = false;
        resolve();
      };
      const timer = setTimeout(done, pollIntervalMs);
      this.wakeUp = done;
    });
  }

  /** Never throws: whatever is not recorded stays pending and is tried again after the lease. */
  private async deliver(mailer: SmtpMailer, claim: Claim): Promise<void> {
    const { notificationId } = claim;
    try {
      const state = await this.committer.load(notificationId);
      if (state.status !== 'pending') {
        // Recorded meanwhile by another instance whose lease had run out: nothing left to do.
        await this.claims.release(notificationId, this.options.instanceId);
        return;
      }
      if (claim.unfinishedAttemptStartedAt !== null) {
        this.logger.warn(
          `notification ${notificationId}: the attempt started at ${claim.unfinishedAttemptStartedAt.toISOString()} recorded no outcome ` +
            '(stopped or lost its lease between sending and recording); sending again with the same Message-ID',
        );
      }
      const attempt = state.attempts + 1;
      await this.recorder.record(state.requested, attempt, await this.attempt(mailer, state.requested));
    } catch (error) {
      this.counts.lastError = errorMessage(error);
      this.logger.error(`notification ${notificationId}: outcome not recorded, it will be tried again after its lease: ${this.counts.lastError}`);
    }
  }

  private async attempt(mailer: SmtpMailer, requested: NotificationRequested): Promise<Outcome> {
    let mail;
    try {
      mail = composeMail(requested, this.renderer, this.options.mail.from ?? '');
    } catch (error) {
      // A message that cannot be built fails the same way every time: permanent.
      return { failure: { temporary: false, reason: truncate(`cannot compose the message: ${errorMessage(error)}`) } };
    }
    try {
      return { sent: await mailer.send(mail) };
    } catch (error) {
      return { failure: classifySendFailure(error as TransportErrorLike) };
    }
  }
}
