import type { AssignorName } from '../types';
import { rangeAssign } from './range';
import { roundRobinAssign } from './roundRobin';
import { stickyAssign } from './sticky';
import type { AssignFn } from './types';

export type { AssignFn, AssignorMember } from './types';
export { javaHashMapOrder, javaStringHash } from './javaHashOrder';

export const assignors: Readonly<Record<AssignorName, AssignFn>> = Object.freeze({
  range: rangeAssign,
  roundrobin: roundRobinAssign,
  sticky: stickyAssign,
});
