import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCustomer } from '../customers/use-customer.js';

/** A customer as the portal names it, its account number (read per customer and cached), linking to its page: the dashboard's watchlist and an agent's commission lines. */
export function CustomerAccountLink({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  return (
    <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/admin/customers/$customerId" params={{ customerId }} search={{}} />}>
      {customer.data?.accountNumber ?? '…'}
    </Anchor>
  );
}
