import type { RightRequirement } from '../auth/me';
import { type MenuGroup, type MenuItem, menuGroups } from '../contributions/core-points';

/** The menu groups that have at least one item the user may see, with those items sorted by `order`. */
export function visibleMenu(
  items: readonly MenuItem[],
  hasRight: (right: RightRequirement) => boolean,
): Array<{ group: MenuGroup; items: MenuItem[] }> {
  return menuGroups
    .map((group) => ({
      group,
      items: items
        .filter((i) => i.group === group && (!i.right || hasRight(i.right)))
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100)),
    }))
    .filter((g) => g.items.length > 0);
}
