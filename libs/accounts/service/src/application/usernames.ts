// Portal usernames chosen by people (agents, and customers that pick one). All-digit names are
// kept for customers' account numbers, which are their default logins: no chosen name can ever
// take the login of a customer opened later.
import { normaliseUsername, rejections } from '@billing/accounts-domain';
import { RejectedCommand } from '@billing/decider';

export function chosenUsername(input: string): string {
  const username = normaliseUsername(input);
  if (username === null) throw rejections.invalidUsername();
  if (/^[0-9]+$/.test(username)) {
    throw new RejectedCommand('username must contain a letter: numbers are reserved for account numbers', 'username_reserved', 422);
  }
  return username;
}
