import { describe, expect, it } from 'vitest';
import { placeOf } from './place.ts';

const names = new Map([[12, 'Mobile app v2']]);
const projectName = (id: number) => names.get(id);

describe("a row's place", () => {
  it("names a todo's project through its root, not its task", () => {
    expect(
      placeOf(
        { parentType: 'task', parentTitle: '#41: Fix login', rootType: 'project', rootId: 12 },
        projectName,
      ),
    ).toBe('Mobile app v2');
  });

  it("names a task's project from its parent before the projects are loaded", () => {
    expect(
      placeOf(
        { parentType: 'project', parentTitle: 'Brand refresh', rootType: 'project', rootId: 99 },
        projectName,
      ),
    ).toBe('Brand refresh');
    expect(
      placeOf(
        { parentType: 'task', parentTitle: '#1', rootType: 'project', rootId: 99 },
        () => undefined,
      ),
    ).toBe('Project 99');
  });

  it('falls back to what the item sits in (a deal: its company), or nothing', () => {
    expect(
      placeOf(
        { parentType: 'company', parentTitle: 'Globex', rootType: null, rootId: null },
        projectName,
      ),
    ).toBe('Globex');
    expect(
      placeOf({ parentType: null, parentTitle: null, rootType: null, rootId: null }, projectName),
    ).toBeNull();
  });
});
