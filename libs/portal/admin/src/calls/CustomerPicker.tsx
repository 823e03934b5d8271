import { orThrow, useSession } from '@billing/portal-session';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CustomerListItem } from '../customers/customer-wire.js';

export interface CustomerPickerProps {
  label: string;
  placeholder: string;
  /** the chosen customer's id, or null: any customer. */
  value: string | null;
  onChange: (customerId: string | null) => void;
}

const label = (customer: CustomerListItem) => [customer.accountNumber, customer.contactEmail].filter(Boolean).join(' · ');

/**
 * A customer chosen by what ITC knows of it — account number, portal or SIP username, e-mail —
 * through GET /customers?search= (docs/API.md §6), never by typing its id.
 */
export function CustomerPicker({ label: inputLabel, placeholder, value, onChange }: CustomerPickerProps) {
  const { api } = useSession();
  const [typed, setTyped] = useState('');
  const [term] = useDebouncedValue(typed.trim(), 250);
  const found = useQuery({
    queryKey: ['customers', 'picker', term],
    queryFn: () => orThrow(api.GET('/api/v1/customers', { params: { query: { limit: 20, ...(term === '' ? {} : { search: term }) } } })),
    placeholderData: keepPreviousData,
  });
  // the chosen one stays an option (with its id until a search finds it) so the input can show it
  const items = found.data?.items ?? [];
  const options = items.map((customer) => ({ value: customer.id, label: label(customer) }));
  if (value !== null && !options.some((option) => option.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      label={inputLabel}
      placeholder={placeholder}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={typed}
      onSearchChange={setTyped}
      filter={({ options: all }) => all}
      nothingFoundMessage="—"
      miw={260}
    />
  );
}
