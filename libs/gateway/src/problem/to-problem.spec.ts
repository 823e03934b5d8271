import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { RejectedCommand } from '@billing/decider';
import { WrongExpectedVersionError } from '@billing/event-store';
import { MoneyFormatError } from '@billing/money';
import { z } from 'zod';
import { ProblemException } from './problem.js';
import { toProblem } from './to-problem.js';

describe('toProblem', () => {
  it('keeps a RejectedCommand\'s status, code and message', () => {
    expect(toProblem(new RejectedCommand('insufficient agent balance', 'insufficient_balance', 409)).problem).toEqual({
      type: 'urn:itc-billing:problem:insufficient_balance',
      title: 'Insufficient balance',
      status: 409,
      detail: 'insufficient agent balance',
      code: 'insufficient_balance',
    });
  });

  it('adds a rejection\'s details as members of the problem, never replacing a standard one', () => {
    const rejected = new RejectedCommand('insufficient agent balance: 3.5 available', 'insufficient_funds', 409, { available: '3.5', code: 'x', status: 200 });
    expect(toProblem(rejected).problem).toEqual({
      type: 'urn:itc-billing:problem:insufficient_funds',
      title: 'Insufficient funds',
      status: 409,
      detail: 'insufficient agent balance: 3.5 available',
      code: 'insufficient_funds',
      available: '3.5',
    });
  });

  it('maps a version conflict to 409 and a money format error to 400 with the field', () => {
    expect(toProblem(new WrongExpectedVersionError('s', 1, 2)).problem).toMatchObject({ status: 409, code: 'concurrent_modification' });
    expect(toProblem(new MoneyFormatError('must be a decimal string', 'amount')).problem).toMatchObject({
      status: 400,
      code: 'validation',
      detail: 'The request is invalid — amount: must be a decimal string.',
      errors: [{ path: '/amount', message: 'must be a decimal string' }],
    });
  });

  it('maps back pressure (an error marked overloaded) to 503 with Retry-After, keeping its message', () => {
    const overloaded = Object.assign(new Error('the wallet ledger has 5 commands waiting'), { overloaded: true as const });
    const mapped = toProblem(overloaded);
    expect(mapped).toMatchObject({ problem: { status: 503, code: 'overloaded', detail: 'the wallet ledger has 5 commands waiting' }, headers: { 'retry-after': '1' }, unexpected: false });
    expect(toProblem(Object.assign(new Error('x'), { overloaded: 'yes' })).problem.status).toBe(500);
  });

  it('maps a ZodError to a validation problem with JSON Pointer paths', () => {
    const result = z.strictObject({ rows: z.array(z.strictObject({ prefix: z.string() })) }).safeParse({ rows: [{ prefix: 1, x: 2 }] });
    expect(toProblem(result.error).problem).toMatchObject({
      status: 400,
      code: 'validation',
      errors: [
        { path: '/rows/0/prefix', message: 'must be a string' },
        { path: '/rows/0/x', message: 'unknown field' },
      ],
    });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x')).problem).toMatchObject({ status: 404, code: 'not_found', title: 'Not Found', detail: 'Cannot GET /x' });
    expect(toProblem(new PayloadTooLargeException()).problem).toMatchObject({ status: 413, code: 'payload_too_large' });
    const malformed = new BadRequestException('Unexpected token', { cause: new SyntaxError('Unexpected token') });
    expect(toProblem(malformed).problem).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(toProblem(new HttpException('x', 401)).headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });

  it('answers anything else with a 500 that carries only an error id', () => {
    const mapped = toProblem(new TypeError('cannot read secretField of undefined'));
    expect(mapped.unexpected).toBe(true);
    expect(mapped.problem).toMatchObject({ status: 500, code: 'internal' });
    expect(JSON.stringify(mapped.problem)).not.toContain('secretField');
    expect(toProblem(new HttpException('db password wrong', 502)).problem).toMatchObject({ status: 502, code: 'internal' });
    expect(JSON.stringify(toProblem(new HttpException('db password wrong', 502)).problem)).not.toContain('password');
  });

  it('passes a ProblemException through, extensions and headers included', () => {
    const error = new ProblemException(429, 'too_many', 'slow down', { headers: { 'Retry-After': '3' }, extensions: { limit: 5 } });
    expect(toProblem(error)).toMatchObject({ problem: { status: 429, code: 'too_many', limit: 5 }, headers: { 'Retry-After': '3' } });
    expect(toProblem(ProblemException.replay(error.problem)).problem).toEqual(error.problem);
  });
});
