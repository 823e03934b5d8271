/** A SIP user by its name where it has one, with the username that the switch and the CSV know. */
export function sipUserLabel(user: { sipUsername: string; displayName?: string | null }): string {
  return user.displayName === null || user.displayName === undefined || user.displayName.trim() === '' ? user.sipUsername : `${user.displayName} (${user.sipUsername})`;
}
