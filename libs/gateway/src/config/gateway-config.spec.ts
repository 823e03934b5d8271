import { ConfigError, describeConfig, loadGatewayConfig } from './gateway-config.js';

describe('loadGatewayConfig', () => {
  it('applies the docs/API.md defaults to an empty environment', () => {
    const config = loadGatewayConfig({}, '/srv/app');
    expect(config).toEqual({
      port: 3000,
      dataDir: '/srv/app/data',
      databaseUrl: undefined,
      kafkaBrokers: undefined,
      transportMode: 'in-process',
      adminUsername: 'admin',
      adminPassword: undefined,
      switchApiKey: undefined,
      billingCurrency: 'USD',
      smtpUrl: undefined,
      mailFrom: undefined,
      stripeSecretKey: undefined,
      stripeWebhookSecret: undefined,
      stripeApiBase: 'https://api.stripe.com',
      stripePublishableKey: undefined,
      portalUrl: 'http://localhost:3000',
      jwtSecret: undefined,
      sipRealm: 'localhost',
      trustedProxies: [],
      portalDir: undefined,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadGatewayConfig(
      {
        PORT: '8080',
        DATA_DIR: '/var/lib/billing',
        DATABASE_URL: 'postgres://u:p@db:5432/billing',
        KAFKA_BROKERS: 'k1:9092, k2:9092,',
        ADMIN_USERNAME: 'ITC-Admin',
        ADMIN_PASSWORD: 'long-enough-password',
        SWITCH_API_KEY: 'abcdefghijklmnopqrstuvwxyz',
        BILLING_CURRENCY: 'EUR',
        SMTP_URL: 'smtp://user:pass@mail:587',
        MAIL_FROM: 'Billing <billing@itc.example>',
        STRIPE_SECRET_KEY: 'sk_test_1',
        STRIPE_WEBHOOK_SECRET: 'whsec_1',
        STRIPE_API_BASE: 'http://127.0.0.1:12111/',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_51AbCdEf0123456789',
        PORTAL_URL: 'https://portal.itc.example/',
        JWT_SECRET: 'x'.repeat(32),
        SIP_REALM: ' SIP.ITC.example ',
        TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7 fd00::/8',
        PORTAL_DIR: '/srv/portal',
      },
      '/ignored',
    );
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/billing',
      kafkaBrokers: ['k1:9092', 'k2:9092'],
      transportMode: 'kafka',
      adminUsername: 'itc-admin',
      billingCurrency: 'EUR',
      stripeApiBase: 'http://127.0.0.1:12111',
      stripePublishableKey: 'pk_test_51AbCdEf0123456789',
      portalUrl: 'https://portal.itc.example',
      sipRealm: 'sip.itc.example',
      trustedProxies: ['10.0.0.0/8', '192.168.1.7', 'fd00::/8'],
      portalDir: '/srv/portal',
    });
  });

  it('resolves a relative PORTAL_DIR against the working directory', () => {
    expect(loadGatewayConfig({ PORTAL_DIR: 'web/portal' }, '/opt/billing').portalDir).toBe('/opt/billing/web/portal');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or CIDR block', () => {
    expect(() => loadGatewayConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES must be IP addresses or CIDR blocks.*"10\.0\.0\.0\/33"/);
    expect(() => loadGatewayConfig({ TRUSTED_PROXIES: 'proxy.internal' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('refuses a STRIPE_PUBLISHABLE_KEY that is not a publishable key (a secret key there would reach every browser)', () => {
    expect(() => loadGatewayConfig({ STRIPE_PUBLISHABLE_KEY: 'sk_test_51AbCdEf0123456789' })).toThrow(/STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key \(pk_test_… or pk_live_…\)$/m);
    expect(() => loadGatewayConfig({ STRIPE_PUBLISHABLE_KEY: 'pk_test_' })).toThrow(/STRIPE_PUBLISHABLE_KEY/);
  });

  it('refuses a SIP_REALM that would make the HA1 ambiguous', () => {
    expect(() => loadGatewayConfig({ SIP_REALM: 'sip.example.com:5060' })).toThrow(/SIP_REALM must be a host name.*\(got "sip\.example\.com:5060"\)/);
    expect(() => loadGatewayConfig({ SIP_REALM: 'two words' })).toThrow(/SIP_REALM must be a host name/);
  });

  it('treats empty variables as unset', () => {
    expect(loadGatewayConfig({ PORT: '', ADMIN_PASSWORD: ' ', KAFKA_BROKERS: '' }).port).toBe(3000);
  });

  it('reports every problem at once, without echoing secrets or URLs', () => {
    let error: unknown;
    try {
      loadGatewayConfig({
        PORT: '70000',
        BILLING_CURRENCY: 'usd',
        ADMIN_PASSWORD: 'short',
        DATABASE_URL: 'mysql://root:topsecret@db/x',
        KAFKA_BROKERS: 'no-port',
        JWT_SECRET: 'tiny',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(6);
    expect(message).toMatch(/PORT must be at most 65535/);
    expect(message).toMatch(/BILLING_CURRENCY must be an ISO 4217 code.*\(got "usd"\)/);
    expect(message).toMatch(/ADMIN_PASSWORD must be at least 10 characters/);
    expect(message).toMatch(/KAFKA_BROKERS must be a comma-separated list of host:port/);
    expect(message).not.toMatch(/short|topsecret|tiny/);
  });

  it('checks that settings that go together are set together', () => {
    expect(() => loadGatewayConfig({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(/STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET/);
    expect(() => loadGatewayConfig({ SMTP_URL: 'smtp://mail:25' })).toThrow(/MAIL_FROM must be set/);
    expect(() => loadGatewayConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must be a URL \(smtp:\/\/ or smtps:\/\/\)/);
  });

  it('takes INTERNAL_SERVICE_KEY (≥ 32 printable characters, never echoed, not the switch key); unset by default', () => {
    expect(loadGatewayConfig({}).internalServiceKey).toBeUndefined();
    expect(loadGatewayConfig({ INTERNAL_SERVICE_KEY: 'k'.repeat(32) }).internalServiceKey).toBe('k'.repeat(32));
    expect(() => loadGatewayConfig({ INTERNAL_SERVICE_KEY: 'short-secret' })).toThrow(/INTERNAL_SERVICE_KEY must be at least 32 characters$/m);
    expect(() => loadGatewayConfig({ INTERNAL_SERVICE_KEY: `${'k'.repeat(32)} x` })).toThrow(/INTERNAL_SERVICE_KEY must be printable ASCII without spaces$/m);
    const same = 's'.repeat(40);
    expect(() => loadGatewayConfig({ SWITCH_API_KEY: same, INTERNAL_SERVICE_KEY: same })).toThrow(/INTERNAL_SERVICE_KEY must differ from SWITCH_API_KEY/);
  });

  it('describes itself for logs with passwords masked', () => {
    const text = JSON.stringify(describeConfig(loadGatewayConfig({ DATABASE_URL: 'postgres://u:secret@db/x', ADMIN_PASSWORD: 'a-secret-password' })));
    expect(text).not.toMatch(/secret@|a-secret-password/);
    expect(text).toContain('postgres://u:***@db/x');
  });
});
