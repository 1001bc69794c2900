import SchemaBuilder from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver, GraphQLObjectType, type GraphQLSchema, Kind } from 'graphql';
import { type Ctx, checkAnyRight, checkRight } from '../context.js';
import { InputError, MutuaError, nulProblems, UnauthenticatedError } from '../errors.js';
import { translate } from '../i18n.js';
import type { Builder, FieldGuard, MutuaSchemaTypes } from '../module.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The one builder, with the shared scalars; modules add their types in `setup`. */
export function createBuilder(): Builder {
  const builder = new SchemaBuilder<MutuaSchemaTypes>({ defaultFieldNullability: false }) as unknown as Builder;
  builder.scalarType('Date', {
    description: 'ISO calendar date YYYY-MM-DD',
    serialize: (v) => String(v),
    parseValue: (v) => {
      if (typeof v !== 'string' || !DATE_RE.test(v) || Number.isNaN(Date.parse(v))) {
        throw new GraphQLError(`Date must be YYYY-MM-DD, got ${JSON.stringify(v)}`);
      }
      return v;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING || !DATE_RE.test(ast.value)) throw new GraphQLError('Date must be YYYY-MM-DD');
      return ast.value;
    },
  });
  builder.scalarType('DateTime', {
    serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
    parseValue: (v) => String(v),
  });
  builder.scalarType('JSON', { serialize: (v) => v, parseValue: (v) => v });
  builder.queryType({});
  builder.mutationType({});
  return builder;
}

/** A MutuaError as a GraphQL error: stable code, message translated into the caller's language, field problems. */
export function toGraphQLError(err: MutuaError, ctx: Pick<Ctx, 'locale'>): GraphQLError {
  return new GraphQLError(translate(ctx.locale, err.key, err.params), {
    extensions: {
      code: err.code,
      ...(err.problems.length
        ? {
            problems: err.problems.map((p) => ({
              field: p.field,
              message: translate(ctx.locale, p.key, { field: p.field, ...p.params }),
            })),
          }
        : {}),
    },
  });
}

/** The guard of a root field, read from its `extensions`. */
export function fieldGuard(extensions: Record<string, unknown> | null | undefined): FieldGuard | null {
  if (!extensions) return null;
  if (typeof extensions.right === 'string') return { right: extensions.right };
  if (
    Array.isArray(extensions.anyRight) &&
    extensions.anyRight.length &&
    extensions.anyRight.every((r) => typeof r === 'string')
  ) {
    return { anyRight: extensions.anyRight as string[] };
  }
  if (extensions.authenticated === true) return { authenticated: true };
  if (extensions.public === true) return { public: true };
  return null;
}

/**
 * Enforces each root field's guard before its resolver runs, and maps thrown MutuaErrors (at any depth of the
 * root resolver) to translated GraphQL errors — the one place GraphQL catches. Refuses to build a schema with an
 * unguarded root field, naming it.
 */
export function guardSchema(schema: GraphQLSchema, knownRights: ReadonlySet<string>): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const guard = fieldGuard(field.extensions as Record<string, unknown>);
      if (!guard) {
        throw new Error(
          `GraphQL field ${type.name}.${field.name} has no guard — add extensions: { right: '<module.right>' } (or authenticated/public)`,
        );
      }
      for (const right of 'right' in guard ? [guard.right] : 'anyRight' in guard ? guard.anyRight : []) {
        if (!knownRights.has(right)) {
          throw new Error(
            `GraphQL field ${type.name}.${field.name} requires right '${right}', which no module declares`,
          );
        }
      }
      const inner = (field.resolve ?? ((src: Record<string, unknown>) => src?.[field.name])) as GraphQLFieldResolver<
        unknown,
        Ctx
      >;
      field.resolve = async (src, args, ctx, info) => {
        try {
          if (!('public' in guard)) {
            if (!ctx.user) throw new UnauthenticatedError();
            if ('right' in guard) checkRight(ctx.user, guard.right);
            if ('anyRight' in guard) checkAnyRight(ctx.user, guard.anyRight);
          }
          const nul = nulProblems(args);
          if (nul.length) throw InputError.fields(nul);
          return await inner(src, args, ctx, info);
        } catch (err) {
          if (err instanceof MutuaError) return toGraphQLError(err, ctx);
          if (err instanceof GraphQLError) return err;
          ctx.logger.error({ err, field: `${type.name}.${field.name}` }, 'unexpected error in GraphQL resolver');
          return new GraphQLError(translate(ctx.locale, 'kernel.error.internal'), { extensions: { code: 'INTERNAL' } });
        }
      };
    }
  }
  translateNestedErrors(schema);
  return schema;
}

/**
 * Business errors thrown by nested field resolvers (below a root field) get the caller's language too. Synchronous
 * resolvers stay synchronous, so large lists are not turned into one promise per field.
 */
function translateNestedErrors(schema: GraphQLSchema): void {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || roots.has(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const inner = field.resolve;
      if (!inner) continue;
      const map = (err: unknown, ctx: Ctx) => (err instanceof MutuaError ? toGraphQLError(err, ctx) : err);
      field.resolve = (src, args, ctx: Ctx, info) => {
        try {
          const out = inner(src, args, ctx, info);
          return out instanceof Promise ? out.catch((err: unknown) => Promise.reject(map(err, ctx))) : out;
        } catch (err) {
          throw map(err, ctx);
        }
      };
    }
  }
}
