import { describe, expect, it } from 'vitest';
import { describeActor, type ActorWords } from './actor';

const words: ActorWords = (key, values) => ({ itc: `ITC (${values['user']})`, agent: `${values['name']} (agent)`, anAgent: 'an agent', customer: 'the customer', system: 'the system' })[key];
const agents = new Map([['a1', 'Acme Telecom']]);

describe('describeActor', () => {
  it('names the person behind role:subject', () => {
    expect(describeActor('admin:admin', words, agents)).toBe('ITC (admin)');
    expect(describeActor('agent:a1', words, agents)).toBe('Acme Telecom (agent)');
    expect(describeActor('agent:a2', words, agents)).toBe('an agent');
    expect(describeActor('customer:c1', words, agents)).toBe('the customer');
    expect(describeActor('service:service', words, agents)).toBe('the system');
    expect(describeActor('something-else', words, agents)).toBe('something-else');
  });
});
