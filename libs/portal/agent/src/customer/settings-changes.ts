export interface SettingsValues {
  lowBalanceThreshold: string;
  contactEmail: string;
  language: string;
  lowBalanceEmailEnabled: boolean;
}

export interface SettingsChanges {
  lowBalanceThreshold?: string;
  contactEmail?: string | null;
  language?: string;
  lowBalanceEmailEnabled?: boolean;
}

/** Only what the form changed (an emptied e-mail removes it: null); `{}` = nothing to send. */
export function settingsChanges(saved: SettingsValues, edited: SettingsValues): SettingsChanges {
  const changes: SettingsChanges = {};
  if (edited.lowBalanceThreshold !== saved.lowBalanceThreshold) changes.lowBalanceThreshold = edited.lowBalanceThreshold;
  const email = edited.contactEmail.trim();
  if (email !== saved.contactEmail) changes.contactEmail = email === '' ? null : email;
  if (edited.language !== saved.language) changes.language = edited.language;
  if (edited.lowBalanceEmailEnabled !== saved.lowBalanceEmailEnabled) changes.lowBalanceEmailEnabled = edited.lowBalanceEmailEnabled;
  return changes;
}
