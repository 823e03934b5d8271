// Spanish e-mails (any "es-*" language tag).
import type { TemplateSet } from './template-set.js';

export const es: TemplateSet = {
  language: 'es',
  footer: 'Este es un mensaje automático de la facturación de ITC. Por favor, no lo responda.',
  templates: {
    'low-balance': {
      subject: '{{#if isAgent}}Saldo bajo en su cuenta de agente{{else}}Saldo bajo en la cuenta {{accountNumber}}{{/if}}',
      text: `{{#if isAgent}}Hola {{name}}:

El saldo principal de su cuenta de agente es {{balance}} {{currency}}, por debajo de su umbral de saldo bajo de {{threshold}} {{currency}}.
Mientras sea bajo, es posible que no pueda transferir dinero a sus clientes.

Cómo recargar: pague con tarjeta en el portal de agentes, {{portalUrl}}, o envíe un depósito a ITC.
{{else}}Hola:

El saldo de su cuenta {{accountNumber}} es {{balance}} {{currency}}, por debajo de su umbral de saldo bajo de {{threshold}} {{currency}}.
Las llamadas pueden ser rechazadas cuando el saldo se agote.

Cómo recargar: pague con tarjeta en su portal, {{portalUrl}}{{#if agentName}}, o pida una recarga a {{agentName}}{{/if}}.

Recibe este aviso porque los correos de saldo bajo están activados para {{email}}. Puede desactivarlos en la configuración del portal.
{{/if}}
Registrado el {{date}}.
`,
      html: `{{#if isAgent}}<p>Hola {{name}}:</p>
<p>El saldo principal de su cuenta de agente es <strong>{{balance}} {{currency}}</strong>, por debajo de su umbral de saldo bajo de {{threshold}} {{currency}}.
Mientras sea bajo, es posible que no pueda transferir dinero a sus clientes.</p>
<p>Cómo recargar: pague con tarjeta en el <a href="{{portalUrl}}">portal de agentes</a>, o envíe un depósito a ITC.</p>
{{else}}<p>Hola:</p>
<p>El saldo de su cuenta {{accountNumber}} es <strong>{{balance}} {{currency}}</strong>, por debajo de su umbral de saldo bajo de {{threshold}} {{currency}}.
Las llamadas pueden ser rechazadas cuando el saldo se agote.</p>
<p>Cómo recargar: pague con tarjeta en <a href="{{portalUrl}}">su portal</a>{{#if agentName}}, o pida una recarga a {{agentName}}{{/if}}.</p>
<p>Recibe este aviso porque los correos de saldo bajo están activados para {{email}}. Puede desactivarlos en la configuración del portal.</p>
{{/if}}<p>Registrado el {{date}}.</p>`,
    },
    'deposit-receipt': {
      subject: 'Recibo: {{amount}} {{currency}} abonados en {{#if isAgent}}su cuenta de agente{{else}}la cuenta {{accountNumber}}{{/if}}',
      text: `Hola{{#if name}} {{name}}{{/if}}:

Hemos recibido su {{#if byCard}}pago con tarjeta{{else}}depósito{{/if}} de {{amount}} {{currency}} en {{#if isAgent}}su cuenta de agente{{else}}la cuenta {{accountNumber}}{{/if}}.

Importe:       {{amount}} {{currency}}
Nuevo saldo:   {{balanceAfter}} {{currency}}
Depósito:      {{depositId}}
{{#if reference}}Referencia:    {{reference}}
{{/if}}Fecha:         {{date}}

Su cuenta: {{portalUrl}}
`,
      html: `<p>Hola{{#if name}} {{name}}{{/if}}:</p>
<p>Hemos recibido su {{#if byCard}}pago con tarjeta{{else}}depósito{{/if}} de <strong>{{amount}} {{currency}}</strong> en {{#if isAgent}}su cuenta de agente{{else}}la cuenta {{accountNumber}}{{/if}}.</p>
<table>
<tr><td>Importe</td><td>{{amount}} {{currency}}</td></tr>
<tr><td>Nuevo saldo</td><td>{{balanceAfter}} {{currency}}</td></tr>
<tr><td>Depósito</td><td>{{depositId}}</td></tr>
{{#if reference}}<tr><td>Referencia</td><td>{{reference}}</td></tr>
{{/if}}<tr><td>Fecha</td><td>{{date}}</td></tr>
</table>
<p><a href="{{portalUrl}}">Su cuenta</a></p>`,
    },
    'transfer-receipt': {
      subject: 'Recibo: {{amount}} {{currency}} transferidos a la cuenta {{relatedAccountNumber}}',
      text: `Hola {{name}}:

Ha transferido {{amount}} {{currency}} de su saldo principal a la cuenta de su cliente {{relatedAccountNumber}}.

Importe:                {{amount}} {{currency}}
Su saldo principal:     {{balanceAfter}} {{currency}}
Transferencia:          {{transferId}}
Fecha:                  {{date}}

Conserve este correo como comprobante de la recarga que factura a su cliente.
`,
      html: `<p>Hola {{name}}:</p>
<p>Ha transferido <strong>{{amount}} {{currency}}</strong> de su saldo principal a la cuenta de su cliente {{relatedAccountNumber}}.</p>
<table>
<tr><td>Importe</td><td>{{amount}} {{currency}}</td></tr>
<tr><td>Su saldo principal</td><td>{{balanceAfter}} {{currency}}</td></tr>
<tr><td>Transferencia</td><td>{{transferId}}</td></tr>
<tr><td>Fecha</td><td>{{date}}</td></tr>
</table>
<p>Conserve este correo como comprobante de la recarga que factura a su cliente.</p>`,
    },
    'commission-statement': {
      subject: 'Extracto de comisiones: {{amount}} {{currency}} pasados a su saldo principal',
      text: `Hola {{name}}:

Línea del extracto de comisiones:

{{date}}  Comisión pasada al saldo principal  {{amount}} {{currency}}
Saldo de comisiones después:  {{commissionBalanceAfter}} {{currency}}
Referencia:                   {{commissionTransferId}}

Su historial de comisiones: {{portalUrl}}
`,
      html: `<p>Hola {{name}}:</p>
<p>Línea del extracto de comisiones:</p>
<table>
<tr><th>Fecha</th><th>Movimiento</th><th>Importe</th></tr>
<tr><td>{{date}}</td><td>Comisión pasada al saldo principal</td><td>{{amount}} {{currency}}</td></tr>
</table>
<p>Saldo de comisiones después: {{commissionBalanceAfter}} {{currency}}<br>Referencia: {{commissionTransferId}}</p>
<p><a href="{{portalUrl}}">Su historial de comisiones</a></p>`,
    },
    'account-suspended': {
      subject: 'Cuenta {{accountNumber}} suspendida',
      text: `Hola:

Su cuenta {{accountNumber}} fue suspendida el {{date}}.{{#if reason}}
Motivo: {{reason}}{{/if}}
Mientras esté suspendida, las llamadas serán rechazadas.

{{#if agentName}}Póngase en contacto con {{agentName}} para reactivarla.{{else}}Póngase en contacto con el soporte de ITC para reactivarla.{{/if}}
Portal: {{portalUrl}}
`,
      html: `<p>Hola:</p>
<p>Su cuenta {{accountNumber}} fue suspendida el {{date}}.{{#if reason}}<br>Motivo: {{reason}}{{/if}}</p>
<p>Mientras esté suspendida, las llamadas serán rechazadas.</p>
<p>{{#if agentName}}Póngase en contacto con {{agentName}} para reactivarla.{{else}}Póngase en contacto con el soporte de ITC para reactivarla.{{/if}}</p>
<p><a href="{{portalUrl}}">Portal</a></p>`,
    },
    'batch-opened': {
      subject: '{{count}} cuentas de cliente abiertas para usted (lote {{batchId}})',
      text: `Hola {{name}}:

ITC abrió {{count}} cuentas de cliente para usted en el lote {{batchId}} el {{date}}.
El CSV adjunto lista sus números de cuenta.

Las credenciales nunca se envían por correo: se mostraron una sola vez a quien abrió el lote, y
cada cliente puede establecer una nueva contraseña desde el portal.

Gestione sus clientes: {{portalUrl}}
`,
      html: `<p>Hola {{name}}:</p>
<p>ITC abrió {{count}} cuentas de cliente para usted en el lote {{batchId}} el {{date}}. El CSV adjunto lista sus números de cuenta.</p>
<p>Las credenciales nunca se envían por correo: se mostraron una sola vez a quien abrió el lote, y cada cliente puede establecer una nueva contraseña desde el portal.</p>
<p><a href="{{portalUrl}}">Gestione sus clientes</a></p>`,
    },
  },
};
