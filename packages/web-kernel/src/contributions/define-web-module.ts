import type { ComponentType } from 'react';
import type { RightRequirement } from '../auth/me';
import type { Contribution } from './define-point';

/** A page a module adds to the router. */
export interface WebRoute {
  /** TanStack path syntax, e.g. `/admin/health-facilities` or `/admin/health-facilities/$id`. */
  path: string;
  component: ComponentType;
  /** Right needed to see the page (with a list, any one of them); without it the user gets the "forbidden" page. */
  right?: RightRequirement;
}

/** i18next resources for the default namespace, keyed by language; keys are namespaced by module id. */
export interface WebMessages {
  en: object;
  fr: object;
}

export interface WebModule {
  id: string;
  routes: WebRoute[];
  contributions: Contribution[];
  messages: WebMessages;
}

export interface WebModuleInput {
  id: string;
  routes?: WebRoute[];
  contributions?: Contribution[];
  messages?: WebMessages;
}

/**
 * Declares the web part of a module (default export of `modules/<id>/src/web/index.ts`).
 *
 * @example
 * export default defineWebModule({ id: 'location', routes, contributions: [contribute(mainMenu, {...})], messages: { en, fr } });
 */
export function defineWebModule(input: WebModuleInput): WebModule {
  if (!/^[a-z][a-z0-9-]*$/.test(input.id)) {
    throw new Error(`web module id '${input.id}' is invalid: use lowercase letters, digits and dashes`);
  }
  for (const route of input.routes ?? []) {
    if (!route.path.startsWith('/')) {
      throw new Error(`web module '${input.id}': route path '${route.path}' must start with '/'`);
    }
  }
  return {
    id: input.id,
    routes: input.routes ?? [],
    contributions: input.contributions ?? [],
    messages: input.messages ?? { en: {}, fr: {} },
  };
}
