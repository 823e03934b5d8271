import { checkProfileNameFree, isProfileRename } from './profile-name.js';

describe("an owner's profile names", () => {
  const others = [{ profileId: 'p-basic', name: 'Prepaid basic' }];

  it.each(['PREPAID BASIC', 'Prepaid\u00a0basic', 'Prepaid  basic', ' prepaid basic '])('%p is taken: 409 name_taken naming the profile that has it', (name) => {
    expect(() => checkProfileNameFree(name, others)).toThrow(
      expect.objectContaining({ status: 409, code: 'name_taken', message: 'a profile named "Prepaid basic" already exists (profile p-basic): choose another name' }),
    );
  });

  it('another name is free', () => {
    expect(() => checkProfileNameFree('Prepaid plus', others)).not.toThrow();
    expect(() => checkProfileNameFree('Prepaidbasic', others)).not.toThrow();
  });

  it('a change of case or spacing is no rename (the profile keeps its own name)', () => {
    expect(isProfileRename('Prepaid basic', 'PREPAID\u00a0basic')).toBe(false);
    expect(isProfileRename('Prepaid basic', 'Prepaid plus')).toBe(true);
  });
});
