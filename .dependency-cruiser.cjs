/**
 * The layer rules of docs/architecture.md, enforced: imports point down only
 * (engine ← model ← runner ← render ← ui; cli beside render/ui, using runner and model),
 * engine/model stay free of Node built-ins and pixi so they run unchanged in a worker, the
 * voice and back-office models never import each other, and only the Site composes them.
 */
const layer = (name) => `^src/${name}/`;
const forbidUp = (from, targets, why) => ({
  name: `${from}-not-to-${targets.join('-')}`,
  comment: why,
  severity: 'error',
  from: { path: layer(from) },
  to: { path: `^src/(${targets.join('|')})/` },
});

module.exports = {
  forbidden: [
    forbidUp('engine', ['model', 'runner', 'render', 'ui', 'cli', 'app'], 'the engine knows nothing about calls, agents or pixels'),
    forbidUp('model', ['runner', 'render', 'ui', 'cli', 'app'], 'the model is pure and is driven from above'),
    forbidUp('runner', ['render', 'ui', 'cli', 'app'], 'batch runs never touch the page'),
    forbidUp('render', ['ui', 'cli', 'app'], 'render draws what it is given; ui composes it'),
    forbidUp('cli', ['render', 'ui', 'app'], 'the CLI uses runner and model only'),
    forbidUp('app', ['render', 'ui', 'cli'], 'the page\'s sessions feed the views with the model\'s snapshot types; they never need render for them'),
    forbidUp('ui', ['engine'], 'the page builds runs through the Site (app/page-run.ts), never a Simulation of its own: the model may move into a worker'),
    {
      name: 'core-without-node-or-pixi',
      comment: 'engine and model must run in Node, the page and a Web Worker alike',
      severity: 'error',
      from: { path: '^src/(engine|model)/' },
      to: { path: '(^node:|pixi\\.js|uplot|playwright)', dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-no-pkg', 'unknown'] },
    },
    {
      name: 'core-node-builtins',
      severity: 'error',
      from: { path: '^src/(engine|model|runner|render|ui)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'voice-not-to-backoffice',
      comment: 'the two worlds meet only where both are composed (blending.ts, and the Site): voice never imports the back office',
      severity: 'error',
      from: { path: '^src/model/voice/' },
      to: { path: '^src/model/backoffice/' },
    },
    {
      name: 'backoffice-not-to-voice',
      comment: 'the two worlds meet only where both are composed (blending.ts, and the Site): the back office never imports voice',
      severity: 'error',
      from: { path: '^src/model/backoffice/' },
      to: { path: '^src/model/voice/' },
    },
    {
      name: 'only-the-site-composes',
      comment: 'the Site (src/model/site/) builds and wires both worlds on one clock; nothing above the model constructs a model or a Simulation, or wires blending, again (types are fine)',
      severity: 'error',
      from: { path: '^src/(runner|app|ui|render|cli)/' },
      to: {
        path: '^src/(model/voice/voice-model|model/backoffice/backoffice-model|model/site/blending|engine/simulation)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
