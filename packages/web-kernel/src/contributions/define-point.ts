/** A typed contribution point: the owner module creates it, contributors import it. */
export interface PointRef<T> {
  readonly kind: 'point';
  /** `<moduleId>.<name>`, e.g. `core.mainMenu`. */
  readonly id: string;
  /**
   * When true (the default), contributed values that are React components are wrapped in a
   * ContributionBoundary naming the contributing module. Set false for points whose payloads are functions
   * that are not components.
   */
  readonly wrapComponents: boolean;
  /** Phantom field carrying T (invariant), never set at runtime. */
  readonly __type?: (value: T) => T;
}

/**
 * Declares a typed contribution point.
 *
 * @example
 * export const claimPagePanels = definePoint<ComponentType<{ claimId: string }>>('claim.page.panels');
 */
export function definePoint<T>(id: string, options: { wrapComponents?: boolean } = {}): PointRef<T> {
  return { kind: 'point', id, wrapComponents: options.wrapComponents ?? true };
}

/** One value given to a point by a module; create it with `contribute` so a wrong payload fails tsc. */
export interface Contribution {
  readonly point: PointRef<unknown>;
  readonly value: unknown;
}

/**
 * Contributes a value to a point; the payload is checked against the point's type.
 *
 * @example
 * contribute(mainMenu, { group: 'administration', id: 'location.locations', label: 'location.menu.locations', to: '/admin/locations' })
 */
export function contribute<T>(point: PointRef<T>, value: NoInfer<T>): Contribution {
  return { point: point as PointRef<unknown>, value };
}
