import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ENTITIES } from './tables';

const SRC = __dirname;

function moduleSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const folder of readdirSync(SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory()))
    for (const file of readdirSync(join(SRC, folder.name)).filter((name) => name.endsWith('.module.ts')))
      found.set(`${folder.name}/${file}`, readFileSync(join(SRC, folder.name, file), 'utf8'));
  return found;
}

/** Each feature module's `TypeOrmModule.forFeature([...])`, by module file. */
function registrations(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [module, source] of moduleSources()) {
    const list = /TypeOrmModule\.forFeature\(\[([^\]]*)\]\)/.exec(source)?.[1];
    if (list)
      found.set(
        module,
        list
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      );
  }
  return found;
}

describe('rooms with walls', () => {
  it('gives every table one owner: each entity is registered by exactly one feature module', () => {
    const owners = new Map<string, string[]>();
    for (const [module, entities] of registrations()) for (const entity of entities) owners.set(entity, [...(owners.get(entity) ?? []), module]);
    const entities = ENTITIES.map((entity) => entity.name);
    // The number sequences are the database's own plumbing (tickets, certificates and orders draw from them through Sequences).
    const featureEntities = entities.filter((name) => name !== 'SequenceEntity');
    expect(featureEntities.filter((name) => owners.get(name)?.length !== 1)).toEqual([]);
    expect([...owners.keys()].filter((name) => !entities.includes(name))).toEqual([]);
  });

  it("lets no feature read another's tables as repositories: each reaches them through the owner's services or a read model", () => {
    const sharing = [...moduleSources()].filter(([, source]) => /exports: \[[^\]]*\bTypeOrmModule\b/.test(source)).map(([module]) => module);
    expect(sharing).toEqual([]);
    // Not even the access policy: it reads whose things are whose as SQL over the owners' tables.
    expect(readFileSync(join(SRC, 'app.module.ts'), 'utf8')).not.toMatch(/TypeOrmModule\.forFeature/);
  });

  it('lets no two folders import each other: the floors of eslint.config.mjs hold one way, inside a floor too', () => {
    const imports = new Set<string>();
    for (const entry of readdirSync(SRC, { withFileTypes: true, recursive: true })) {
      const path = join(entry.parentPath, entry.name);
      if (!entry.isFile() || !entry.name.endsWith('.ts') || /\.(e2e-)?spec\.ts$/.test(entry.name)) continue;
      const from = relative(SRC, path).split('/')[0]!;
      for (const [, source] of readFileSync(path, 'utf8').matchAll(/from '(\.[^']*)'/g)) {
        const to = relative(SRC, resolve(dirname(path), source!)).split('/')[0]!;
        if (to !== from && !to.startsWith('..')) imports.add(`${from} -> ${to}`);
      }
    }
    const both = [...imports].filter((pair) => imports.has(pair.split(' -> ').reverse().join(' -> ')));
    expect(imports.size).toBeGreaterThan(50);
    expect(both).toEqual([]);
  });
});
