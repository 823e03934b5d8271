import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCustomer } from '../customers/use-customer.js';

/** A customer as the portal names it, its account number (read per customer and cached, as the dashboard's watchlist does), linking to its page. */
export function CustomerAccountLink({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  return (
    <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/admin/customers/$customerId" params={{ customerId }} search={{}} />}>
      {customer.data?.accountNumber ?? '…'}
    </Anchor>
  );
}
