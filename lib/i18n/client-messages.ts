import type { AbstractIntlMessages } from 'next-intl';

/**
 * Namespaces only server components read (checked: no client component, nor anything a client
 * component imports, asks for them). Every staff page sends the client the messages it may need,
 * so leaving these out makes each page some 8 KB lighter. A client component that needs one of them
 * fails loudly on first render: move the namespace out of this list then.
 */
export const SERVER_ONLY_NAMESPACES = [
  'history',
  'occupancy',
  'audit',
  'privacy',
  'arrivals',
  'stays',
  'requests',
  'nav',
  'notFoundPage',
  'app',
  'shelter',
  'hostDay',
  'calendar',
  'queuePage',
  'pager',
];

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !SERVER_ONLY_NAMESPACES.includes(namespace)));
}
