// Handlebars, compiled once per process. Subject and text are plain text: rendered without
// escaping (an agent called "Smith & Sons" stays that in the text part, never "Smith &amp; Sons").
// HTML is escaped by Handlebars ({{x}}: & < > " ' ` =), so a name like "<script>" arrives as text.
// Strict mode: a placeholder without a variable throws, caught by the template tests.
import { NOTIFICATION_KINDS, type NotificationKind } from '@billing/notifications-domain';
import Handlebars from 'handlebars';
import { en } from './en.js';
import { es } from './es.js';
import type { TemplateSet } from './template-set.js';

export const TEMPLATE_SETS: readonly TemplateSet[] = [en, es];
export const TEMPLATE_LANGUAGES: readonly string[] = TEMPLATE_SETS.map((set) => set.language);

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export class TemplateError extends Error {
  constructor(kind: string, language: string, cause: unknown) {
    super(`template ${kind}/${language}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TemplateError';
  }
}

type Compiled = (variables: Record<string, string>) => string;

const LAYOUT = `<!DOCTYPE html>
<html lang="{{language}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{subject}}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #222; max-width: 640px;">
{{{body}}}
<hr style="border: none; border-top: 1px solid #ddd;">
<p style="color: #777; font-size: 12px;">{{footer}}</p>
</body>
</html>
`;

export class TemplateRenderer {
  private readonly compiled = new Map<string, { subject: Compiled; text: Compiled; html: Compiled; set: TemplateSet }>();
  private readonly layout: (context: Record<string, string>) => string;

  constructor(sets: readonly TemplateSet[] = TEMPLATE_SETS) {
    const handlebars = Handlebars.create();
    const plain = (source: string) => handlebars.compile(source, { strict: true, noEscape: true });
    const html = (source: string) => handlebars.compile(source, { strict: true });
    this.layout = html(LAYOUT);
    for (const set of sets) {
      for (const kind of NOTIFICATION_KINDS) {
        const template = set.templates[kind];
        this.compiled.set(`${kind}/${set.language}`, { subject: plain(template.subject), text: plain(template.text), html: html(template.html), set });
      }
    }
  }

  render(kind: NotificationKind, language: string, variables: Record<string, string>): RenderedMail {
    const template = this.compiled.get(`${kind}/${language}`);
    if (template === undefined) throw new TemplateError(kind, language, new Error('no such template'));
    try {
      // A subject is one header line: line breaks from a variable must not start another header.
      const subject = template.subject(variables).replace(/[\r\n]+/g, ' ').trim();
      const body = template.html(variables);
      return {
        subject,
        text: template.text(variables),
        html: this.layout({ language: template.set.language, subject, body, footer: template.set.footer }),
      };
    } catch (error) {
      throw new TemplateError(kind, language, error);
    }
  }
}
