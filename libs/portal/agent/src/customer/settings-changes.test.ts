import { describe, expect, it } from 'vitest';
import { settingsChanges, type SettingsValues } from './settings-changes.js';

const saved: SettingsValues = { lowBalanceThreshold: '5', contactEmail: 'jo@example.com', language: 'en', lowBalanceEmailEnabled: true };

describe('settingsChanges', () => {
  it('is empty when nothing changed (spaces around the e-mail do not count)', () => {
    expect(settingsChanges(saved, { ...saved, contactEmail: ' jo@example.com ' })).toEqual({});
  });
  it('sends only the changed fields', () => {
    expect(settingsChanges(saved, { ...saved, lowBalanceThreshold: '2.5', lowBalanceEmailEnabled: false })).toEqual({ lowBalanceThreshold: '2.5', lowBalanceEmailEnabled: false });
  });
  it('removes the e-mail when it is emptied', () => {
    expect(settingsChanges(saved, { ...saved, contactEmail: '' })).toEqual({ contactEmail: null });
  });
});
