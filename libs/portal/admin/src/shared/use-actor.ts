import { useTranslation } from 'react-i18next';
import { useAgentOptions } from '../customers/use-options.js';
import { describeActor } from './actor.js';

/** describeActor in the page's language, with the agents' names. */
export function useActor(): (actor: string) => string {
  const { t } = useTranslation('admin');
  const agentNames = new Map(useAgentOptions().map((agent) => [agent.id, agent.name]));
  return (actor) => describeActor(actor, (key, values) => t(`common.actor.${key}`, values), agentNames);
}
