import type { QueryClient } from '@tanstack/react-query';
import type { BulkResult } from './bulk.ts';
import {
  notificationActionKey,
  type NotificationActionVariables,
} from './notification-action-key.ts';

/** What use-notification-action.ts gives the defaults once it has loaded (it registers itself as it loads). */
export interface ActionCode {
  sendNotificationAction: (variables: NotificationActionVariables) => Promise<BulkResult>;
  writeEntry: (variables: NotificationActionVariables) => string;
  settleAdopted: (
    queryClient: QueryClient,
    data: BulkResult | undefined,
    error: unknown,
    variables: NotificationActionVariables | undefined,
    context: unknown,
  ) => void;
}

let loaded: ActionCode | null = null;
export function registerActionCode(code: ActionCode) {
  loaded = code;
}
const actionCode = async (): Promise<ActionCode> => {
  if (!loaded) await import('./use-notification-action.ts');
  return loaded as unknown as ActionCode;
};

/**
 * How an action's mutation runs when no hook gives it its callbacks: one paused offline and resumed after a
 * reload, or one adopted from a tab that is gone. The code that sends and settles it (use-notification-action.ts)
 * is not part of the first screen (docs/decisions/023): it downloads with the list's actions, or when the first
 * such action runs. Once it is here, an action's first step writes its outbox entry in the task that asked for
 * it, as the hook's does; before, it does so as soon as the code arrives, still before the request is sent.
 */
export function setNotificationActionDefaults(queryClient: QueryClient) {
  queryClient.setMutationDefaults(notificationActionKey, {
    mutationFn: async (variables: NotificationActionVariables) =>
      (await actionCode()).sendNotificationAction(variables),
    onMutate: (variables: NotificationActionVariables) =>
      loaded
        ? { queueKey: loaded.writeEntry(variables) }
        : actionCode().then((code) => ({ queueKey: code.writeEntry(variables) })),
    onSettled: async (data, error, variables, context) =>
      (await actionCode()).settleAdopted(queryClient, data, error, variables, context),
  });
}
