import type { ComponentType } from 'react';
import type { RightRequirement } from '../auth/me';
import { definePoint } from './define-point';

/** The app bar's menu groups, in display order. */
export type MenuGroup = 'insurees' | 'claims' | 'administration' | 'tools' | 'profile';
export const menuGroups: readonly MenuGroup[] = ['insurees', 'claims', 'administration', 'tools', 'profile'];

/** An entry of the app bar menus. */
export interface MenuItem {
  group: MenuGroup;
  /** Stable id `<moduleId>.<name>`. */
  id: string;
  /** i18n key of the label. */
  label: string;
  /** Route path to open. */
  to: string;
  /** Right needed to see the entry; with a list, any one of them is enough. */
  right?: RightRequirement;
  /** Position inside the group (lower first; default 100). */
  order?: number;
}

/**
 * Entries of the app bar menus, filtered by the user's rights.
 *
 * @example
 * contribute(mainMenu, { group: 'claims', id: 'claim.search', label: 'claim.menu.search', to: '/claims', right: 'claim.search' })
 */
export const mainMenu = definePoint<MenuItem>('core.mainMenu');

/**
 * Panels shown on the home page under the greeting.
 *
 * @example
 * contribute(homePanels, ClaimsToReviewPanel)
 */
export const homePanels = definePoint<ComponentType>('core.homePanels');
