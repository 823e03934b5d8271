import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import en from './i18n/en.json';
import es from './i18n/es.json';
import { MoneyInput } from './MoneyInput';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { ui: en }, es: { ui: es } }, ns: ['ui'] });
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** A parent that keeps the amount as the input emits it and can reset it. */
function Form({ onAmount }: { onAmount: (amount: string | null) => void }) {
  const [amount, setAmount] = useState('');
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <MoneyInput
          label="Amount"
          value={amount}
          onChange={(next) => {
            onAmount(next);
            setAmount(next ?? '');
          }}
        />
        <button type="button" onClick={() => setAmount('')}>
          reset
        </button>
        <output>{amount}</output>
      </MantineProvider>
    </I18nextProvider>
  );
}

describe('MoneyInput', () => {
  it('emits the normalised amount and keeps what was typed', async () => {
    const onAmount = vi.fn();
    render(<Form onAmount={onAmount} />);
    const input = screen.getByLabelText('Amount');
    await userEvent.type(input, '012.50');
    expect(onAmount).toHaveBeenLastCalledWith('12.5');
    expect(input).toHaveValue('012.50');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(en.money.invalid)).toBeNull();
  });

  it('says when the text is not an amount and emits null', async () => {
    const onAmount = vi.fn();
    render(<Form onAmount={onAmount} />);
    const input = screen.getByLabelText('Amount');
    await userEvent.type(input, '1.1234567');
    expect(onAmount).toHaveBeenLastCalledWith(null);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(en.money.invalid)).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, '-5');
    expect(onAmount).toHaveBeenLastCalledWith(null);
    expect(screen.getByText(en.money.invalid)).toBeInTheDocument();
  });

  // acceptance: "1,5" in the English portal deposited 1.50 ("1,000" would have been 1.00)
  it('never reads the other language\'s decimal mark as its own', async () => {
    const onAmount = vi.fn();
    render(<Form onAmount={onAmount} />);
    const input = screen.getByLabelText('Amount');
    await userEvent.type(input, '1,5');
    expect(onAmount).toHaveBeenLastCalledWith(null);
    expect(screen.getByText(en.money.invalid)).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, '1,000');
    expect(onAmount).toHaveBeenLastCalledWith('1000');
  });

  it('reads "," as the decimal mark in Spanish and shows an amount set by the parent with it', async () => {
    await i18n.changeLanguage('es');
    const onAmount = vi.fn();
    render(<Form onAmount={onAmount} />);
    const input = screen.getByLabelText('Amount');
    await userEvent.type(input, '1,5');
    expect(onAmount).toHaveBeenLastCalledWith('1.5');
    await userEvent.clear(input);
    await userEvent.type(input, '1.5');
    expect(onAmount).toHaveBeenLastCalledWith(null);
    expect(screen.getByText(es.money.invalid)).toBeInTheDocument();
  });

  it('shows the parent reset', async () => {
    render(<Form onAmount={() => undefined} />);
    const input = screen.getByLabelText('Amount');
    await userEvent.type(input, '7.25');
    await userEvent.click(screen.getByRole('button', { name: 'reset' }));
    expect(input).toHaveValue('');
  });

  it('shows a server field error instead of its own', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <MoneyInput label="Amount" value="" onChange={() => undefined} error="must be at most 1000" />
        </MantineProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText('must be at most 1000')).toBeInTheDocument();
  });
});
