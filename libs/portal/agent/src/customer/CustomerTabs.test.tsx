import { fireEvent, screen } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerTab } from '../search.js';
import { renderAsAgent } from '../test/render.js';
import { CustomerTabs } from './CustomerTabs.js';

function Page({ onChange }: { onChange: (tab: CustomerTab) => void }) {
  const [tab, setTab] = useState<CustomerTab>('money');
  return <CustomerTabs tab={tab} onChange={(next) => { onChange(next); setTab(next); }} pendingCallerIds={2} panel={(item) => <p>content of {item}</p>} />;
}

describe('CustomerTabs', () => {
  it('each selected tab controls a tab panel labelled by it; arrow keys move between tabs', async () => {
    const onChange = vi.fn();
    await renderAsAgent(<Page onChange={onChange} />, () => Response.json({}));
    const money = screen.getByRole('tab', { name: 'Move money' });
    expect(money).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Move money' });
    expect(money.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel).toHaveTextContent('content of money');

    fireEvent.keyDown(money, { key: 'ArrowRight' });
    expect(onChange).toHaveBeenLastCalledWith('settings');
    const settings = screen.getByRole('tab', { name: 'Settings' });
    expect(settings).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Settings' })).toHaveTextContent('content of settings');

    expect(screen.getByRole('tab', { name: 'CallerIDs (2 waiting for approval)' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Trunks & features' }));
    expect(onChange).toHaveBeenLastCalledWith('service');
    expect(screen.getByRole('tabpanel', { name: 'Trunks & features' })).toHaveTextContent('content of service');
    const result = await axe.run(document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`)).toEqual([]);
  });
});
