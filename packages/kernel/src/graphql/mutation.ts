import type { InputFieldMap, InputShapeFromFields, ObjectRef } from '@pothos/core';
import type { Ctx } from '../context.js';
import type { Builder, FieldGuard, Types } from '../module.js';
import { idempotent } from './idempotent.js';

type InputFieldBuilder = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type WithCmid<P> = P & { clientMutationId: string | null };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A payload type `{ clientMutationId, <key>: <type> }` (e.g. `HealthFacilityPayload { healthFacility }`), shared by
 * the mutations that return the same entity.
 */
export function payloadType<K extends string, T>(
  b: Builder,
  name: string,
  key: K,
  type: ObjectRef<Types, T>,
): ObjectRef<Types, WithCmid<Record<K, T>>> {
  return b.objectRef<WithCmid<Record<K, T>>>(name).implement({
    fields: (t) => ({
      clientMutationId: t.string({ nullable: true, resolve: (p) => p.clientMutationId }),
      // biome-ignore lint/suspicious/noExplicitAny: Pothos cannot relate a generic T to its own resolver output type
      [key]: t.field({ type, resolve: (p) => p[key] as any }),
    }),
  });
}

/**
 * Declares a mutation the Mutua way: one input (`<Name>Input`, plus an optional `clientMutationId`), a payload
 * echoing the `clientMutationId`, a guard, and a body run once per `clientMutationId` in one transaction
 * (a retry returns the first result and changes nothing twice).
 * @example
 * defineMutation(builder, 'createHealthFacility', {
 *   guard: { right: 'location.hf.add' },
 *   input: (t) => ({ code: t.string({ required: true }), name: t.string({ required: true }) }),
 *   payload: hfPayload,
 *   run: async (input, tx) => ({ healthFacility: await service.createHealthFacility(tx, input) }),
 * });
 */
export function defineMutation<Fields extends InputFieldMap, P extends Record<string, unknown>>(
  b: Builder,
  name: string,
  opts: {
    guard: FieldGuard;
    input: (t: InputFieldBuilder) => Fields;
    /** Input type name when it must differ from `<Name>Input` (shared or legacy names). */
    inputName?: string;
    payload: ObjectRef<Types, WithCmid<P>>;
  } & (
    | { run: (input: InputShapeFromFields<Fields>, tx: Ctx) => Promise<P> }
    | {
        /**
         * Instead of `run`: a body that keeps its own transaction and `clientMutationId` log (the same guarantee:
         * a retry returns the first result), e.g. a queue writing the mutations of concurrent requests together.
         */
        runOnce: (input: InputShapeFromFields<Fields>, ctx: Ctx, clientMutationId: string | null) => Promise<P>;
      }
  ),
): void {
  const Input = b.inputType(opts.inputName ?? `${capital(name)}Input`, {
    fields: (t) => ({ ...opts.input(t), clientMutationId: t.string() }),
  });
  const resolve = (_root: unknown, args: { input: InputShapeFromFields<Fields> }, ctx: Ctx): Promise<WithCmid<P>> => {
    const cmid = (args.input as { clientMutationId?: string | null }).clientMutationId ?? null;
    if ('runOnce' in opts) return opts.runOnce(args.input, ctx, cmid).then((p) => ({ ...p, clientMutationId: cmid }));
    return idempotent(ctx, name, cmid, async (tx) => ({ ...(await opts.run(args.input, tx)), clientMutationId: cmid }));
  };
  b.mutationField(name, (t) =>
    t.field({
      type: opts.payload,
      extensions: opts.guard,
      args: { input: t.arg({ type: Input, required: true }) },
      // The generic input shape cannot be related to Pothos' inferred one; `resolve` above is fully typed.
      resolve: resolve as never,
    }),
  );
}
