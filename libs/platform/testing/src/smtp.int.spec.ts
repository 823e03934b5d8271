// The SMTP helper receives real mail from nodemailer, and can fail first / reject.
import nodemailer from 'nodemailer';
import { startTestSmtpServer, type TestSmtpServer } from './index.js';

describe('startTestSmtpServer', () => {
  const servers: TestSmtpServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  async function server(options?: Parameters<typeof startTestSmtpServer>[0]): Promise<TestSmtpServer> {
    const s = await startTestSmtpServer(options);
    servers.push(s);
    return s;
  }

  function transport(s: TestSmtpServer) {
    // The way the notifications service reads SMTP_URL (credentials included).
    const url = new URL(s.url);
    url.username = 'mailer';
    url.password = 'secret';
    return nodemailer.createTransport(url.toString());
  }

  it('receives a mail sent by nodemailer, with parsed headers, text, html and attachments', async () => {
    const smtp = await server();
    const info = await transport(smtp).sendMail({
      from: '"ITC Billing" <billing@itc.example>',
      to: 'Jörg Agent <agent@example.com>',
      subject: 'Low balance: 4.500000 € left',
      text: 'Your balance is 4.500000.\nTop up soon — thanks!',
      html: '<p>Your balance is <b>4.500000</b>.</p>',
      attachments: [{ filename: 'statement.csv', content: 'date,amount\n2026-01-01,4.500000\n' }],
      headers: { 'X-Billing-Event': 'LowBalanceWarned' },
    });
    expect(info.accepted).toEqual(['agent@example.com']);

    const [mail] = await smtp.waitForMessages(1);
    expect(mail).toMatchObject({
      from: 'billing@itc.example',
      to: ['agent@example.com'],
      authUser: 'mailer',
      subject: 'Low balance: 4.500000 € left',
      text: 'Your balance is 4.500000.\nTop up soon — thanks!',
      html: '<p>Your balance is <b>4.500000</b>.</p>',
    });
    expect(mail?.headers.to).toBe('Jörg Agent <agent@example.com>');
    expect(mail?.headers['x-billing-event']).toBe('LowBalanceWarned');
    expect(mail?.attachments).toHaveLength(1);
    expect(mail?.attachments[0]?.filename).toBe('statement.csv');
    expect(mail?.attachments[0]?.content.toString('utf8')).toBe('date,amount\n2026-01-01,4.500000\n');
    expect(mail?.raw).toMatch(/^Content-Type: multipart\/mixed/m);
    expect(smtp.attempts).toEqual([{ n: 1, code: 250, from: 'billing@itc.example', to: ['agent@example.com'] }]);
  });

  it('failFirst: the first attempt fails with 421, the retry is accepted', async () => {
    const smtp = await server({ failFirst: 1 });
    const mailer = transport(smtp);
    const mail = { from: 'billing@itc.example', to: 'agent@example.com', subject: 'Receipt', text: 'Paid 10.000000' };

    await expect(mailer.sendMail(mail)).rejects.toMatchObject({ responseCode: 421 });
    expect(smtp.messages).toHaveLength(0);

    await mailer.sendMail(mail);
    expect(smtp.messages.map((m) => m.subject)).toEqual(['Receipt']);
    expect(smtp.attempts.map((a) => a.code)).toEqual([421, 250]);
  });

  it('rejectWith: every message is refused permanently', async () => {
    const smtp = await server({ rejectWith: 550 });
    const mailer = transport(smtp);
    await expect(mailer.sendMail({ from: 'billing@itc.example', to: 'gone@example.com', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(mailer.sendMail({ from: 'billing@itc.example', to: 'gone@example.com', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    expect(smtp.messages).toHaveLength(0);
    expect(smtp.attempts.map((a) => a.code)).toEqual([550, 550]);
  });

  it('waitForMessages rejects after its timeout', async () => {
    const smtp = await server();
    await expect(smtp.waitForMessages(1, 100)).rejects.toThrow(/0 of 1 messages after 100 ms/);
  });
});
