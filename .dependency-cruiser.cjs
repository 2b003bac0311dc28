// The layer rules, checked by `npm run lint` (dependency-cruiser) in CI:
//   renderer/src        → only electron/engine/common and the API contract (api/contract.ts, defineMethod.ts, methods/)
//   the API contract    → only electron/engine/common (so the renderer never pulls engine code in through it)
//   electron/engine/common → nothing with Node in it: no builtins, no npm package but zod, no other engine folder
//   electron/engine/*   → never api/ (except api itself), never the shells (main, preload, host, cli), never 'electron'
//   and no import circles anywhere.
const CONTRACT = '^electron/engine/api/(contract|defineMethod)\\.ts$|^electron/engine/api/methods/';
const COMMON = '^electron/engine/common/';
// The order domain's events.ts imports nothing and is byte-identical to orders-lifecycle's read-only
// file, so common passes its constants on instead of copying them.
const COMMON_MAY_REEXPORT = '^electron/engine/domain/orders/events\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-imports-only-common-and-contract',
      comment: 'The renderer may use the engine only through electron/engine/common and the API contract.',
      severity: 'error',
      from: { path: '^renderer/src/' },
      to: { path: '^electron/', pathNot: [COMMON, CONTRACT] },
    },
    {
      name: 'renderer-is-node-free',
      comment: 'The renderer runs in a sandboxed browser window: no Node builtins.',
      severity: 'error',
      from: { path: '^renderer/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-imports-only-common',
      comment: 'The contract is imported by the renderer: its schemas come from common, never from engine internals.',
      severity: 'error',
      from: { path: CONTRACT },
      to: { path: '^electron/', pathNot: [COMMON, CONTRACT] },
    },
    {
      name: 'common-is-node-free',
      comment: 'common is shared with the renderer: no Node builtins.',
      severity: 'error',
      from: { path: COMMON },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'common-imports-only-common',
      comment: 'common depends on nothing else in the project (and on zod alone among packages).',
      severity: 'error',
      from: { path: COMMON },
      to: { pathNot: [COMMON, COMMON_MAY_REEXPORT, '(^|/)node_modules/zod/'] },
    },
    {
      name: 'engine-never-imports-api',
      comment: 'The engine (store, broker, domain, runner, grading, …) is used by api/, never the other way round.',
      severity: 'error',
      from: { path: '^electron/engine/', pathNot: '^electron/engine/api/' },
      to: { path: '^electron/engine/api/' },
    },
    {
      name: 'engine-never-imports-shells',
      comment: 'The engine is plain Node: it never imports Electron or the shells that host it.',
      severity: 'error',
      from: { path: '^electron/engine/' },
      to: { path: ['^electron/(main|preload|host|cli)/', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'no-circular',
      comment: 'No import circles: a reader follows every flow one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
