import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../../../../shared/contract/conversation';
import { routingText } from './routingText';

/**
 * Why this conversation is where it is: the routing decision's reasons, said in the UI language from the stored
 * codes ("分配给 李娜：该客户的专属客服；支付技能；负载 3/8"). Nothing for a conversation routing never placed.
 */
export function RoutingLine({ view, className }: { view: ConversationDetail; className?: string }) {
  const { t } = useTranslation();
  const r = view.conversation.routing;
  if (!r) return null;
  // The record names the agent by id; the view carries the assignee and the owner, one of whom it went to.
  const to = [view.assignee, view.owner].find((a) => a && a.id === r.agentId) ?? null;
  const name = r.agentId === null ? null : (to?.name ?? r.agentId);
  return (
    <Text size="sm" className={className} aria-label={t('conversation.routing.label')} role="note">
      {routingText(r, name, t)}
    </Text>
  );
}
