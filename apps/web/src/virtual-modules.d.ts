declare module 'virtual:mutua-modules' {
  import type { WebModule } from '@mutua/web-kernel';

  /** The web parts of the modules listed in composition.json, in composition order. */
  const modules: WebModule[];
  export default modules;
  /** composition.json's module ids and config. */
  export const composition: { modules: Array<{ id: string; config: Record<string, unknown> }> };
}
