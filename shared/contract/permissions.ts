import type { Role } from '../schema/common';
import { contract, type CallName } from './index';

/**
 * The permission table, read from the contract (each entry's `roles`): the core enforces it on every call; the UI
 * asks the same table which controls to offer, so the two never disagree.
 */
export function can(role: Role, call: CallName): boolean {
  return (contract[call].roles as readonly Role[]).includes(role);
}
