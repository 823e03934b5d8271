import { spec } from '@billing/decider/testing';
import { audit, customerOpened, meta } from '../testing/fixtures.js';
import type { CustomerCommand, SetFollowMe } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);
const set = (enabled: boolean, targets: SetFollowMe['targets']): CustomerCommand => ({ type: 'SetFollowMe', customerId: 'customer-1', enabled, targets, meta });
const toggle = (enabled: boolean): CustomerCommand => ({ type: 'SetFollowMeEnabled', customerId: 'customer-1', enabled, meta });
const changed = (enabled: boolean, targets: { destination: string; ringSeconds: number }[]): CustomerEvent => ({
  type: 'FollowMeChanged',
  customerId: 'customer-1',
  enabled,
  targets,
  ...audit,
});

const mobile = { destination: '+447700900123', ringSeconds: 20 };
const office = { destination: '+442079460958', ringSeconds: 30 };
const withTargets = [customerOpened, changed(true, [mobile, office])];

describe('SetFollowMe', () => {
  it('sets ordered targets with normalised destinations', () => {
    given([customerOpened])
      .when(set(true, [{ destination: '0044 7700 900123', ringSeconds: 20 }, { destination: '+44 20 7946 0958', ringSeconds: 30 }]))
      .then([changed(true, [mobile, office])]);
  });

  it('keeps the order given (the order calls are tried in)', () => {
    given(withTargets).when(set(true, [office, mobile])).then([changed(true, [office, mobile])]);
  });

  it('may keep targets while disabled, and clear them all', () => {
    given(withTargets).when(set(false, [mobile])).then([changed(false, [mobile])]);
    given(withTargets).when(set(false, [])).then([changed(false, [])]);
  });

  it('accepts ring times 5 and 120 and 5 targets', () => {
    const five = [5, 120, 30, 40, 50].map((ringSeconds, i) => ({ destination: `+4477009001${i}0`, ringSeconds }));
    given([customerOpened]).when(set(true, five)).then([changed(true, five)]);
  });

  it('is idempotent', () => {
    given(withTargets).when(set(true, [{ destination: '+44 7700 900123', ringSeconds: 20 }, office])).thenNothing();
    given([customerOpened]).when(set(false, [])).thenNothing();
  });

  it.each<[boolean, SetFollowMe['targets'], string, string]>([
    [true, [], 'FollowMe needs at least one target to be enabled', 'follow_me_empty'],
    [true, Array.from({ length: 6 }, (_, i) => ({ destination: `+4477009001${i}0`, ringSeconds: 20 })), 'FollowMe takes at most 5 targets', 'follow_me_too_many_targets'],
    [true, [{ destination: '07700900123', ringSeconds: 20 }], 'FollowMe targets[0]: destination "07700900123" must be an international number: + and 8 to 15 digits', 'invalid_follow_me_destination'],
    [true, [{ ...mobile, ringSeconds: 4 }], 'FollowMe targets[0]: ring time must be a whole number of seconds from 5 to 120', 'invalid_ring_seconds'],
    [true, [{ ...mobile, ringSeconds: 121 }], 'FollowMe targets[0]: ring time must be a whole number of seconds from 5 to 120', 'invalid_ring_seconds'],
    [true, [{ ...mobile, ringSeconds: 20.5 }], 'FollowMe targets[0]: ring time must be a whole number of seconds from 5 to 120', 'invalid_ring_seconds'],
    [true, [mobile, { destination: '0044 7700 900123', ringSeconds: 10 }], 'FollowMe destinations must be distinct', 'duplicate_follow_me_destination'],
  ])('rejects enabled=%p targets=%p', (enabled, targets, message, code) => {
    given([customerOpened]).when(set(enabled, targets)).thenRejects(message, code);
  });

  it('refuses an unknown customer', () => given([]).when(set(false, [])).thenRejects('customer not found', 'customer_not_found'));
});

describe('SetFollowMeEnabled', () => {
  it('disables and enables keeping the targets', () => {
    given(withTargets).when(toggle(false)).then([changed(false, [mobile, office])]);
    given([customerOpened, changed(false, [mobile])]).when(toggle(true)).then([changed(true, [mobile])]);
  });

  it('is idempotent', () => {
    given(withTargets).when(toggle(true)).thenNothing();
    given([customerOpened]).when(toggle(false)).thenNothing();
  });

  it('cannot enable without targets', () => {
    given([customerOpened]).when(toggle(true)).thenRejects('FollowMe needs at least one target to be enabled', 'follow_me_empty');
  });
});

describe('evolve', () => {
  it('asserts FollowMe is never enabled without targets', () => {
    expect(() => [customerOpened, changed(true, [])].reduce(customerDecider.evolve, customerDecider.initialState())).toThrow(
      'FollowMe enabled without targets',
    );
  });
});
