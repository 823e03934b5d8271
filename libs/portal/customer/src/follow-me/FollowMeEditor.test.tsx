import { ProblemError } from '@billing/portal-session';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithUi } from '../test-utils';
import { FollowMeEditor, type FollowMeValue } from './FollowMeEditor';
import { checkFollowMe, moveRow, normaliseNumber, problemRowIndex } from './follow-me-model';

const TWO: FollowMeValue = {
  enabled: true,
  targets: [
    { destination: '+442079460958', ringSeconds: 20 },
    { destination: '+351211234567', ringSeconds: 30 },
  ],
};

function setup(initial: FollowMeValue = TWO, props: { error?: unknown; featureAssigned?: boolean } = {}) {
  const onSave = vi.fn();
  renderWithUi(<FollowMeEditor initial={initial} featureAssigned={props.featureAssigned ?? true} onSave={onSave} saving={false} error={props.error ?? null} saved={false} />);
  return { onSave, user: userEvent.setup({ delay: null }) };
}

const numbers = () => screen.getAllByLabelText(/^Number \d$/).map((input) => (input as HTMLInputElement).value);

// typing into several Mantine inputs takes seconds on a busy machine
vi.setConfig({ testTimeout: 30_000 });

describe('FollowMeEditor', () => {
  it('moves a number down and up with the buttons and saves that order', async () => {
    const { onSave, user } = setup({ enabled: true, targets: [...TWO.targets, { destination: '+34911234567', ringSeconds: 15 }] });
    await user.click(screen.getByRole('button', { name: 'Move number 1 down' }));
    expect(numbers()).toEqual(['+351211234567', '+442079460958', '+34911234567']);
    await user.click(screen.getByRole('button', { name: 'Move number 3 up' }));
    expect(numbers()).toEqual(['+351211234567', '+34911234567', '+442079460958']);
    expect(screen.getByRole('button', { name: 'Move number 1 up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move number 3 down' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({
      enabled: true,
      targets: [
        { destination: '+351211234567', ringSeconds: 30 },
        { destination: '+34911234567', ringSeconds: 15 },
        { destination: '+442079460958', ringSeconds: 20 },
      ],
    });
  });

  it('adds a number (normalised to E.164) and removes another', async () => {
    const { onSave, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a number' }));
    await user.type(screen.getByLabelText('Number 3'), '0034 91 123 45 67');
    const ring = screen.getByLabelText('Ring for number 3');
    await user.clear(ring);
    await user.type(ring, '45');
    await user.click(screen.getByRole('button', { name: 'Remove number 1' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({
      enabled: true,
      targets: [
        { destination: '+351211234567', ringSeconds: 30 },
        { destination: '+34911234567', ringSeconds: 45 },
      ],
    });
  });

  it('offers no sixth number', async () => {
    const { user } = setup({ enabled: false, targets: [] });
    const add = screen.getByRole('button', { name: 'Add a number' });
    for (let i = 0; i < 5; i += 1) await user.click(add);
    expect(screen.getAllByTestId('follow-me-row')).toHaveLength(5);
    expect(add).toBeDisabled();
  });

  it('does not save a bad list and says what is wrong next to each row', async () => {
    const { onSave, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a number' }));
    await user.type(screen.getByLabelText('Number 3'), '+44 20 7946 0958');
    const ring = screen.getByLabelText('Ring for number 1');
    await user.clear(ring);
    await user.type(ring, '4');
    await user.clear(screen.getByLabelText('Number 2'));
    await user.type(screen.getByLabelText('Number 2'), '020 7946');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    const rows = screen.getAllByTestId('follow-me-row');
    expect(within(rows[0]!).getByText('Whole seconds from 5 to 120')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Enter an international number: + and 8 to 15 digits')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('This number is already in the list')).toBeInTheDocument();
  });

  it('switches on when the first number is added to an empty, switched-off list; the label says the state', async () => {
    const { onSave, user } = setup({ enabled: false, targets: [] });
    expect(screen.getByRole('switch', { name: /FollowMe is off/ })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Add a number' }));
    expect(screen.getByRole('switch', { name: /FollowMe is on/ })).toBeChecked();
    await user.type(screen.getByLabelText('Number 1'), '+44 20 7946 0958');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ enabled: true, targets: [{ destination: '+442079460958', ringSeconds: 20 }] });
    await user.click(screen.getByRole('switch', { name: /FollowMe is on/ }));
    expect(screen.getByRole('switch', { name: /FollowMe is off/ })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ enabled: false, targets: [{ destination: '+442079460958', ringSeconds: 20 }] });
  });

  it('will not switch on with no number', async () => {
    const { onSave, user } = setup({ enabled: false, targets: [] });
    await user.click(screen.getByRole('switch', { name: /FollowMe is off/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Add at least one number to switch FollowMe on');
  });

  it("shows the API's refusal next to the row it names", () => {
    const error = new ProblemError({ type: 'about:blank', title: 'Unprocessable', status: 422, code: 'invalid_follow_me_destination', detail: 'FollowMe targets[1]: destination "+3512" must be an international number' });
    setup(TWO, { error });
    const rows = screen.getAllByTestId('follow-me-row');
    expect(within(rows[1]!).getByText(/targets\[1\]: destination "\+3512"/)).toBeInTheDocument();
    expect(within(rows[0]!).queryByText(/targets\[1\]/)).toBeNull();
  });

  it('without the feature it can be switched off but not on', async () => {
    const { onSave, user } = setup({ enabled: false, targets: TWO.targets }, { featureAssigned: false });
    expect(screen.getByRole('switch', { name: /FollowMe is off/ })).toBeDisabled();
    expect(screen.getByText('FollowMe is not part of your service')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ enabled: false, targets: TWO.targets });
  });

  it('reorders by keyboard drag: space on the handle, arrow down, space', async () => {
    // jsdom lays nothing out: give each row the box it would have, stacked 100 px apart.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const rows = screen.queryAllByTestId('follow-me-row');
      const index = rows.indexOf(this);
      const top = index < 0 ? 0 : index * 100;
      return { x: 0, y: top, top, left: 0, width: 300, height: index < 0 ? 0 : 80, bottom: top + (index < 0 ? 0 : 80), right: 300, toJSON: () => ({}) } as DOMRect;
    });
    const { onSave, user } = setup();
    screen.getByRole('button', { name: 'Reorder number 1' }).focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');
    expect(numbers()).toEqual(['+351211234567', '+442079460958']);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ enabled: true, targets: [TWO.targets[1], TWO.targets[0]] });
  });
});

describe('FollowMe rules', () => {
  it('moves rows and clamps the target', () => {
    expect(moveRow(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveRow(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveRow(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('normalises international numbers only', () => {
    expect(normaliseNumber('+44 (20) 7946-0958')).toBe('+442079460958');
    expect(normaliseNumber('0044 20 7946 0958')).toBe('+442079460958');
    expect(normaliseNumber('020 7946 0958')).toBeNull();
    expect(normaliseNumber('+0441234567')).toBeNull();
    expect(normaliseNumber('+1234567')).toBeNull();
  });

  it('accepts ring times from 5 to 120 whole seconds and at most 5 numbers', () => {
    const row = (ringSeconds: string, n = 0) => ({ key: `k${n}${ringSeconds}`, destination: `+4420794609${50 + n}`, ringSeconds });
    expect(checkFollowMe(true, [row('5'), row('120', 1)]).targets).toEqual([
      { destination: '+442079460950', ringSeconds: 5 },
      { destination: '+442079460951', ringSeconds: 120 },
    ]);
    for (const bad of ['4', '121', '1.5', '', 'ten']) expect(checkFollowMe(true, [row(bad)]).targets).toBeNull();
    expect(checkFollowMe(false, [0, 1, 2, 3, 4, 5].map((n) => row('20', n))).form).toBe('tooMany');
    expect(checkFollowMe(false, []).targets).toEqual([]);
  });

  it('finds the row a problem names', () => {
    expect(problemRowIndex({ errors: [{ path: '/targets/3/ringSeconds' }] })).toBe(3);
    expect(problemRowIndex({ detail: 'FollowMe targets[2]: ring time …' })).toBe(2);
    expect(problemRowIndex({ detail: 'FollowMe needs at least one target' })).toBeNull();
  });
});
