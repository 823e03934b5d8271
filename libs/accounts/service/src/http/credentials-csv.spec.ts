import { credentialsCsv } from './credentials-csv.js';

const customer = { customerId: 'c-1', accountNumber: '1000000016', sipUsername: '1000000016', sipPassword: 'Secret123', portalUsername: '1000000016', portalPassword: 'p4ss' };

describe('credentialsCsv', () => {
  it('writes a header and one CRLF line per customer', () => {
    expect(credentialsCsv([customer], 'sip.example')).toBe(
      'account_number,customer_id,sip_username,sip_password,sip_realm,portal_username,portal_password\r\n' +
        '1000000016,c-1,1000000016,Secret123,sip.example,1000000016,p4ss\r\n',
    );
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    const line = credentialsCsv([{ ...customer, portalUsername: '=cmd|x', portalPassword: 'a,"b"' }], 'r').split('\r\n')[1];
    expect(line).toBe(`1000000016,c-1,1000000016,Secret123,r,'=cmd|x,"a,""b"""`);
  });

  it('leaves the passwords empty when they are not shown (a replay)', () => {
    const line = credentialsCsv([{ ...customer, sipPassword: null, portalPassword: null }], 'r').split('\r\n')[1];
    expect(line).toBe('1000000016,c-1,1000000016,,r,1000000016,');
  });
});
