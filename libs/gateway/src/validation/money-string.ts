// Money on the wire is a decimal string (DESIGN §3). A JSON number is refused with a message
// that says why. TODO(contracts): move to @billing/contracts as `MoneyString` and re-export here.
import { MoneyFormatError, parseMoney } from '@billing/money';
import { z } from 'zod';

const moneyMessage = (input: unknown): string =>
  typeof input === 'number'
    ? `must be a decimal string such as "12.50", not a JSON number (got ${String(input)}): numbers lose precision`
    : input === undefined
      ? 'is required'
      : 'must be a decimal string such as "12.50"';

/** A money amount as a validated decimal string (`"12.5"`, at most 6 fraction digits). */
export const MoneyString = z
  .string({ error: (issue) => moneyMessage(issue.input) })
  .superRefine((value, ctx) => {
    try {
      parseMoney(value);
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.reason, input: value });
    }
  })
  .meta({ description: 'decimal string, at most 6 fraction digits', examples: ['12.50'] });

/** A money amount parsed to bigint micro-units. */
export const MoneyMicros = MoneyString.transform((value) => parseMoney(value));

/** A strictly positive amount (deposits, transfers) as bigint micro-units. */
export const PositiveMoneyMicros = MoneyMicros.refine((micros) => micros > 0n, 'must be greater than 0');
