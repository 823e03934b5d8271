import { Controller, Get, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { x } from '@billing/money';
@Injectable() class Svc { hi() { return 'hi' + x; } }
@Controller() class C { constructor(private readonly s: Svc) {} @Get('/h') h() { return this.s.hi(); } }
@Module({ controllers: [C], providers: [Svc] }) class M {}
test('nest boots', async () => {
  expect(process.env.TEST_MARK).toBe('set 1');
  const app = await NestFactory.create(M, { logger: false });
  await app.listen(0);
  const url = await app.getUrl();
  const r = await fetch(url.replace('[::1]', '127.0.0.1') + '/h');
  expect(await r.text()).toBe('hi1');
  await app.close();
});
