import { type ComponentType, createContext, type ReactNode, useContext } from 'react';
import type { ContributionEntry, ContributionRegistry } from './contribution-registry';
import type { PointRef } from './define-point';

const RegistryContext = createContext<ContributionRegistry | null>(null);

/** Makes the composed modules' contributions available to `useContributions`. */
export function ContributionsProvider({ registry, children }: { registry: ContributionRegistry; children: ReactNode }) {
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** The registry of the running app. */
export function useContributionRegistry(): ContributionRegistry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useContributions must be used inside <ContributionsProvider>');
  return registry;
}

/** Contributions to a point with the id of the module that made each one. */
export function useContributionEntries<T>(point: PointRef<T>): ContributionEntry<T>[] {
  return useContributionRegistry().entries(point);
}

/**
 * The values contributed to a point by all composed modules. Contributed components come wrapped in a
 * ContributionBoundary naming their module, so they can be rendered directly.
 *
 * @example
 * const panels = useContributions(homePanels); return panels.map((Panel, i) => <Panel key={i} />);
 */
export function useContributions<T>(point: PointRef<T>): T[] {
  return useContributionRegistry()
    .entries(point)
    .map((e) => e.value);
}

/** Web config of a composed module (from composition.json). */
export function useModuleConfig<C = Record<string, unknown>>(moduleId: string): C | undefined {
  const ctx = useContext(ModuleConfigContext);
  return ctx[moduleId] as C | undefined;
}

export const ModuleConfigContext = createContext<Record<string, unknown>>({});

/** Renders component contributions of a point, each inside its boundary. */
export function ContributionSlot<P extends object>({
  point,
  props,
  render,
}: {
  point: PointRef<ComponentType<P>>;
  props: P;
  render?: (children: ReactNode[]) => ReactNode;
}) {
  const items = useContributionEntries(point).map((e, i) => {
    const C = e.value;
    return <C key={`${e.moduleId}-${i}`} {...props} />;
  });
  return <>{render ? render(items) : items}</>;
}
