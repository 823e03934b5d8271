import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAsAgent } from '../test/render.js';
import { TrafficCard } from './TrafficCard.js';

const summary = { attempts: 6, answered: 5, billedMinutes: '1234.88', asrPercent: '83.333333', acdSeconds: '58.6', revenue: '1.2' };

describe('TrafficCard', () => {
  // acceptance: the overview showed an answer rate of "83.333333 %" where ITC shows 83.33 %
  it('shows the answer rate to two decimals and the minutes in the language', async () => {
    await renderAsAgent(<TrafficCard today="2026-12-05" month="2026-12-01" />, () => Response.json(summary));
    expect((await screen.findAllByText('83.33 %')).length).toBe(2);
    expect(screen.getAllByText('1,234.88').length).toBe(2);
  });
});
