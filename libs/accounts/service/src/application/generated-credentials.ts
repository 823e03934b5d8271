// What is generated for a new customer outside the domain: its account number (from the schema's
// sequence), the SIP password and its HA1 digest, and the portal password. Clear passwords leave
// this service exactly once, in the response that opened the customer.
import { MAX_ACCOUNT_SEQUENCE, nextAccountNumber } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';

/**
 * Letters and digits only, without look-alikes (0/O, 1/l/I): desk phones mangle punctuation in
 * SIP secrets, people retype them from paper, and a CSV cell never starts like a formula.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
/** 20 characters of a 57-letter alphabet ≈ 116 bits. */
const SIP_PASSWORD_LENGTH = 20;
/** 24 characters ≈ 140 bits: generated, so it needs no slow-hash protection against guessing. */
const PORTAL_PASSWORD_LENGTH = 24;

export interface NewCustomerCredentials {
  accountNumber: string;
  sipUsername: string;
  sipPassword: string;
  sipHa1: string;
  portalUsername: string;
  portalPassword: string;
}

/** HA1 of SIP digest authentication (RFC 2617 / 7616, MD5): what the switch needs, not the password. */
export function sipHa1(username: string, realm: string, password: string): string {
  return createHash('md5').update(`${username}:${realm}:${password}`, 'utf8').digest('hex');
}

export function generateSipPassword(): string {
  return randomString(SIP_PASSWORD_LENGTH);
}

export function generatePortalPassword(): string {
  return randomString(PORTAL_PASSWORD_LENGTH);
}

function randomString(length: number): string {
  let value = '';
  for (let i = 0; i < length; i++) value += ALPHABET[randomInt(ALPHABET.length)];
  return value;
}

@Injectable()
export class CredentialsGenerator {
  constructor(
    @Inject(AccountsDatabase) private readonly db: AccountsDatabase,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  get sipRealm(): string {
    return this.options.sipRealm;
  }

  /**
   * `count` fresh customers' credentials. The SIP user and (unless chosen) the portal login are
   * the account number: unique by construction, and what the customer reads on its paperwork.
   */
  async generate(count: number, portalUsername?: string): Promise<NewCustomerCredentials[]> {
    const sequences = await this.nextSequences(count);
    return sequences.map((sequence) => {
      const accountNumber = nextAccountNumber(sequence);
      const sipPassword = generateSipPassword();
      return {
        accountNumber,
        sipUsername: accountNumber,
        sipPassword,
        sipHa1: sipHa1(accountNumber, this.options.sipRealm, sipPassword),
        portalUsername: portalUsername ?? accountNumber,
        portalPassword: generatePortalPassword(),
      };
    });
  }

  newSipSecret(sipUsername: string): { sipPassword: string; sipHa1: string } {
    const sipPassword = generateSipPassword();
    return { sipPassword, sipHa1: sipHa1(sipUsername, this.options.sipRealm, sipPassword) };
  }

  /** Sequence values are never handed out twice, even to concurrent batches (gaps are fine). */
  private async nextSequences(count: number): Promise<bigint[]> {
    const { rows } = await this.db.pool.query<{ value: string }>(
      `SELECT nextval('${this.db.schema}.account_number_seq')::text AS value FROM generate_series(1, $1)`,
      [count],
    );
    const values = rows.map((row) => BigInt(row.value));
    if (values.some((value) => value > MAX_ACCOUNT_SEQUENCE)) throw new Error('account numbers are exhausted');
    return values;
  }
}
