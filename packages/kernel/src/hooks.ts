import type { Ctx } from './context.js';
import { type FieldProblem, RuleViolation } from './errors.js';

/**
 * A typed hook, created by the module that emits it in its `points.ts`:
 * @example
 * export const hfCreated = defineHook<{ hf: HealthFacility }>('location.hfCreated');
 * // in another module, which lists 'location' in dependsOn:
 * hooks.after(hfCreated, async ({ hf }, ctx) => { ... });
 */
export interface HookRef<P> {
  readonly kind: 'hook';
  /** `<ownerModuleId>.<name>` */
  readonly id: string;
  readonly owner: string;
  /** Phantom: carries the payload type for listeners. */
  readonly __payload?: P;
}

export function defineHook<P>(id: string): HookRef<P> {
  const owner = id.split('.')[0];
  if (!owner || owner === id) throw new Error(`hook id '${id}' must be '<moduleId>.<name>'`);
  return { kind: 'hook', id, owner };
}

/** A veto: zero or more reasons; returning nothing (or []) lets the operation pass. */
// biome-ignore lint/suspicious/noConfusingVoidType: listeners that find nothing may simply return
export type ValidateListener<P> = (payload: P, ctx: Ctx) => Promise<FieldProblem[] | undefined | void>;
export type Listener<P> = (payload: P, ctx: Ctx) => Promise<void>;
/**
 * When an `after` listener runs: `in-transaction` (its writes commit or roll back with the caller's) or
 * `after-commit` (runs once the data is committed; a failure is logged, never undoes the caller).
 */
export type AfterPolicy = 'in-transaction' | 'after-commit';

interface Entry {
  module: string;
  fn: (payload: unknown, ctx: Ctx) => Promise<unknown>;
  policy?: AfterPolicy;
}

/** A module's view of the bus: it may listen only to hooks of itself or of modules it depends on. */
export interface Hooks {
  validate<P>(ref: HookRef<P>, fn: ValidateListener<P>): void;
  before<P>(ref: HookRef<P>, fn: Listener<P>): void;
  after<P>(ref: HookRef<P>, fn: Listener<P>, opts?: { policy?: AfterPolicy }): void;
  /** Emitters: run validate listeners; throws RuleViolation with every reason when any listener vetoes. */
  runValidate<P>(ref: HookRef<P>, payload: P, ctx: Ctx): Promise<void>;
  runBefore<P>(ref: HookRef<P>, payload: P, ctx: Ctx): Promise<void>;
  /** Runs in-transaction listeners now and queues after-commit ones on the context's transaction. */
  runAfter<P>(ref: HookRef<P>, payload: P, ctx: Ctx): Promise<void>;
  /** Whether any module listens to the hook: a bulk emitter may skip reading payloads nobody will see. */
  listens(ref: HookRef<unknown>): boolean;
}

export class HookBus {
  private readonly listeners = new Map<string, { validate: Entry[]; before: Entry[]; after: Entry[] }>();
  /** Failures of after-commit listeners, kept for `/health` and tests (never silently dropped). */
  readonly failures: Array<{ hook: string; module: string; error: string; at: string }> = [];

  constructor(private readonly canListen: (listener: string, owner: string) => boolean) {}

  private slot(id: string) {
    let s = this.listeners.get(id);
    if (!s) {
      s = { validate: [], before: [], after: [] };
      this.listeners.set(id, s);
    }
    return s;
  }

  /** The bus as seen by one module. */
  forModule(module: string): Hooks {
    const add = (
      kind: 'validate' | 'before' | 'after',
      ref: HookRef<unknown>,
      fn: Entry['fn'],
      policy?: AfterPolicy,
    ) => {
      if (!this.canListen(module, ref.owner)) {
        throw new Error(
          `module '${module}' listens to hook '${ref.id}' but does not depend on '${ref.owner}' — add '${ref.owner}' to its dependsOn`,
        );
      }
      this.slot(ref.id)[kind].push({ module, fn, ...(policy ? { policy } : {}) });
    };
    return {
      validate: (ref, fn) => add('validate', ref as HookRef<unknown>, fn as Entry['fn']),
      before: (ref, fn) => add('before', ref as HookRef<unknown>, fn as Entry['fn']),
      after: (ref, fn, opts) =>
        add('after', ref as HookRef<unknown>, fn as Entry['fn'], opts?.policy ?? 'in-transaction'),
      runValidate: (ref, payload, ctx) => this.runValidate(ref, payload, ctx),
      runBefore: (ref, payload, ctx) => this.runBefore(ref, payload, ctx),
      runAfter: (ref, payload, ctx) => this.runAfter(ref, payload, ctx),
      listens: (ref) => this.listens(ref),
    };
  }

  listens(ref: HookRef<unknown>): boolean {
    const s = this.listeners.get(ref.id);
    return !!s && s.validate.length + s.before.length + s.after.length > 0;
  }

  async runValidate<P>(ref: HookRef<P>, payload: P, ctx: Ctx): Promise<void> {
    const problems: FieldProblem[] = [];
    for (const l of this.listeners.get(ref.id)?.validate ?? []) {
      const r = (await l.fn(payload, ctx)) as FieldProblem[] | undefined;
      if (r?.length) problems.push(...r);
    }
    // The summary message is the first reason's, with its field (as InputError.fields does).
    const first = problems[0];
    if (first) throw new RuleViolation(first.key, { ...(first.params ?? {}), field: first.field }, problems);
  }

  async runBefore<P>(ref: HookRef<P>, payload: P, ctx: Ctx): Promise<void> {
    for (const l of this.listeners.get(ref.id)?.before ?? []) await l.fn(payload, ctx);
  }

  async runAfter<P>(ref: HookRef<P>, payload: P, ctx: Ctx): Promise<void> {
    for (const l of this.listeners.get(ref.id)?.after ?? []) {
      if (l.policy === 'after-commit') {
        // Runs with the committed (outer) context, outside the finished transaction.
        const task = async (committed: Ctx) => {
          try {
            await l.fn(payload, { ...committed, afterCommit: null });
          } catch (err) {
            this.failures.push({ hook: ref.id, module: l.module, error: String(err), at: new Date().toISOString() });
            ctx.logger.error({ err, hook: ref.id, module: l.module }, 'after-commit hook listener failed');
          }
        };
        if (ctx.afterCommit) ctx.afterCommit.push(task);
        else await task(ctx);
      } else {
        await l.fn(payload, ctx);
      }
    }
  }
}
