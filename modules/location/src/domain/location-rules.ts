import { checkCode, checkCount, checkText, clean } from './text.js';
import type { LocationInput, Problem } from './types.js';

export const LOCATION_CODE_MAX = 8;
export const LOCATION_NAME_MAX = 50;

/** Depth of a type in the configured levels (0 = region); -1 when the letter is not a level. */
export const levelOf = (type: string, levels: readonly string[]): number => levels.indexOf(type);

/** The type a child of `parentType` must have (`null` parent → top level); undefined under the last level. */
export function childType(parentType: string | null, levels: readonly string[]): string | undefined {
  if (parentType === null) return levels[0];
  const i = levelOf(parentType, levels);
  return i < 0 ? undefined : levels[i + 1];
}

/** DOMAIN.md §4.1: creating or editing the two top levels (region, district) needs the extra right (121906). */
export const isRegionOrDistrict = (type: string, levels: readonly string[]): boolean => {
  const i = levelOf(type, levels);
  return i === 0 || i === 1;
};

export const districtType = (levels: readonly string[]): string => levels[1]!;
export const villageType = (levels: readonly string[]): string => levels[levels.length - 1]!;

/**
 * Field rules of a location and its place in the tree. `parentType` is the current type of the chosen parent:
 * `null` when no parent is given, `undefined` when a parent id was given but does not exist (or is out of reach).
 * Returns the problems and, when the tree rules pass, the type the location gets.
 */
export function checkLocation(
  input: LocationInput,
  levels: readonly string[],
  parentType: string | null | undefined,
): { problems: Problem[]; type: string | undefined } {
  const problems: Problem[] = [];
  checkCode(problems, 'code', input.code, LOCATION_CODE_MAX);
  checkText(problems, 'name', input.name, LOCATION_NAME_MAX, true);
  checkCount(problems, 'malePopulation', input.malePopulation);
  checkCount(problems, 'femalePopulation', input.femalePopulation);
  checkCount(problems, 'otherPopulation', input.otherPopulation);
  checkCount(problems, 'families', input.families);

  const given = clean(input.type);
  if (given !== null && levelOf(given, levels) < 0) {
    problems.push({ field: 'type', key: 'location.error.notAllowed', params: { allowed: levels.join(', ') } });
    return { problems, type: undefined };
  }
  if (parentType === undefined) {
    problems.push({ field: 'parentId', key: 'location.error.parentNotFound' });
    return { problems, type: undefined };
  }
  const expected = childType(parentType, levels);
  if (expected === undefined) {
    problems.push({ field: 'parentId', key: 'location.error.parentIsLeaf', params: { type: parentType } });
    return { problems, type: undefined };
  }
  if (given !== null && given !== expected) {
    // A top-level location has no parent; every other level needs the level just above it.
    const key = parentType === null ? 'location.error.parentRequired' : 'location.error.typeUnderParent';
    problems.push({
      field: parentType === null ? 'parentId' : 'type',
      key,
      params: { type: given, expected, parentType },
    });
    return { problems, type: undefined };
  }
  return { problems, type: expected };
}

/** A node of a subtree being moved: its current type and its depth below the moved node (0 = the node itself). */
export interface SubtreeNode {
  id: string;
  type: string;
  depth: number;
}

/**
 * DOMAIN.md §4.1 move: the moved node takes the level just under its new parent (`newParentType`, `null` = becomes
 * a top-level location) and every descendant shifts by the same number of levels, so a child stays exactly one level
 * under its parent. Returns the nodes whose type changes, or a problem when the subtree would go below the last level.
 */
export function retype(
  subtree: readonly SubtreeNode[],
  newParentType: string | null,
  levels: readonly string[],
): { changes: Array<{ id: string; from: string; to: string }>; problem?: Problem } {
  const top = newParentType === null ? 0 : levelOf(newParentType, levels) + 1;
  if (newParentType !== null && top === 0) {
    return { changes: [], problem: { field: 'newParentId', key: 'location.error.parentNotFound' } };
  }
  const deepest = subtree.reduce((m, n) => Math.max(m, n.depth), 0);
  if (top + deepest >= levels.length) {
    return {
      changes: [],
      problem: { field: 'newParentId', key: 'location.error.moveTooDeep', params: { levels: levels.length } },
    };
  }
  const changes: Array<{ id: string; from: string; to: string }> = [];
  for (const n of subtree) {
    const to = levels[top + n.depth]!;
    if (to !== n.type) changes.push({ id: n.id, from: n.type, to });
  }
  return { changes };
}

/** A node cannot move under itself or one of its descendants (the tree would become a cycle). */
export function checkMoveTarget(subtreeIds: ReadonlySet<string>, newParentId: string | null): Problem | undefined {
  if (newParentId !== null && subtreeIds.has(newParentId)) {
    return { field: 'newParentId', key: 'location.error.moveIntoOwnSubtree' };
  }
  return undefined;
}

/**
 * Deleting a location while keeping its children: they move to `newParentType`, which must be at the deleted
 * location's level so the children keep their own level (no silent re-typing on delete).
 */
export function checkChildrenTarget(
  deleted: { id: string; type: string },
  newParent: { id: string; type: string } | undefined,
): Problem | undefined {
  if (!newParent) return { field: 'newParentId', key: 'location.error.parentNotFound' };
  if (newParent.id === deleted.id) return { field: 'newParentId', key: 'location.error.moveIntoOwnSubtree' };
  if (newParent.type !== deleted.type) {
    return { field: 'newParentId', key: 'location.error.newParentLevel', params: { type: deleted.type } };
  }
  return undefined;
}
