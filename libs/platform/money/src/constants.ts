// The one representation of money in code and storage (docs/ARCHITECTURE.md, Money): bigint micro-units.

/** 1 unit of currency = 1 000 000 micro-units. */
export const MICROS_PER_UNIT = 1_000_000n;

/** Fraction digits a wire decimal may carry; equal to log10(MICROS_PER_UNIT). */
export const MONEY_FRACTION_DIGITS = 6;

/** Integer digits a wire decimal may carry: ample for any ledger, small enough to stop abuse. */
export const MONEY_MAX_INTEGER_DIGITS = 18;

/**
 * Largest magnitude a money value may have (999…9.999999, 18 + 6 nines). Every value in
 * [-MAX_MONEY_MICROS, MAX_MONEY_MICROS] formats to a string that parses back to itself; anything
 * bigger is an overflow bug, exactly like a fixed-width type would have.
 */
export const MAX_MONEY_MICROS = 10n ** BigInt(MONEY_MAX_INTEGER_DIGITS + MONEY_FRACTION_DIGITS) - 1n;
