import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithUi } from '../test-utils';
import { RateParts } from './RateParts';

describe('RateParts', () => {
  // acceptance: UK showed only 0.264/min per 60 s (not 0.132/min after 60 s), Spain hid its 30 s minimum
  it('shows every interval of a price and its minimum', () => {
    renderWithUi(
      <RateParts
        currency="USD"
        row={{ minimumSeconds: 30, intervals: [{ startSecond: 0, ratePerMinute: '0.264', incrementSeconds: 60 }, { startSecond: 60, ratePerMinute: '0.132', incrementSeconds: 60 }] }}
      />,
    );
    expect(screen.getByText('$0.264/min per 60 s')).toBeInTheDocument();
    expect(screen.getByText('from 60 s: $0.132/min per 60 s')).toBeInTheDocument();
    expect(screen.getByText('at least 30 s billed')).toBeInTheDocument();
  });

  it('says it in Spanish', () => {
    renderWithUi(<RateParts currency="EUR" row={{ minimumSeconds: 30, intervals: [{ startSecond: 0, ratePerMinute: '0.05', incrementSeconds: 1 }] }} />, 'es');
    expect(screen.getByText(/0,05\s€\/min por 1 s/)).toBeInTheDocument();
    expect(screen.getByText('se factura un mínimo de 30 s')).toBeInTheDocument();
  });
});
