import { createHash } from 'node:crypto';
import { generatePortalPassword, generateSipPassword, sipHa1 } from './generated-credentials.js';

describe('SIP credentials', () => {
  it('HA1 is md5(user:realm:password) in lowercase hex', () => {
    expect(sipHa1('1000000016', 'sip.example', 'secret')).toBe(createHash('md5').update('1000000016:sip.example:secret').digest('hex'));
    // RFC 2617 §3.5's example user: md5("Mufasa:testrealm@host.com:Circle Of Life")
    expect(sipHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life')).toBe('939e7578ed9e3c518a452acee763bce9');
  });

  it('generates 20 letters and digits, different every time', () => {
    const passwords = Array.from({ length: 100 }, generateSipPassword);
    for (const password of passwords) expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
    expect(new Set(passwords).size).toBe(100);
  });

  it('generates portal passwords of 24 letters and digits: never a CSV formula, never a look-alike', () => {
    for (let i = 0; i < 1000; i++) expect(generatePortalPassword()).toMatch(/^[A-HJ-NP-Za-km-z2-9]{24}$/);
  });
});
