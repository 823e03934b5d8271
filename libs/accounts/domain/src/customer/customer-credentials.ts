// The identifiers a customer is opened with (generated outside the domain), checked in one
// place for OpenCustomer and OpenCustomerBatch.
import { rejections } from '../rejections.js';
import { checkUsername } from '../shared/checks.js';
import { isValidAccountNumber } from '../validation/account-number.js';
import { isSipHa1, isSipUsername } from '../validation/credentials.js';

export interface CustomerCredentials {
  accountNumber: string;
  sipUsername: string;
  sipHa1: string;
  portalUsername: string;
}

/** The credentials with the portal username normalised, or the rejection of the first bad one. */
export function checkCredentials(credentials: CustomerCredentials): CustomerCredentials {
  if (!isValidAccountNumber(credentials.accountNumber)) throw rejections.invalidAccountNumber();
  if (!isSipUsername(credentials.sipUsername)) throw rejections.invalidSipUsername();
  if (!isSipHa1(credentials.sipHa1)) throw rejections.invalidSipHa1();
  return {
    accountNumber: credentials.accountNumber,
    sipUsername: credentials.sipUsername,
    sipHa1: credentials.sipHa1,
    portalUsername: checkUsername(credentials.portalUsername),
  };
}
