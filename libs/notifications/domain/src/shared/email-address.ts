// One plain mailbox (`local@domain.tld`) and nothing else. The accounts context validates
// addresses too, but an address becomes an SMTP envelope here: a comma, an angle bracket or a
// line break would add recipients or headers, so this context checks for itself.
const MAX_ADDRESS_LENGTH = 254;
const ATOM = String.raw`[^\s@<>(),;:"\[\]\\]+`;
const MAILBOX = new RegExp(`^${ATOM}@${ATOM}\\.${ATOM}$`);

export function isDeliverableAddress(address: string): boolean {
  return address.length <= MAX_ADDRESS_LENGTH && MAILBOX.test(address);
}

/** The domain of a mailbox or of `Name <mailbox>` (for Message-IDs); undefined if there is none. */
export function domainOf(fromHeader: string): string | undefined {
  const bracketed = /<([^<>]+)>\s*$/.exec(fromHeader);
  const address = (bracketed?.[1] ?? fromHeader).trim();
  const at = address.lastIndexOf('@');
  if (at < 1) return undefined;
  const domain = address.slice(at + 1).toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) ? domain : undefined;
}
