// Money on the wire is a decimal string (docs/ARCHITECTURE.md, Money); the one schema lives in @billing/contracts.
// Here: the bigint views controllers use after validation.
import { MoneyString, PositiveMoneyString } from '@billing/contracts';
import { parseMoney } from '@billing/money';

export { MoneyString };

/** A money amount parsed to bigint micro-units. */
export const MoneyMicros = MoneyString.transform((value) => parseMoney(value));

/** A strictly positive amount (deposits, transfers) as bigint micro-units. */
export const PositiveMoneyMicros = PositiveMoneyString.transform((value) => parseMoney(value));
