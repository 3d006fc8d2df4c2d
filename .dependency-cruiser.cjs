/**
 * The layer rules of docs/architecture.md, enforced: imports point down only
 * (engine ← model ← runner ← render ← ui; cli beside render/ui, using runner and model),
 * engine/model stay free of Node built-ins and pixi so they run unchanged in a worker, the
 * voice and back-office models never import each other, and only the Site composes them.
 */
const layer = (name) => `^src/${name}/`;
/**
 * The model's live objects and what builds or runs them: views never reach these, they draw the
 * snapshots (voice-snapshot.ts, backoffice-snapshot.ts, site-snapshot.ts). Not anchored at the
 * start so the probe under tests/fixtures/view-probe/ shows that the rules fire.
 */
const LIVE_MODEL = 'src/model/(voice/voice-model|voice/voice-objects|backoffice/backoffice-model|backoffice/backoffice-objects|site/site|site/site-views|site/voice-view|backoffice/backoffice-view)\\.ts$';
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
    {
      name: 'render-draws-snapshots-only',
      comment: 'render draws the snapshots and feeds the model declares; it never sees a live Call, Agent, Clerk or model, not even as a type, so the model may recycle its objects and run in a worker',
      severity: 'error',
      from: { path: '(^|/)src/render/' },
      to: { path: LIVE_MODEL },
    },
    {
      name: 'render-imports-model-types-only',
      comment: 'from the model, render imports types, and at run time only the snapshot files\' constants (feed and move kinds)',
      severity: 'error',
      from: { path: '(^|/)src/render/' },
      to: { path: '(^|/)src/model/', pathNot: '-snapshot\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-no-live-model-at-run-time',
      comment: 'ui reads snapshots and the sessions\' books; it never constructs or calls the models or the Site itself (the page run does)',
      severity: 'error',
      from: { path: '(^|/)src/ui/' },
      to: { path: LIVE_MODEL, dependencyTypesNot: ['type-only'] },
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
