import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCustomer } from '../customers/use-customer.js';

/** A customer as the portal names it, its account number (read per customer and cached), linking to its page: the dashboard's watchlist and an agent's commission lines. */
export function CustomerAccountLink({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  const accountNumber = customer.data?.accountNumber;
  // until the account number is read (or if it cannot be) the link is named by the customer's id, never "…"
  return (
    <Anchor
      size="sm"
      aria-label={accountNumber === undefined ? customerId : undefined}
      renderRoot={(props) => <Link {...props} to="/admin/customers/$customerId" params={{ customerId }} search={{}} />}
    >
      {accountNumber ?? (customer.isError ? customerId : '…')}
    </Anchor>
  );
}
