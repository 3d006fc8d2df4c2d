/**
 * The names the scene draws for queues, agent groups, campaigns and work types, by id, in the
 * page's language: given by the page (from the scenario's translations), since the snapshots carry
 * the model's plain names. A thing the maps do not name is drawn under its plain name.
 */
export interface SceneNames {
  readonly queues: ReadonlyMap<string, string>;
  readonly agentGroups: ReadonlyMap<string, string>;
  readonly campaigns: ReadonlyMap<string, string>;
  readonly workTypes: ReadonlyMap<string, string>;
}

export const PLAIN_NAMES: SceneNames = { queues: new Map(), agentGroups: new Map(), campaigns: new Map(), workTypes: new Map() };

export function sceneName(names: ReadonlyMap<string, string>, thing: { readonly id: string; readonly name: string }): string {
  return names.get(thing.id) ?? thing.name;
}
