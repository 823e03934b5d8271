export { isValidAccountNumber, luhnCheckDigit, MAX_ACCOUNT_SEQUENCE, nextAccountNumber } from './account-number.js';
export { isSipHa1, isSipUsername, normaliseUsername } from './credentials.js';
export { isE164, normaliseE164 } from './e164.js';
export { isValidEmail, normaliseEmail } from './email.js';
export { normaliseLanguage, spokenLanguage, SPOKEN_LANGUAGES } from './language.js';
export { isReferenceId, normaliseName, normaliseReason } from './text.js';
