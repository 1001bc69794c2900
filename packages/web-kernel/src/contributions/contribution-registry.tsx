import type { ComponentType } from 'react';
import { ContributionBoundary } from './ContributionBoundary';
import type { PointRef } from './define-point';
import type { WebModule } from './define-web-module';

/** A contribution with the module it came from. */
export interface ContributionEntry<T> {
  moduleId: string;
  value: T;
}

/** Collected contributions of all composed modules, by point id. */
export interface ContributionRegistry {
  readonly modules: readonly WebModule[];
  entries<T>(point: PointRef<T>): ContributionEntry<T>[];
}

function isComponent(value: unknown): value is ComponentType<Record<string, unknown>> {
  if (typeof value === 'function') return true;
  // memo, forwardRef and lazy components are objects tagged with $$typeof
  return typeof value === 'object' && value !== null && '$$typeof' in value;
}

function wrap(
  moduleId: string,
  pointId: string,
  Inner: ComponentType<Record<string, unknown>>,
): ComponentType<Record<string, unknown>> {
  function Contributed(props: Record<string, unknown>) {
    return (
      <ContributionBoundary moduleId={moduleId} contributionId={pointId}>
        <Inner {...props} />
      </ContributionBoundary>
    );
  }
  Contributed.displayName = `Contribution(${moduleId}→${pointId})`;
  return Contributed;
}

/**
 * Collects the contributions of the modules once, wrapping contributed components in a ContributionBoundary.
 * Duplicate module ids are refused with a message that names the fix.
 */
export function createContributionRegistry(modules: readonly WebModule[]): ContributionRegistry {
  const byPoint = new Map<string, ContributionEntry<unknown>[]>();
  const seen = new Set<string>();
  for (const mod of modules) {
    if (seen.has(mod.id)) throw new Error(`web module '${mod.id}' is composed twice: remove one from composition.json`);
    seen.add(mod.id);
    for (const c of mod.contributions) {
      const value = c.point.wrapComponents && isComponent(c.value) ? wrap(mod.id, c.point.id, c.value) : c.value;
      const list = byPoint.get(c.point.id) ?? [];
      list.push({ moduleId: mod.id, value });
      byPoint.set(c.point.id, list);
    }
  }
  return {
    modules,
    entries<T>(point: PointRef<T>): ContributionEntry<T>[] {
      return (byPoint.get(point.id) ?? []) as ContributionEntry<T>[];
    },
  };
}
