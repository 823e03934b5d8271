// English e-mails: the fallback for every language without its own set.
import type { TemplateSet } from './template-set.js';

export const en: TemplateSet = {
  language: 'en',
  footer: 'This is an automatic message from ITC billing. Please do not reply to it.',
  templates: {
    'low-balance': {
      subject: '{{#if isAgent}}Low balance on your agent account{{else}}Low balance on account {{accountNumber}}{{/if}}',
      text: `{{#if isAgent}}Hello {{name}},

The main balance of your agent account is {{balance}} {{currency}}, below your low-balance threshold of {{threshold}} {{currency}}.
While it is low you may not be able to move money to your customers.

How to top up: pay by card in the agent portal at {{portalUrl}}, or send a deposit to ITC.
{{else}}Hello,

The balance of your account {{accountNumber}} is {{balance}} {{currency}}, below your low-balance threshold of {{threshold}} {{currency}}.
Calls may be refused when the balance runs out.

How to top up: pay by card in your portal at {{portalUrl}}{{#if agentName}}, or ask {{agentName}} for a top-up{{/if}}.

You get this alert because low-balance e-mails are on for {{email}}. You can turn them off in the portal settings.
{{/if}}
Recorded at {{date}}.
`,
      html: `{{#if isAgent}}<p>Hello {{name}},</p>
<p>The main balance of your agent account is <strong>{{balance}} {{currency}}</strong>, below your low-balance threshold of {{threshold}} {{currency}}.
While it is low you may not be able to move money to your customers.</p>
<p>How to top up: pay by card in the <a href="{{portalUrl}}">agent portal</a>, or send a deposit to ITC.</p>
{{else}}<p>Hello,</p>
<p>The balance of your account {{accountNumber}} is <strong>{{balance}} {{currency}}</strong>, below your low-balance threshold of {{threshold}} {{currency}}.
Calls may be refused when the balance runs out.</p>
<p>How to top up: pay by card in <a href="{{portalUrl}}">your portal</a>{{#if agentName}}, or ask {{agentName}} for a top-up{{/if}}.</p>
<p>You get this alert because low-balance e-mails are on for {{email}}. You can turn them off in the portal settings.</p>
{{/if}}<p>Recorded at {{date}}.</p>`,
    },
    'deposit-receipt': {
      subject: 'Receipt: {{amount}} {{currency}} added to {{#if isAgent}}your agent account{{else}}account {{accountNumber}}{{/if}}',
      text: `Hello{{#if name}} {{name}}{{/if}},

We received your {{#if byCard}}card payment{{else}}deposit{{/if}} of {{amount}} {{currency}} into {{#if isAgent}}your agent account{{else}}account {{accountNumber}}{{/if}}.

Amount:       {{amount}} {{currency}}
New balance:  {{balanceAfter}} {{currency}}
Deposit:      {{depositId}}
{{#if reference}}Reference:    {{reference}}
{{/if}}Date:         {{date}}

Your account: {{portalUrl}}
`,
      html: `<p>Hello{{#if name}} {{name}}{{/if}},</p>
<p>We received your {{#if byCard}}card payment{{else}}deposit{{/if}} of <strong>{{amount}} {{currency}}</strong> into {{#if isAgent}}your agent account{{else}}account {{accountNumber}}{{/if}}.</p>
<table>
<tr><td>Amount</td><td>{{amount}} {{currency}}</td></tr>
<tr><td>New balance</td><td>{{balanceAfter}} {{currency}}</td></tr>
<tr><td>Deposit</td><td>{{depositId}}</td></tr>
{{#if reference}}<tr><td>Reference</td><td>{{reference}}</td></tr>
{{/if}}<tr><td>Date</td><td>{{date}}</td></tr>
</table>
<p><a href="{{portalUrl}}">Your account</a></p>`,
    },
    'transfer-receipt': {
      subject: 'Receipt: {{amount}} {{currency}} moved to account {{relatedAccountNumber}}',
      text: `Hello {{name}},

You moved {{amount}} {{currency}} from your main balance to your customer's account {{relatedAccountNumber}}.

Amount:             {{amount}} {{currency}}
Your main balance:  {{balanceAfter}} {{currency}}
Transfer:           {{transferId}}
Date:               {{date}}

Keep this e-mail as the record of the top-up you bill your customer for.
`,
      html: `<p>Hello {{name}},</p>
<p>You moved <strong>{{amount}} {{currency}}</strong> from your main balance to your customer's account {{relatedAccountNumber}}.</p>
<table>
<tr><td>Amount</td><td>{{amount}} {{currency}}</td></tr>
<tr><td>Your main balance</td><td>{{balanceAfter}} {{currency}}</td></tr>
<tr><td>Transfer</td><td>{{transferId}}</td></tr>
<tr><td>Date</td><td>{{date}}</td></tr>
</table>
<p>Keep this e-mail as the record of the top-up you bill your customer for.</p>`,
    },
    'commission-statement': {
      subject: 'Commission statement: {{amount}} {{currency}} moved to your main balance',
      text: `Hello {{name}},

Commission statement line:

{{date}}  Commission moved to main balance  {{amount}} {{currency}}
Commission balance after:  {{commissionBalanceAfter}} {{currency}}
Reference:                 {{commissionTransferId}}

Your commission history: {{portalUrl}}
`,
      html: `<p>Hello {{name}},</p>
<p>Commission statement line:</p>
<table>
<tr><th>Date</th><th>Movement</th><th>Amount</th></tr>
<tr><td>{{date}}</td><td>Commission moved to main balance</td><td>{{amount}} {{currency}}</td></tr>
</table>
<p>Commission balance after: {{commissionBalanceAfter}} {{currency}}<br>Reference: {{commissionTransferId}}</p>
<p><a href="{{portalUrl}}">Your commission history</a></p>`,
    },
    'account-suspended': {
      subject: 'Account {{accountNumber}} suspended',
      text: `Hello,

Your account {{accountNumber}} was suspended on {{date}}.{{#if reason}}
Reason: {{reason}}{{/if}}
While it is suspended, calls are refused.

{{#if agentName}}Please contact {{agentName}} to have it reactivated.{{else}}Please contact ITC support to have it reactivated.{{/if}}
Portal: {{portalUrl}}
`,
      html: `<p>Hello,</p>
<p>Your account {{accountNumber}} was suspended on {{date}}.{{#if reason}}<br>Reason: {{reason}}{{/if}}</p>
<p>While it is suspended, calls are refused.</p>
<p>{{#if agentName}}Please contact {{agentName}} to have it reactivated.{{else}}Please contact ITC support to have it reactivated.{{/if}}</p>
<p><a href="{{portalUrl}}">Portal</a></p>`,
    },
    'batch-opened': {
      subject: '{{count}} customer accounts opened for you (batch {{batchId}})',
      text: `Hello {{name}},

ITC opened {{count}} customer accounts for you in batch {{batchId}} on {{date}}.
The attached CSV lists their account numbers.

Credentials are never sent by e-mail: they were shown once to whoever opened the batch, and
each customer can set a new password from the portal.

Manage your customers: {{portalUrl}}
`,
      html: `<p>Hello {{name}},</p>
<p>ITC opened {{count}} customer accounts for you in batch {{batchId}} on {{date}}. The attached CSV lists their account numbers.</p>
<p>Credentials are never sent by e-mail: they were shown once to whoever opened the batch, and each customer can set a new password from the portal.</p>
<p><a href="{{portalUrl}}">Manage your customers</a></p>`,
    },
  },
};
